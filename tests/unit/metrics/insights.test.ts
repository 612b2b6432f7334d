import { describe, expect, it } from "vitest";
import { detectInsights, type InsightInput } from "@/lib/metrics/insights";

const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;
const decimal = (amount: string, currency: string) => `${amount} ${currency}`;
const monthName = (m: string) => `M${m}`;
const none: InsightInput = { late: [], silent: [], goals: [], closed: null };

describe("detectInsights", () => {
  it("keys each event by what it is, so the same one is never raised twice", () => {
    const got = detectInsights(
      {
        ...none,
        late: [
          {
            scheduleId: "s1",
            streamId: "c",
            name: "Acme retainer",
            streamName: "Consulting",
            dueOn: "2026-11-01",
            amount: "3000.00",
            currency: "USD",
            daysLate: 12,
          },
        ],
        silent: [{ streamId: "bot", name: "Caption bot", lastIncomeOn: "2026-11-10", daysSinceLast: 19, expectedGapDays: 2 }],
      },
      money,
      decimal,
      monthName,
    );
    expect(got.map((i) => [i.kind, i.key, i.title])).toEqual([
      ["schedule.late", "schedule.late:s1:2026-11-01", "Acme retainer is late"],
      ["stream.silent", "stream.silent:bot:2026-11-10", "Caption bot has gone silent"],
    ]);
    expect(got[0]!.body).toBe("3000.00 USD was due on 2026-11-01 (Consulting) and has not arrived: 12 days late.");
    expect(got[1]!.body).toContain("No income for 19 days; it usually earns every 2 days.");
  });

  it("raises a goal only once income reaches a positive target", () => {
    const goals = [
      { streamId: null, streamName: null, month: "2026-12", target: 1000_00, actual: 1000_00 },
      { streamId: "etsy", streamName: "Etsy", month: "2026-12", target: 500_00, actual: 499_99 },
      { streamId: "blog", streamName: "Blog", month: "2026-12", target: 0, actual: 10_00 },
    ];
    const got = detectInsights({ ...none, goals }, money, decimal, monthName);
    expect(got.map((i) => [i.key, i.title, i.body])).toEqual([
      ["goal.reached:portfolio:2026-12", "Your portfolio reached its M2026-12 goal", "$1000.00 so far against a goal of $1000.00."],
    ]);
  });

  it("sums up a closed month: income, change against the average, the largest mover, and rules that changed status", () => {
    // income 9000 against an average of 12000: (9000 − 12000) / 12000 = −25%.
    // movers: Etsy 1000 → 4000 (+3000), Consulting 8000 → 5000 (−3000): a tie on size, broken by name (Consulting).
    const got = detectInsights(
      {
        ...none,
        closed: {
          month: "2026-11",
          income: 9000_00,
          average: 12000_00,
          streams: [
            { id: "etsy", name: "Etsy", income: 4000_00, previous: 1000_00 },
            { id: "c", name: "Consulting", income: 5000_00, previous: 8000_00 },
          ],
          rulesBefore: [
            { id: "stream-concentration", status: "pass" },
            { id: "income-volatility", status: "n/a" },
            { id: "effective-streams", status: "warn" },
          ],
          rulesAfter: [
            { id: "stream-concentration", status: "warn" },
            { id: "income-volatility", status: "pass" },
            { id: "effective-streams", status: "warn" },
          ],
        },
      },
      money,
      decimal,
      monthName,
    );
    expect(got.map((i) => i.key)).toEqual(["rule.changed:stream-concentration:2026-11", "month.closed:2026-11"]);
    expect(got[0]!.title).toBe("Largest stream share: pass → warn");
    expect(got[1]!.title).toBe("M2026-11 closed: $9000.00");
    expect(got[1]!.body).toBe(
      "You earned $9000.00 in M2026-11, −25% against your average month of $12000.00. The largest mover was Consulting: $5000.00, down $3000.00 on the month before.",
    );
    expect(got[1]!.data).toMatchObject({ change: -0.25, largestMover: { streamId: "c" } });
  });

  it("says no change against the average when there was no month before", () => {
    const got = detectInsights(
      { ...none, closed: { month: "2026-11", income: 100, average: null, streams: [], rulesBefore: [], rulesAfter: [] } },
      money,
      decimal,
      monthName,
    );
    expect(got.map((i) => i.body)).toEqual(["You earned $1.00 in M2026-11."]);
  });
});
