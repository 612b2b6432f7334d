import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import { exactRatio } from "@/lib/metrics/exact-ratio";
import { convertMinor, formatMinor, parseAmount, roundHalfEven } from "@/lib/metrics/money";
import { addMonths, monthRange, monthsBetween } from "@/lib/metrics/months";
import { maxDrawdown } from "@/lib/metrics/statistics";
import type { MetricsInput, StreamInfo, StreamKind, StreamRole } from "@/lib/metrics/types";

const TOLERANCE = 1e-9;
const KINDS: StreamKind[] = ["freelance", "content", "product", "affiliate", "sponsorship", "saas", "commerce", "other"];
const ROLES: StreamRole[] = ["anchor", "growth", "speculative"];

/** A random portfolio: 1–5 streams over 1–8 months, mostly positive income with some refunds. */
const portfolioArbitrary: fc.Arbitrary<MetricsInput> = fc
  .record({
    monthCount: fc.integer({ min: 1, max: 8 }),
    streams: fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z]{1,6}$/),
        name: fc.constantFrom("Alpha", "Beta", "Gamma", "Delta", "alpha"),
        kind: fc.constantFrom(...KINDS),
        role: fc.constantFrom(...ROLES),
        platform: fc.constantFrom(null, "Etsy", "YouTube"),
        archived: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5, selector: (s) => s.id },
    ),
    cells: fc.array(
      fc.record({
        streamIndex: fc.nat(),
        monthIndex: fc.nat(),
        income: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: -200_000, max: 0 })),
        expenses: fc.integer({ min: 0, max: 1_000_000 }),
      }),
      { maxLength: 40 },
    ),
    clients: fc.uniqueArray(fc.record({ key: fc.stringMatching(/^[a-z]{1,5}$/), income: fc.integer({ min: -1000, max: 3_000_000 }) }), {
      maxLength: 6,
      selector: (c) => c.key,
    }),
    minutes: fc.array(fc.record({ streamIndex: fc.nat(), minutes: fc.integer({ min: 1, max: 10_000 }) }), { maxLength: 6 }),
    essential: fc.option(fc.integer({ min: 0, max: 2_000_000 })),
    buffer: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
    firstMonthOffset: fc.option(fc.integer({ min: -3, max: 8 })),
    tails: fc.array(
      fc.record({ streamIndex: fc.nat(), monthsBack: fc.integer({ min: 1, max: 6 }), income: fc.integer({ min: -50_000, max: 500_000 }) }),
      {
        maxLength: 6,
      },
    ),
    goals: fc.array(
      fc.record({
        streamIndex: fc.option(fc.nat()),
        targetMinor: fc.integer({ min: 0, max: 3_000_000 }),
        monthOffset: fc.integer({ min: -2, max: 9 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ monthCount, streams, cells, clients, minutes, essential, buffer, firstMonthOffset, tails, goals }): MetricsInput => {
    const from = "2024-01";
    const to = addMonths(from, monthCount - 1);
    const streamAt = (index: number): StreamInfo => streams[index % streams.length] as StreamInfo;
    return {
      window: { from, to },
      today: "2024-05-20",
      firstMonth: firstMonthOffset === null ? null : addMonths(from, firstMonthOffset),
      incomeAfterToday: tails.map((tail) => ({
        streamId: streamAt(tail.streamIndex).id,
        month: addMonths("2024-05", -tail.monthsBack),
        income: tail.income,
      })),
      settings: { baseCurrency: "USD", essentialMonthlyExpenses: essential, cashBuffer: buffer, thresholds: {} },
      streams,
      streamMonths: cells.map((cell) => ({
        streamId: streamAt(cell.streamIndex).id,
        month: addMonths(from, cell.monthIndex % monthCount),
        income: cell.income,
        expenses: cell.expenses,
      })),
      clients: clients.map((client) => ({ key: client.key, display: client.key.toUpperCase(), income: client.income })),
      platforms: [],
      minutes: minutes.map((row) => ({ streamId: streamAt(row.streamIndex).id, minutes: row.minutes })),
      goals: goals.map((goal) => ({
        streamId: goal.streamIndex === null ? null : streamAt(goal.streamIndex).id,
        targetMinor: goal.targetMinor,
        effectiveFrom: addMonths(from, goal.monthOffset),
      })),
      warnings: [],
    };
  });

const sumOf = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe("engine properties", () => {
  it("stream, kind and role shares sum to 1 whenever T+ > 0", () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const result = computeMetrics(input);
        const shares = result.streams.map((s) => s.share).filter((share): share is number => share !== null);
        if (shares.length === 0) return;
        expect(Math.abs(sumOf(shares) - 1)).toBeLessThan(TOLERANCE);
        for (const group of [result.diversification.byKind, result.diversification.byRole]) {
          expect(Math.abs(sumOf(group.map((item) => item.share ?? 0)) - 1)).toBeLessThan(TOLERANCE);
        }
      }),
    );
  });

  it("1/k <= hhi <= 1 over the k earning streams, and effectiveStreams = 1/hhi", () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const result = computeMetrics(input);
        // earning over the analysis months: exactly the streams with a share
        const k = result.streams.filter((s) => s.share !== null).length;
        const { hhi, effectiveStreams } = result.diversification;
        if (k === 0) {
          expect(hhi).toBeNull();
          return;
        }
        expect(hhi).not.toBeNull();
        expect(hhi ?? 0).toBeGreaterThanOrEqual(1 / k - TOLERANCE);
        expect(hhi ?? 2).toBeLessThanOrEqual(1);
        expect(Math.abs((effectiveStreams ?? 0) * (hhi ?? 0) - 1)).toBeLessThan(TOLERANCE);
      }),
    );
  });

  it("the diversification ratio is at least 1 when defined", () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const ratio = computeMetrics(input).risk.diversificationRatio;
        if (ratio !== null) expect(ratio).toBeGreaterThanOrEqual(1 - TOLERANCE);
      }),
    );
  });

  it("monthly figures add up to the totals, for the portfolio and every stream", () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const result = computeMetrics(input);
        expect(sumOf(result.monthly.map((m) => m.income))).toBe(result.totals.income);
        expect(sumOf(result.monthly.map((m) => m.expenses))).toBe(result.totals.expenses);
        expect(sumOf(result.monthly.map((m) => m.net))).toBe(result.totals.net);
        expect(sumOf(result.streams.map((s) => s.income))).toBe(result.totals.income);
        expect(sumOf(result.streams.map((s) => s.expenses))).toBe(result.totals.expenses);
        for (const s of result.streams) {
          expect(sumOf(s.monthly.map((m) => m.income))).toBe(s.income);
          expect(sumOf(s.monthly.map((m) => m.expenses))).toBe(s.expenses);
          expect(s.net).toBe(s.income - s.expenses);
        }
        result.monthly.forEach((month, index) => {
          expect(sumOf(result.streams.map((s) => s.monthly[index]?.income ?? 0))).toBe(month.income);
        });
      }),
    );
  });

  it("client shares and the unattributed share make 1; top1 <= top3", () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const client = computeMetrics(input).concentration.client;
        if (client.unattributedShare === null) return;
        const attributed = sumOf(client.items.map((item) => item.share ?? 0));
        expect(Math.abs(attributed + client.unattributedShare - 1)).toBeLessThan(TOLERANCE);
        expect(client.top1Share ?? 0).toBeLessThanOrEqual((client.top3Share ?? 0) + TOLERANCE);
      }),
    );
  });

  it("the score is a whole number from 0 to 100, or null", () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const score = computeMetrics(input).resilienceScore;
        if (score === null) return;
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("results do not depend on the order of input rows", () => {
    const shuffle = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
    const withShuffled = portfolioArbitrary.chain((input) =>
      fc
        .record({
          streams: shuffle(input.streams),
          streamMonths: shuffle(input.streamMonths),
          clients: shuffle(input.clients),
          minutes: shuffle(input.minutes),
          goals: shuffle(input.goals),
        })
        .map((shuffled) => [input, { ...input, ...shuffled }] as const),
    );
    fc.assert(
      fc.property(withShuffled, ([original, shuffled]) => {
        expect(computeMetrics(shuffled)).toEqual(computeMetrics(original));
      }),
    );
  });
});

describe("money and month properties", () => {
  const currencies = fc.constantFrom("USD", "JPY", "KWD", "CLF", "EUR");
  const amount = fc.integer({ min: -100_000_000_000_000, max: 100_000_000_000_000 });

  it("formatMinor and parseAmount round-trip every amount in bounds", () => {
    fc.assert(
      fc.property(amount, currencies, (minor, currency) => {
        expect(parseAmount(formatMinor(minor, currency), currency)).toEqual({ ok: true, minor });
      }),
    );
  });

  it("roundHalfEven is within half of the exact value, and ties go to the even neighbour", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const rounded = roundHalfEven(n, d);
        const twiceError = 2n * (rounded * d - n);
        const absTwiceError = twiceError < 0n ? -twiceError : twiceError;
        expect(absTwiceError <= d).toBe(true);
        if (absTwiceError === d) expect(rounded % 2n).toBe(0n);
      }),
    );
  });

  it("convertMinor is the identity at rate 1 between same-exponent currencies", () => {
    fc.assert(
      fc.property(amount, (minor) => {
        expect(convertMinor(minor, "1", "USD", "EUR")).toBe(minor);
      }),
    );
  });

  it("exactRatio does not change when both sides are scaled past 2^53", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.bigInt({ min: 2n ** 40n, max: 2n ** 80n }),
        (p, q, k) => {
          expect(exactRatio(BigInt(p) * k, BigInt(q) * k)).toBe(p / q);
        },
      ),
    );
  });

  it("addMonths, monthsBetween and monthRange agree", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: -120, max: 120 }), (m, k) => {
        const start = addMonths("2020-01", m);
        const end = addMonths(start, k);
        expect(monthsBetween(start, end)).toBe(k);
        expect(monthRange(start, end)).toHaveLength(Math.max(0, k + 1));
      }),
    );
  });

  it("a non-decreasing series never draws down", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 }), (steps) => {
        let level = 0;
        const series = steps.map((step) => (level += step));
        expect(maxDrawdown(series)).toBe(0);
      }),
    );
  });
});
