import Link from "next/link";
import { Logo } from "@/components/shell/logo";
import { buttonClasses } from "@/components/ui/button";

// Illustrative figures only (no data access on this page). Shares sum to 100; effective streams is
// 1 / Σshare² = 1 / 0.252 ≈ 4.0, as METRICS.md defines it.
const exampleStreams = [
  { name: "Client work", share: 38, colour: "bg-chart-1" },
  { name: "YouTube", share: 24, colour: "bg-chart-2" },
  { name: "Etsy shop", share: 16, colour: "bg-chart-3" },
  { name: "Affiliate blog", share: 12, colour: "bg-chart-4" },
  { name: "SaaS bot", share: 10, colour: "bg-chart-5" },
] as const;

const features = [
  {
    title: "See how diversified you are",
    body: "Each stream's share of your income, and the effective number of streams you really depend on.",
  },
  {
    title: "Measure volatility and concentration",
    body: "Month-to-month swings, your worst month, and how much rides on a single client or platform.",
  },
  {
    title: "Stress-test the biggest loss",
    body: "Take away your largest stream, client or platform and see what income remains and how long your cash buffer lasts.",
  },
] as const;

/** The signed-out home page. Static: app/page.tsx decides whether to show it (and a `notice`, e.g. after an account was deleted). */
export function Landing({ notice }: { notice?: string } = {}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-6xl items-center px-4 py-5 sm:px-6">
        <Logo href="/" />
      </header>

      <main className="flex-1">
        {notice ? (
          <p
            role="status"
            className="mx-auto mt-2 w-[calc(100%-2rem)] max-w-6xl rounded-lg border border-border bg-muted px-4 py-3 text-sm font-medium sm:w-[calc(100%-3rem)]"
          >
            {notice}
          </p>
        ) : null}
        <section className="mx-auto grid w-full max-w-6xl items-center gap-10 px-4 pt-8 pb-16 sm:px-6 sm:pt-16 lg:grid-cols-[minmax(0,1fr)_24rem] lg:gap-16">
          <div className="min-w-0">
            <h1 className="text-4xl font-semibold tracking-tight text-balance text-foreground sm:text-5xl">
              Your income is a portfolio. Manage it like one.
            </h1>
            <p className="mt-5 max-w-2xl text-lg text-pretty text-muted-foreground">
              Streamfolio brings every income stream — freelance clients, YouTube, Etsy, an affiliate blog, a SaaS bot — together as one
              portfolio. See how diversified, volatile and concentrated your income is, and what happens if your biggest client, platform or
              stream disappears.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href="/sign-up" className={buttonClasses({ size: "lg" })}>
                Sign up
              </Link>
              <Link href="/sign-in" className={buttonClasses({ variant: "secondary", size: "lg" })}>
                Sign in
              </Link>
            </div>
          </div>

          <figure className="min-w-0 rounded-xl border border-border bg-surface p-5 shadow-sm">
            <figcaption className="text-sm font-medium text-muted-foreground">Example portfolio, last 12 months</figcaption>
            <div aria-hidden="true" className="mt-4 flex h-3 overflow-hidden rounded-full">
              {exampleStreams.map((stream) => (
                <div key={stream.name} className={stream.colour} style={{ width: `${stream.share}%` }} />
              ))}
            </div>
            <ul className="mt-4 flex flex-col gap-2 text-sm">
              {exampleStreams.map((stream) => (
                <li key={stream.name} className="flex items-center justify-between gap-3">
                  <span className="flex min-w-0 items-center gap-2">
                    <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${stream.colour}`} />
                    <span className="truncate text-foreground">{stream.name}</span>
                  </span>
                  <span className="money text-muted-foreground">{stream.share}%</span>
                </li>
              ))}
            </ul>
            <dl className="mt-5 grid grid-cols-2 gap-3 border-t border-border pt-4">
              <div>
                <dt className="text-xs text-muted-foreground">Effective streams</dt>
                <dd className="money mt-0.5 text-xl font-semibold text-foreground">4.0</dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">Left if the top stream stops</dt>
                <dd className="money mt-0.5 text-xl font-semibold text-foreground">62%</dd>
              </div>
            </dl>
          </figure>
        </section>

        <section aria-labelledby="features-heading" className="border-t border-border bg-surface">
          <div className="mx-auto w-full max-w-6xl px-4 py-14 sm:px-6">
            <h2 id="features-heading" className="text-xl font-semibold tracking-tight text-foreground">
              What a portfolio view shows you
            </h2>
            <ul className="mt-6 grid gap-6 sm:grid-cols-3">
              {features.map((feature, index) => (
                <li key={feature.title} className="min-w-0">
                  <span
                    aria-hidden="true"
                    className="mb-3 block h-1 w-8 rounded-full"
                    style={{ backgroundColor: `var(--chart-${index + 1})` }}
                  />
                  <h3 className="text-base font-semibold text-foreground">{feature.title}</h3>
                  <p className="mt-1.5 text-sm text-muted-foreground">{feature.body}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>

      <footer className="mx-auto w-full max-w-6xl px-4 py-6 text-sm text-muted-foreground sm:px-6">
        Streamfolio · self-hostable, MIT licensed
      </footer>
    </div>
  );
}
