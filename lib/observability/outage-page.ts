/*
 * The page proxy.ts answers, with 503 and Retry-After, while the database is known to be away: the same
 * words as the pages' own outage state (components/shell/failure-state.tsx), in plain HTML because no
 * page can render without the database. Its one script asks the readiness probe at once and then every
 * 5 s, and reloads the page once the database answers. Imports nothing: the proxy takes it as is.
 */

export const OUTAGE_RETRY_SECONDS = 5;

export function outagePage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Can’t reach the database · Streamfolio</title>
<style nonce="${nonce}">
  :root { color-scheme: light dark; --bg: #f5f7f9; --fg: #111827; --muted: #4b5563; --line: #d1d5db; }
  @media (prefers-color-scheme: dark) { :root { --bg: #131720; --fg: #f3f4f6; --muted: #9ca3af; --line: #374151; } }
  body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 32rem; margin: 0 auto; padding: 4rem 1rem; }
  h1 { font-size: 1.25rem; font-weight: 600; margin: 0 0 .75rem; }
  p { color: var(--muted); margin: 0 0 .75rem; }
  a { display: inline-block; margin-top: .25rem; padding: .5rem 1rem; border: 1px solid var(--line); border-radius: .375rem; color: inherit; text-decoration: none; font-size: .875rem; }
</style>
</head>
<body>
<main>
<div role="alert">
<h1>Can’t reach the database</h1>
<p>Streamfolio is running, but its database is not answering right now. Nothing you saved is lost: every change is kept whole or not at all. This page tries again every few seconds and comes back by itself.</p>
<a href="">Try now</a>
</div>
</main>
<script nonce="${nonce}">
(function () {
  function check() {
    fetch("/api/health/ready", { cache: "no-store" }).then(function (res) {
      if (res.ok) location.reload(); else setTimeout(check, ${OUTAGE_RETRY_SECONDS * 1000});
    }, function () { setTimeout(check, ${OUTAGE_RETRY_SECONDS * 1000}); });
  }
  check();
})();
</script>
</body>
</html>`;
}
