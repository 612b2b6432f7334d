import { computeKeyConcentration, rankKeys } from "./concentration";
import { feederExposure } from "./feeds";
import { computeDiversification, effectiveCount, herfindahl, positiveIncomeTotal, shareOf } from "./diversification";
import { computeGoals, type GoalOwner } from "./goals";
import { isDate, isMonth } from "./months";
import { compareText } from "./order";
import { computeResilience } from "./resilience";
import { computeRisk, seriesStatistics } from "./risk";
import { evaluateRules, resilienceScore, type RuleValue } from "./rules";
import { buildPortfolioSeries, type PortfolioSeries, type StreamSeries } from "./series";
import { computeTax } from "./tax";
import { hourlyRate, hoursFromMinutes } from "./time";
import type { KeyConcentration, MetricsInput, MetricsResult, MetricsWarning, RuleGap, StreamMetrics } from "./types";
import { analysisRange, projectionMonths, type MonthRange } from "./window";

/**
 * Every figure of METRICS.md from the aggregated rows. Pure: the window and today are arguments.
 * Money and hours use every month of the window; the figures about steadiness and spread use only its
 * analysis months (complete months since the first data month F).
 */
export function computeMetrics(input: MetricsInput): MetricsResult {
  assertInput(input);
  const { settings, today, firstMonth } = input;
  const portfolio = buildPortfolioSeries(input.window, input.streams, input.streamMonths, input.minutes);
  const { months, streams } = portfolio;
  const analysis = analysisSlice(months, input.window, firstMonth, today);
  const nA = analysis.months.length;
  const inA = (series: readonly number[]) => series.slice(analysis.start, analysis.end);
  const streamIncomeA = streams.map((s) => sumOf(inA(s.income), (v) => v));

  const total = sumOf(streams, (s) => s.totalIncome);
  const expenses = sumOf(streams, (s) => s.totalExpenses);
  const minutes = sumOf(streams, (s) => s.minutes);
  const totalA = sumOf(streamIncomeA, (v) => v);
  const positiveTotalA = positiveIncomeTotal(streamIncomeA);

  const diversification = {
    ...computeDiversification(streams.map((s, i) => ({ kind: s.info.kind, role: s.info.role, income: streamIncomeA[i] ?? 0 }))),
    byMonth: analysis.months.map((month, offset) => {
      const incomes = streams.map((s) => s.income[analysis.start + offset] ?? 0);
      return { month, hhi: herfindahl(incomes), effectiveStreams: effectiveCount(incomes) };
    }),
  };
  const clients = rankKeys(input.clients);
  const platforms = rankKeys(input.platforms);
  const concentration = {
    client: computeKeyConcentration(clients, positiveTotalA),
    platform: computeKeyConcentration(platforms, positiveTotalA),
  };
  const risk = computeRisk({
    months: analysis.months,
    total: inA(portfolio.income),
    streams: streams.map((s) => ({ id: s.info.id, income: inA(s.income) })),
  });

  const resilience = computeResilience({
    total: totalA,
    positiveTotal: positiveTotalA,
    months: nA,
    essentialMonthlyExpenses: settings.essentialMonthlyExpenses,
    cashBuffer: settings.cashBuffer,
    anchorIncome: sumOf(
      streams.filter((s) => s.info.role === "anchor"),
      (s) => sumOf(inA(s.income), (v) => v),
    ),
    largestStream: largestStream(streams, streamIncomeA),
    largestClient: clients[0],
    largestPlatform: platforms[0],
  });

  const goals = computeGoals(months, today, firstMonth, goalOwners(input, portfolio), input.goals);

  const noHistory = { value: null, reason: "no-history" } as const;
  const valueOf = (value: number | null, reason: RuleGap = "no-history"): RuleValue =>
    value === null ? { value: null, reason: nA === 0 || positiveTotalA <= 0 ? "no-history" : reason } : { value };
  // Client and platform concentration describe a minority of the income when most of it names no key.
  const attributed = (c: KeyConcentration): RuleValue =>
    c.unattributedShare !== null && c.unattributedShare > 0.5 ? { value: null, reason: "unattributed" } : valueOf(c.top1Share);
  const rules = evaluateRules(
    {
      "stream-concentration": valueOf(diversification.topStreamShare),
      "client-concentration": nA === 0 ? noHistory : attributed(concentration.client),
      "platform-concentration": nA === 0 ? noHistory : attributed(concentration.platform),
      "effective-streams": valueOf(diversification.effectiveStreams),
      "income-volatility": valueOf(risk.cv),
      "anchor-coverage": valueOf(resilience.anchorCoverage, "no-essential-expenses"),
      "largest-loss-coverage": valueOf(resilience.lossOfLargestStream.coverage, "no-essential-expenses"),
    },
    settings.thresholds,
  );

  const streamResults = streams.map((s, i) => streamMetrics(s, months, inA(s.income), streamIncomeA[i] ?? 0, positiveTotalA));
  // Only links between the streams shown: an archived stream without data in the window drops out with its links.
  const shown = new Set(streamResults.map((s) => s.id));
  const links = (input.feedLinks ?? []).filter((l) => shown.has(l.from) && shown.has(l.to));

  return {
    window: { from: input.window.from, to: input.window.to, months: months.length },
    currency: settings.baseCurrency,
    history: {
      firstMonth,
      analysisMonths: nA,
      from: analysis.months[0] ?? null,
      to: analysis.months[nA - 1] ?? null,
    },
    totals: {
      income: total,
      expenses,
      net: total - expenses,
      hours: hoursFromMinutes(minutes),
      hourlyRate: hourlyRate(total - expenses, minutes),
    },
    monthly: months.map((month, index) => {
      const income = portfolio.income[index] ?? 0;
      const spent = portfolio.expenses[index] ?? 0;
      return { month, income, expenses: spent, net: income - spent };
    }),
    streams: streamResults,
    diversification: { ...diversification, links, feeders: feederExposure(new Map(streamResults.map((s) => [s.id, s.share])), links) },
    concentration,
    risk,
    resilience,
    goals,
    rules,
    resilienceScore: resilienceScore(rules, nA),
    tax: computeTax(
      months,
      streams.map((s) => ({ rate: s.info.taxRate ?? null, income: s.income, expenses: s.expenses })),
      settings.taxRate ?? null,
      total - expenses,
    ),
    warnings: mergeWarnings(input.warnings),
  };
}

/** The analysis months as a slice [start, end) of the window's months. */
function analysisSlice(months: readonly string[], window: MonthRange, firstMonth: string | null, today: string) {
  const range = analysisRange(window, firstMonth, today);
  if (range === null) return { start: 0, end: 0, months: [] as string[] };
  const start = months.indexOf(range.from);
  const end = months.indexOf(range.to) + 1;
  return { start, end, months: months.slice(start, end) };
}

/** The stream with the largest income over the analysis months (ties: name ascending), if any earned. */
function largestStream(streams: readonly StreamSeries[], incomeA: readonly number[]): { key: string; income: number } | undefined {
  let best: { key: string; income: number; name: string } | undefined;
  streams.forEach((s, i) => {
    const income = incomeA[i] ?? 0;
    if (income <= 0) return;
    if (best === undefined || income > best.income || (income === best.income && compareText(s.info.name, best.name) < 0)) {
      best = { key: s.info.id, income, name: s.info.name };
    }
  });
  return best && { key: best.key, income: best.income };
}

/** The portfolio and each listed stream, with their monthly actuals and the projection's tails. */
function goalOwners(input: MetricsInput, portfolio: PortfolioSeries): GoalOwner[] {
  const tailMonths = projectionMonths(input.firstMonth, input.today);
  const tails = (streamId: string | null) =>
    tailMonths.map((month) =>
      sumOf(
        input.incomeAfterToday.filter((row) => row.month === month && (streamId === null || row.streamId === streamId)),
        (row) => row.income,
      ),
    );
  return [
    { streamId: null, actual: portfolio.income, incomeAfterToday: tails(null) },
    ...portfolio.streams.map((s) => ({ streamId: s.info.id, actual: s.income, incomeAfterToday: tails(s.info.id) })),
  ];
}

function streamMetrics(
  series: StreamSeries,
  months: readonly string[],
  incomeA: readonly number[],
  totalIncomeA: number,
  positiveTotalA: number,
): StreamMetrics {
  const { info } = series;
  const net = series.totalIncome - series.totalExpenses;
  return {
    id: info.id,
    name: info.name,
    kind: info.kind,
    role: info.role,
    platform: info.platform,
    color: info.color ?? null,
    income: series.totalIncome,
    expenses: series.totalExpenses,
    net,
    share: shareOf(totalIncomeA, positiveTotalA),
    hours: hoursFromMinutes(series.minutes),
    hourlyRate: hourlyRate(net, series.minutes),
    ...seriesStatistics(incomeA),
    monthly: months.map((month, index) => {
      const income = series.income[index] ?? 0;
      const expenses = series.expenses[index] ?? 0;
      return { month, income, expenses, net: income - expenses };
    }),
  };
}

/** One warning per currency, in currency order, whatever way lib/data reported them. */
function mergeWarnings(warnings: readonly MetricsWarning[]): MetricsWarning[] {
  const byCurrency = new Map<string, MetricsWarning>();
  for (const warning of warnings) {
    const existing = byCurrency.get(warning.currency);
    byCurrency.set(warning.currency, { ...warning, count: (existing?.count ?? 0) + warning.count });
  }
  return [...byCurrency.values()].sort((a, b) => compareText(a.currency, b.currency));
}

function sumOf<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

function assertInput({ window, today, firstMonth }: MetricsInput): void {
  if (!isMonth(window.from) || !isMonth(window.to) || window.from > window.to) {
    throw new RangeError(`invalid window ${window.from}..${window.to}`);
  }
  if (!isDate(today)) throw new RangeError(`invalid today ${today}`);
  if (firstMonth !== null && !isMonth(firstMonth)) throw new RangeError(`invalid first month ${firstMonth}`);
}
