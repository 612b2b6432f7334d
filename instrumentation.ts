// Opens (and, for the embedded database, migrates) the database once at start-up, so the first
// request does not pay for it and a broken database fails loudly at boot; then starts the background work.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampClientIp } = await import("./lib/stamp-client-ip");
  stampClientIp();
  const { pingDb } = await import("./db/index");
  await pingDb();
  // On Postgres without NEXTAUTH_SECRET, the session secret every instance shares, kept in the database.
  const { loadAuthSecret } = await import("./lib/secret");
  await loadAuthSecret();
  if (process.env.BACKGROUND_JOBS !== "false") {
    const { startBackgroundJobs } = await import("./lib/jobs");
    startBackgroundJobs();
  }
}

/**
 * An error thrown while rendering a page, a server action or a route handler outside route(): one JSON line
 * with the request's id (proxy.ts), so a user's report of a failed page can be found in the logs.
 */
export async function onRequestError(
  err: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routerKind: string; routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { errorFields, logLine } = await import("./lib/log");
  const { isDatabaseUnavailable } = await import("./lib/http");
  // The pages that follow answer 503 at once (proxy.ts) instead of each waiting out the connect timeout.
  if (isDatabaseUnavailable(err)) (await import("./lib/observability/health")).noteDatabaseFailure();
  const requestId = request.headers["x-request-id"];
  logLine("error", "page failed", {
    ...(typeof requestId === "string" ? { requestId } : {}),
    method: request.method,
    route: context.routePath,
    routeType: context.routeType,
    ...(err && typeof err === "object" && "digest" in err ? { digest: String(err.digest) } : {}),
    ...errorFields(err),
  });
}
