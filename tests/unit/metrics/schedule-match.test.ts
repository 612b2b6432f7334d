import { describe, expect, it } from "vitest";
import { autoMatch, fittingOccurrences, matchWindowDays, type MatchableSchedule } from "@/lib/metrics/schedule-match";

const rule = { cadence: "monthly" as const, interval: 1, startOn: "2026-01-01", endOn: null, graceDays: 5 };
const retainer: MatchableSchedule = {
  id: "a",
  streamId: "s",
  kind: "income",
  currency: "USD",
  amountMinor: 300000,
  counterparty: "Acme Inc.",
  rule,
  open: ["2026-01-01", "2026-02-01", "2026-03-01"],
};
const pay = (occurredOn: string, extra: Partial<Parameters<typeof fittingOccurrences>[1]> = {}) => ({
  streamId: "s",
  kind: "income" as const,
  currency: "USD",
  amountMinor: 300000,
  counterparty: " acme inc. ",
  occurredOn,
  ...extra,
});

describe("matchWindowDays", () => {
  it.each([
    // half the time between two occurrences, never under the grace days
    [{ cadence: "weekly", interval: 1, graceDays: 0 }, 3], // floor(7 / 2)
    [{ cadence: "weekly", interval: 2, graceDays: 0 }, 7], // 14 / 2
    [{ cadence: "weekly", interval: 1, graceDays: 5 }, 5], // grace wins over 3
    [{ cadence: "monthly", interval: 1, graceDays: 5 }, 15], // 30 / 2
    [{ cadence: "quarterly", interval: 1, graceDays: 5 }, 45], // floor(91 / 2)
    [{ cadence: "yearly", interval: 1, graceDays: 5 }, 182], // floor(365 / 2)
  ] as const)("%j → %i days", (r, days) => {
    expect(matchWindowDays(r)).toBe(days);
  });
});

describe("fittingOccurrences", () => {
  it("fits the stream, kind, currency, amount and counterparty (trimmed, any case), within the window, nearest first", () => {
    // Jan 20 is 19 days from Jan 1 and 12 from Feb 1: only Feb 1 is within 15 days.
    expect(fittingOccurrences([retainer], pay("2026-01-20"))).toEqual([{ scheduleId: "a", dueOn: "2026-02-01" }]);
    // Jan 16: 15 days from Jan 1 (the edge, in) and 16 from Feb 1 (out).
    expect(fittingOccurrences([retainer], pay("2026-01-16"))).toEqual([{ scheduleId: "a", dueOn: "2026-01-01" }]);
    for (const other of [
      { streamId: "t" },
      { kind: "expense" as const },
      { currency: "EUR" },
      { amountMinor: 300001 },
      { counterparty: "Globex" },
      { counterparty: null },
    ]) {
      expect(fittingOccurrences([retainer], pay("2026-02-01", other)), JSON.stringify(other)).toEqual([]);
    }
    // A schedule that names no counterparty takes anyone's payment.
    expect(fittingOccurrences([{ ...retainer, counterparty: null }], pay("2026-02-01", { counterparty: null }))).toHaveLength(1);
  });
});

describe("autoMatch", () => {
  it("links a payment only when exactly one open occurrence fits, settling it for the payments after", () => {
    const open = [{ ...retainer, open: [...retainer.open] }];
    // In date order: Feb 2 → Feb 1 (the only one within 15 days); Feb 3 → none left that fits (Feb 1 settled,
    // Mar 1 is 26 days away); Mar 1 → Mar 1; a payment from someone else → none.
    const links = autoMatch(open, [pay("2026-03-01"), pay("2026-02-03"), pay("2026-02-02"), pay("2026-03-02", { counterparty: "Globex" })]);
    expect(links).toEqual(["a", null, "a", null]);
    expect(open[0]!.open).toEqual(["2026-01-01"]);
  });

  it("links nothing when two schedules fit the same payment", () => {
    const twin = { ...retainer, id: "b", open: ["2026-02-01"] };
    expect(autoMatch([{ ...retainer, open: [...retainer.open] }, twin], [pay("2026-02-01")])).toEqual([null]);
  });
});
