import { computeKeyConcentration, rankKeys } from "./concentration";
import { computeDiversification, effectiveCount, herfindahl, positiveIncomeTotal, shareOf } from "./diversification";
import { computeGoals } from "./goals";
import { isDate, isMonth } from "./months";
import { compareText } from "./order";
import { computeResilience } from "./resilience";
import { computeRisk, seriesStatistics } from "./risk";
import { evaluateRules, resilienceScore } from "./rules";
import { buildPortfolioSeries, type StreamSeries } from "./series";
import { hourlyRate, hoursFromMinutes } from "./time";
import type { MetricsInput, MetricsResult, MetricsWarning, StreamMetrics } from "./types";

/** Every figure of METRICS.md from the aggregated rows. Pure: the window and today are arguments. */
export function computeMetrics(input: MetricsInput): MetricsResult {
  assertInput(input);
  const { settings } = input;
  const portfolio = buildPortfolioSeries(input.window, input.streams, input.streamMonths, input.minutes);
  const { months, streams } = portfolio;
  const n = months.length;

  const total = sumOf(streams, (s) => s.totalIncome);
  const expenses = sumOf(streams, (s) => s.totalExpenses);
  const minutes = sumOf(streams, (s) => s.minutes);
  const positiveTotal = positiveIncomeTotal(streams.map((s) => s.totalIncome));

  const diversification = {
    ...computeDiversification(streams.map((s) => ({ kind: s.info.kind, role: s.info.role, income: s.totalIncome }))),
    byMonth: months.map((month, index) => {
      const incomes = streams.map((s) => s.income[index] ?? 0);
      return { month, hhi: herfindahl(incomes), effectiveStreams: effectiveCount(incomes) };
    }),
  };
  const clients = rankKeys(input.clients);
  const platforms = rankKeys(input.platforms);
  const concentration = {
    client: computeKeyConcentration(clients, positiveTotal),
    platform: computeKeyConcentration(platforms, positiveTotal),
  };
  const risk = computeRisk({
    months,
    total: portfolio.income,
    streams: streams.map((s) => ({ id: s.info.id, income: s.income })),
  });

  // streams are sorted income desc, then name: the first one is the largest, ties by name.
  const largestStream = streams[0] !== undefined && streams[0].totalIncome > 0 ? streams[0] : undefined;
  const resilience = computeResilience({
    total,
    positiveTotal,
    months: n,
    essentialMonthlyExpenses: settings.essentialMonthlyExpenses,
    cashBuffer: settings.cashBuffer,
    anchorIncome: sumOf(
      streams.filter((s) => s.info.role === "anchor"),
      (s) => s.totalIncome,
    ),
    largestStream: largestStream && { key: largestStream.info.id, income: largestStream.totalIncome },
    largestClient: clients[0],
    largestPlatform: platforms[0],
  });

  const goals = computeGoals(
    months,
    input.today,
    [
      { streamId: null, actual: portfolio.income },
      ...streams.map((s) => ({ streamId: s.info.id, actual: s.income })),
    ],
    input.goals,
  );

  const rules = evaluateRules(
    {
      "stream-concentration": diversification.topStreamShare,
      "client-concentration": concentration.client.top1Share,
      "platform-concentration": concentration.platform.top1Share,
      "effective-streams": diversification.effectiveStreams,
      "income-volatility": risk.cv,
      "anchor-coverage": resilience.anchorCoverage,
      "largest-loss-coverage": resilience.lossOfLargestStream.coverage,
    },
    settings.thresholds,
  );

  return {
    window: { from: input.window.from, to: input.window.to, months: n },
    currency: settings.baseCurrency,
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
    streams: streams.map((s) => streamMetrics(s, months, positiveTotal)),
    diversification,
    concentration,
    risk,
    resilience,
    goals,
    rules,
    resilienceScore: resilienceScore(rules),
    warnings: mergeWarnings(input.warnings),
  };
}

function streamMetrics(series: StreamSeries, months: readonly string[], positiveTotal: number): StreamMetrics {
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
    share: shareOf(series.totalIncome, positiveTotal),
    hours: hoursFromMinutes(series.minutes),
    hourlyRate: hourlyRate(net, series.minutes),
    ...seriesStatistics(series.income),
    monthly: months.map((month, index) => ({
      month,
      income: series.income[index] ?? 0,
      expenses: series.expenses[index] ?? 0,
    })),
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

function assertInput({ window, today }: MetricsInput): void {
  if (!isMonth(window.from) || !isMonth(window.to) || window.from > window.to) {
    throw new RangeError(`invalid window ${window.from}..${window.to}`);
  }
  if (!isDate(today)) throw new RangeError(`invalid today ${today}`);
}
