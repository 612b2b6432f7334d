import { addMonths, monthRange } from "./months";
import { compareText } from "./order";
import { quantile } from "./quantile";
import { silentCheck } from "./silent";
import { mean, sum, trendSlope } from "./statistics";
import { analysisRange, defaultWindow } from "./window";

/**
 * METRICS.md *Planning*: the forecast with its range and the salary the income has sustained, from the
 * history H (the up to 12 analysis months before the current month, oldest first). Pure: lib/data gathers
 * the series and converts the schedules' occurrences; amounts are base minor units, figures unrounded.
 */

/** The months the Plan page forecasts, and the API's default horizon. */
export const DEFAULT_HORIZON = 6;

export interface Fit {
  a: number;
  b: number;
  residuals: number[];
}

/** OLS of x(t) against t = 0..n−1: slope b as trendSlope, intercept a = mean − b(n − 1)/2. Needs n ≥ 2. */
export function ols(values: readonly number[]): Fit {
  const b = trendSlope(values);
  if (b === null) throw new RangeError("a fit needs at least two months");
  const a = mean(values) - (b * (values.length - 1)) / 2;
  return { a, b, residuals: values.map((x, t) => x - (a + b * t)) };
}

export interface ForecastStreamInput {
  id: string;
  name: string;
  /** u_s(t): the stream's income in each history month, without income linked to a schedule. */
  unscheduled: readonly number[];
  /** scheduled_s(k) for k = 1..h: its schedules' unsettled income occurrences due in month k, in base minor units. */
  scheduled: readonly number[];
}

export interface ForecastMonth {
  month: string;
  expected: number;
  low: number | null;
  high: number | null;
  scheduled: number;
}

export interface Forecast {
  months: ForecastMonth[];
  streams: { id: string; name: string; months: ForecastMonth[] }[];
}

/** The trend part f(k), k = 1..h, of one history series. */
function trendPart(u: readonly number[], horizon: number): number[] {
  const n = u.length;
  const ks = Array.from({ length: horizon }, (_, i) => i + 1);
  if (n === 0) return ks.map(() => 0);
  if (n < 3) return ks.map(() => mean(u));
  const { a, b } = ols(u);
  return ks.map((k) => Math.max(0, a + b * (n - 1 + k)));
}

/** The range around f(k) + scheduled(k) from the residuals' 10th and 90th percentiles; null below 3 months. */
function range(f: readonly number[], scheduled: readonly number[], residuals: readonly number[] | null) {
  if (residuals === null) return f.map(() => ({ low: null, high: null }));
  const q10 = quantile(residuals, 0.1);
  const q90 = quantile(residuals, 0.9);
  return f.map((fk, i) => ({ low: Math.max(0, fk + q10) + scheduled[i]!, high: fk + q90 + scheduled[i]! }));
}

/**
 * The forecast for the h months after `currentMonth`, of the active streams given (paused and archived
 * ones expect nothing, so the caller leaves them out), in the order given.
 */
export function forecast(currentMonth: string, horizon: number, historyMonths: number, streams: readonly ForecastStreamInput[]): Forecast {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 24) throw new RangeError(`horizon must be 1 to 24 months: ${horizon}`);
  const months = Array.from({ length: horizon }, (_, i) => addMonths(currentMonth, i + 1));
  const n = historyMonths;
  for (const s of streams) {
    if (s.unscheduled.length !== n) throw new RangeError(`stream ${s.id}: ${s.unscheduled.length} history months, not ${n}`);
    if (s.scheduled.length !== horizon) throw new RangeError(`stream ${s.id}: ${s.scheduled.length} scheduled months, not ${horizon}`);
  }

  const perStream = streams.map((s) => {
    const f = trendPart(s.unscheduled, horizon);
    const bands = range(f, s.scheduled, n >= 3 ? ols(s.unscheduled).residuals : null);
    return {
      f,
      view: {
        id: s.id,
        name: s.name,
        months: months.map((month, i) => ({ month, expected: f[i]! + s.scheduled[i]!, ...bands[i]!, scheduled: s.scheduled[i]! })),
      },
    };
  });

  const fSum = months.map((_, i) => sum(perStream.map((p) => p.f[i]!)));
  const scheduled = months.map((_, i) => sum(streams.map((s) => s.scheduled[i]!)));
  const portfolio = Array.from({ length: n }, (_, t) => sum(streams.map((s) => s.unscheduled[t]!)));
  const bands = range(fSum, scheduled, n >= 3 ? ols(portfolio).residuals : null);
  return {
    months: months.map((month, i) => ({
      month,
      expected: sum(perStream.map((p) => p.view.months[i]!.expected)),
      ...bands[i]!,
      scheduled: scheduled[i]!,
    })),
    streams: perStream.map((p) => p.view),
  };
}

export interface Salary {
  sustainable: number | null;
  buffer: number | null;
  target: number | null;
  bufferNeeded: number | null;
  monthsCovered: number | null;
}

/**
 * `net`: N(t) = T(t) − X(t), every stream's income minus expenses in each history month. `buffer`: the
 * cash buffer B (null when unset, counted as 0). `target`: the salary S to try (?salary=, else E*; null
 * when neither).
 */
export function salary(net: readonly number[], buffer: number | null, target: number | null): Salary {
  const n = net.length;
  const B = buffer ?? 0;
  let sustainable: number | null = null;
  if (n > 0) {
    let running = B;
    let lowest = Infinity;
    net.forEach((x, j) => {
      running += x;
      lowest = Math.min(lowest, running / (j + 1));
    });
    sustainable = Math.max(0, Math.min(mean(net), lowest));
  }
  let bufferNeeded: number | null = null;
  let monthsCovered: number | null = null;
  if (target !== null) {
    let paid = 0;
    let worst = 0;
    net.forEach((x, j) => {
      paid += x;
      worst = Math.max(worst, (j + 1) * target - paid);
    });
    bufferNeeded = worst;
    monthsCovered = net.filter((x) => x >= target).length;
  }
  return { sustainable, buffer, target, bufferNeeded, monthsCovered };
}

export interface PlanInput {
  today: string;
  currency: string;
  firstMonth: string | null;
  horizon: number;
  streams: readonly { id: string; name: string; status: "active" | "paused" | "archived" }[];
  /** Every stream's income and expenses by month (base minor units), any months; the history is picked here. */
  streamMonths: readonly { streamId: string; month: string; income: number; expenses: number }[];
  /** Income linked to a schedule, by stream and month: left out of u_s. */
  scheduledIncomeMonths: readonly { streamId: string; month: string; income: number }[];
  /** scheduled_s(k): unsettled income occurrences due in the forecast months, converted at today's rate. */
  scheduledOccurrences: readonly { streamId: string; month: string; amount: number }[];
  /** The dates of each stream's positive income transactions in the 180 days ending today. */
  incomeDates: readonly { streamId: string; date: string }[];
  cashBuffer: number | null;
  /** ?salary= in base minor units, else E*; null when neither. */
  salaryTarget: number | null;
  /** Transactions in the history without an exchange rate (they count nowhere), by currency. */
  warnings: readonly PlanWarning[];
}

export interface PlanWarning {
  /**
   * History transactions without a rate (they count nowhere), scheduled occurrences without one for today,
   * or scheduled occurrences left out because a month's sum would pass 2^53 minor units (it stays exact).
   */
  code: "missing-fx-rate" | "missing-fx-rate-scheduled" | "total-too-large";
  currency: string;
  count: number;
}

export interface Plan {
  today: string;
  currency: string;
  history: { from: string | null; to: string | null; months: number };
  forecast: Forecast;
  salary: Salary;
  silentStreams: {
    streamId: string;
    name: string;
    lastIncomeOn: string;
    daysSinceLast: number;
    expectedGapDays: number;
    silent: boolean;
  }[];
  warnings: PlanWarning[];
}

export function computePlan(input: PlanInput): Plan {
  const range = analysisRange(defaultWindow(input.today, input.firstMonth), input.firstMonth, input.today);
  const history = range ? monthRange(range.from, range.to) : [];
  const at = new Map(history.map((m, t) => [m, t]));
  const n = history.length;

  const income = new Map<string, number[]>();
  const totalIncome = new Array<number>(n).fill(0);
  const totalExpenses = new Array<number>(n).fill(0);
  const row = (map: Map<string, number[]>, id: string) => map.get(id) ?? map.set(id, new Array<number>(n).fill(0)).get(id)!;
  for (const r of input.streamMonths) {
    const t = at.get(r.month);
    if (t === undefined) continue;
    row(income, r.streamId)[t]! += r.income;
    totalIncome[t]! += r.income;
    totalExpenses[t]! += r.expenses;
  }
  for (const r of input.scheduledIncomeMonths) {
    const t = at.get(r.month);
    if (t !== undefined) row(income, r.streamId)[t]! -= r.income;
  }

  const current = input.today.slice(0, 7);
  const ahead = new Map(Array.from({ length: input.horizon }, (_, i) => [addMonths(current, i + 1), i]));
  const scheduled = new Map<string, number[]>();
  const scheduledAll = new Array<number>(input.horizon).fill(0);
  let tooLarge = 0;
  for (const o of input.scheduledOccurrences) {
    const k = ahead.get(o.month);
    if (k === undefined) continue;
    const list = scheduled.get(o.streamId) ?? new Array<number>(input.horizon).fill(0);
    // Sums stay exact integers: an occurrence that would carry a month past 2^53 is left out and reported.
    if (!Number.isSafeInteger(list[k]! + o.amount) || !Number.isSafeInteger(scheduledAll[k]! + o.amount)) {
      tooLarge += 1;
      continue;
    }
    list[k]! += o.amount;
    scheduledAll[k]! += o.amount;
    scheduled.set(o.streamId, list);
  }

  const active = input.streams.filter((s) => s.status === "active").sort((a, b) => compareText(a.name, b.name));
  const dates = new Map<string, string[]>();
  for (const d of input.incomeDates) (dates.get(d.streamId) ?? dates.set(d.streamId, []).get(d.streamId)!).push(d.date);

  return {
    today: input.today,
    currency: input.currency,
    history: { from: range?.from ?? null, to: range?.to ?? null, months: n },
    forecast: forecast(
      current,
      input.horizon,
      n,
      active.map((s) => ({
        id: s.id,
        name: s.name,
        unscheduled: income.get(s.id) ?? new Array<number>(n).fill(0),
        scheduled: scheduled.get(s.id) ?? new Array<number>(input.horizon).fill(0),
      })),
    ),
    salary: salary(
      totalIncome.map((x, t) => x - totalExpenses[t]!),
      input.cashBuffer,
      input.salaryTarget,
    ),
    silentStreams: active.flatMap((s) => {
      const check = silentCheck(dates.get(s.id) ?? [], input.today);
      return check ? [{ streamId: s.id, name: s.name, ...check }] : [];
    }),
    warnings: [
      ...input.warnings,
      ...(tooLarge > 0 ? [{ code: "total-too-large" as const, currency: input.currency, count: tooLarge }] : []),
    ],
  };
}
