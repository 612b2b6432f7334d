// A deterministic, realistic two-year portfolio of a freelance designer: two retainer clients (one paying
// in EUR), Etsy templates, a YouTube channel with sponsorships, an affiliate blog and a small paid bot.
// Pure: the same `today` always gives the same portfolio.
import { addMonths, daysInMonth, monthOf } from "@/lib/metrics/months";

export interface DemoStream {
  name: string;
  kind: "freelance" | "content" | "product" | "affiliate" | "sponsorship" | "saas" | "commerce" | "other";
  role: "anchor" | "growth" | "speculative";
  platform: string | null;
  color: string;
  description: string;
}

export interface DemoTransaction {
  stream: string;
  kind: "income" | "expense";
  occurredOn: string;
  amountMinor: number;
  currency: string;
  counterparty: string | null;
  platform: string | null;
  description: string;
  externalId: string;
  /** The demo schedule (by name) whose occurrence it settles. */
  schedule?: string;
}

export interface DemoSchedule {
  stream: string;
  name: string;
  counterparty: string;
  kind: "income" | "expense";
  amountMinor: number;
  currency: string;
  cadence: "monthly";
  startOn: string;
}

export interface DemoPortfolio {
  streams: DemoStream[];
  transactions: DemoTransaction[];
  timeEntries: { stream: string; occurredOn: string; minutes: number; note: string }[];
  goals: { stream: string | null; targetMinor: number; effectiveFrom: string }[];
  rates: { currency: string; date: string; rate: string }[];
  /** Expected payments: the two retainers and the Creative Cloud subscription, with their payments linked. */
  schedules: DemoSchedule[];
  /** Which stream feeds which: the channel brings sponsors and template buyers, the blog template buyers. */
  feeds: { from: string; to: string }[];
  settings: { essentialMonthlyExpensesMinor: number; cashBufferMinor: number; taxRate: string };
}

const STREAMS: DemoStream[] = [
  {
    name: "Northwind retainer",
    kind: "freelance",
    role: "anchor",
    platform: null,
    color: "#2563eb",
    description: "Brand and UI design retainer, invoiced monthly.",
  },
  {
    name: "Lumen Labs retainer",
    kind: "freelance",
    role: "anchor",
    platform: null,
    color: "#0891b2",
    description: "Product design for a Berlin start-up, paid in EUR.",
  },
  {
    name: "Etsy templates",
    kind: "product",
    role: "growth",
    platform: "Etsy",
    color: "#ea580c",
    description: "Notion and Figma templates.",
  },
  {
    name: "YouTube channel",
    kind: "content",
    role: "growth",
    platform: "YouTube",
    color: "#dc2626",
    description: "Design tutorials; AdSense revenue.",
  },
  {
    name: "Sponsorships",
    kind: "sponsorship",
    role: "speculative",
    platform: "YouTube",
    color: "#9333ea",
    description: "Sponsored segments in videos.",
  },
  {
    name: "Affiliate blog",
    kind: "affiliate",
    role: "growth",
    platform: "Amazon Associates",
    color: "#16a34a",
    description: "Reviews of design tools.",
  },
  {
    name: "Invoice bot",
    kind: "saas",
    role: "speculative",
    platform: "Stripe",
    color: "#ca8a04",
    description: "A small paid Slack bot for freelancers' invoices.",
  },
];

/** A tiny seeded generator (mulberry32): the demo must be identical on every machine. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

export function demoPortfolio(today: string, months = 24): DemoPortfolio {
  const rand = seeded(20_26);
  const between = (lo: number, hi: number) => Math.round(lo + (hi - lo) * rand());
  const current = monthOf(today);
  const first = addMonths(current, -(months - 1));
  const txs: DemoTransaction[] = [];
  const time: DemoPortfolio["timeEntries"] = [];
  let seq = 0;
  const add = (t: Omit<DemoTransaction, "externalId">) => {
    // Nothing after today: the current month is still in progress.
    if (t.occurredOn <= today) txs.push({ ...t, externalId: `demo-${++seq}` });
  };
  const day = (month: string, d: number) => `${month}-${pad(Math.min(d, daysInMonth(month)))}`;

  for (let i = 0; i < months; i++) {
    const m = addMonths(first, i);
    const season = [1.25, 0.8, 0.85, 0.9, 0.95, 0.9, 0.85, 0.9, 1.0, 1.1, 1.35, 1.6][Number(m.slice(5)) - 1]!;

    // Anchor 1: a monthly retainer with occasional extra work.
    add({
      stream: "Northwind retainer",
      kind: "income",
      occurredOn: day(m, 1),
      amountMinor: 400_000,
      currency: "USD",
      counterparty: "Northwind Studio",
      platform: null,
      description: "Monthly retainer",
      schedule: "Northwind monthly retainer",
    });
    if (rand() < 0.3)
      add({
        stream: "Northwind retainer",
        kind: "income",
        occurredOn: day(m, 18),
        amountMinor: between(60_000, 150_000),
        currency: "USD",
        counterparty: "Northwind Studio",
        platform: null,
        description: "Extra design sprint",
      });
    // Anchor 2 started eight months in, paid in EUR.
    if (i >= 8)
      add({
        stream: "Lumen Labs retainer",
        kind: "income",
        occurredOn: day(m, 5),
        amountMinor: 220_000,
        currency: "EUR",
        counterparty: "Lumen Labs GmbH",
        platform: null,
        description: "Monthly retainer",
        schedule: "Lumen Labs monthly retainer",
      });
    for (const [d, hours] of [
      [3, 6],
      [10, 7],
      [17, 6],
      [24, 7],
    ] as const) {
      time.push({ stream: "Northwind retainer", occurredOn: day(m, d), minutes: hours * 60, note: "Retainer work" });
      if (i >= 8)
        time.push({ stream: "Lumen Labs retainer", occurredOn: day(m, d + 1), minutes: (hours - 2) * 60, note: "Product design" });
    }
    // Etsy: weekly payouts with seasonality, and listing fees.
    for (const d of [7, 14, 21, 28]) {
      add({
        stream: "Etsy templates",
        kind: "income",
        occurredOn: day(m, d),
        amountMinor: Math.round(between(9_000, 22_000) * season * (1 + i / 40)),
        currency: "USD",
        counterparty: null,
        platform: "Etsy",
        description: "Weekly payout",
      });
    }
    add({
      stream: "Etsy templates",
      kind: "expense",
      occurredOn: day(m, 28),
      amountMinor: between(1_500, 3_000),
      currency: "USD",
      counterparty: null,
      platform: "Etsy",
      description: "Listing and transaction fees",
    });
    if (rand() < 0.25)
      add({
        stream: "Etsy templates",
        kind: "income",
        occurredOn: day(m, 16),
        amountMinor: -between(1_200, 3_500),
        currency: "USD",
        counterparty: null,
        platform: "Etsy",
        description: "Refund",
      });
    time.push({ stream: "Etsy templates", occurredOn: day(m, 12), minutes: between(4, 9) * 60, note: "New template" });
    // YouTube AdSense, growing, paid on the 21st for the month before.
    add({
      stream: "YouTube channel",
      kind: "income",
      occurredOn: day(m, 21),
      amountMinor: Math.round(between(18_000, 30_000) * (1 + i / 18) * season),
      currency: "USD",
      counterparty: "Google AdSense",
      platform: "YouTube",
      description: "AdSense",
    });
    add({
      stream: "YouTube channel",
      kind: "expense",
      occurredOn: day(m, 2),
      amountMinor: 2_999,
      currency: "USD",
      counterparty: "Adobe",
      platform: null,
      description: "Creative Cloud",
      schedule: "Creative Cloud",
    });
    time.push({ stream: "YouTube channel", occurredOn: day(m, 9), minutes: between(8, 14) * 60, note: "Two videos" });
    // Sponsorships: lumpy.
    if (rand() < 0.35) {
      const brand = ["Figma", "Framer", "Skillshare", "Squarespace"][between(0, 3)]!;
      add({
        stream: "Sponsorships",
        kind: "income",
        occurredOn: day(m, between(3, 26)),
        amountMinor: between(80_000, 250_000),
        currency: "USD",
        counterparty: brand,
        platform: null,
        description: `${brand} sponsored segment`,
      });
    }
    // Affiliate commissions, paid about 60 days late.
    add({
      stream: "Affiliate blog",
      kind: "income",
      occurredOn: day(m, 27),
      amountMinor: Math.round(between(9_000, 26_000) * season),
      currency: "USD",
      counterparty: "Amazon",
      platform: null,
      description: "Commissions",
    });
    add({
      stream: "Affiliate blog",
      kind: "expense",
      occurredOn: day(m, 3),
      amountMinor: 1_500,
      currency: "USD",
      counterparty: "Ghost",
      platform: null,
      description: "Blog hosting",
    });
    // The bot: MRR from a dozen customers, growing, with hosting costs.
    if (i >= 6) {
      const mrr = Math.round(4_900 * (1 + (i - 6) * 0.45) + between(0, 3_000));
      add({
        stream: "Invoice bot",
        kind: "income",
        occurredOn: day(m, 15),
        amountMinor: mrr,
        currency: "USD",
        counterparty: null,
        platform: "Stripe",
        description: "Subscriptions (net of Stripe fees)",
      });
      add({
        stream: "Invoice bot",
        kind: "expense",
        occurredOn: day(m, 15),
        amountMinor: 2_500,
        currency: "USD",
        counterparty: "Fly.io",
        platform: null,
        description: "Hosting",
      });
      time.push({ stream: "Invoice bot", occurredOn: day(m, 20), minutes: between(2, 6) * 60, note: "Support and fixes" });
    }
  }

  // EUR→USD, dated quarterly over the whole span (rates are quoted in the base currency, USD).
  const rates: DemoPortfolio["rates"] = [];
  for (let i = 0; i < months; i += 3) {
    rates.push({ currency: "EUR", date: day(addMonths(first, i), 1), rate: (1.05 + 0.04 * rand()).toFixed(4) });
  }

  return {
    streams: STREAMS,
    transactions: txs,
    timeEntries: time.filter((t) => t.occurredOn <= today),
    goals: [
      { stream: null, targetMinor: 900_000, effectiveFrom: first },
      { stream: null, targetMinor: 1_000_000, effectiveFrom: addMonths(current, -5) },
      { stream: "Etsy templates", targetMinor: 80_000, effectiveFrom: addMonths(current, -11) },
      { stream: "Invoice bot", targetMinor: 50_000, effectiveFrom: addMonths(current, -2) },
    ],
    rates,
    schedules: [
      {
        stream: "Northwind retainer",
        name: "Northwind monthly retainer",
        counterparty: "Northwind Studio",
        kind: "income",
        amountMinor: 400_000,
        currency: "USD",
        cadence: "monthly",
        startOn: `${first}-01`,
      },
      {
        stream: "Lumen Labs retainer",
        name: "Lumen Labs monthly retainer",
        counterparty: "Lumen Labs GmbH",
        kind: "income",
        amountMinor: 220_000,
        currency: "EUR",
        cadence: "monthly",
        startOn: `${addMonths(first, 8)}-05`,
      },
      {
        stream: "YouTube channel",
        name: "Creative Cloud",
        counterparty: "Adobe",
        kind: "expense",
        amountMinor: 2_999,
        currency: "USD",
        cadence: "monthly",
        startOn: `${first}-02`,
      },
    ],
    feeds: [
      { from: "YouTube channel", to: "Sponsorships" },
      { from: "YouTube channel", to: "Etsy templates" },
      { from: "Affiliate blog", to: "Etsy templates" },
    ],
    // A quarter of net income put aside for taxes: a common rule of thumb for the self-employed.
    settings: { essentialMonthlyExpensesMinor: 550_000, cashBufferMinor: 2_500_000, taxRate: "0.25" },
  };
}
