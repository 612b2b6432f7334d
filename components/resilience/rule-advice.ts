import { formatRuleValue } from "@/components/dashboard/rule-status";
import type { RuleId } from "@/lib/metrics/thresholds";
import type { MetricsResult, RuleResult } from "@/lib/metrics/types";

/** What each rule measures and why it matters, in plain words (the checklist's explanation line). */
export const RULE_EXPLANATIONS: Readonly<Record<RuleId, string>> = {
  "stream-concentration": "The share of your income that comes from your single largest stream. If that stream stops, its share stops with it.",
  "client-concentration": "The share of your income paid by your single largest client. One budget cut or change of mind there takes all of it.",
  "platform-concentration":
    "The share of your income that flows through your largest platform (a marketplace, a payment processor). A policy change or a ban there hits all of it at once.",
  "effective-streams": "How many equal streams your income behaves like (1 ÷ HHI). Seven streams where one dominates can behave like two.",
  "income-volatility": "How far your monthly income typically strays from its average (the coefficient of variation). The higher it is, the harder a month is to plan.",
  "anchor-coverage": "How much of your essential monthly expenses your anchor streams, the steady ones you count on, cover on their own.",
  "largest-loss-coverage": "How much of your essential monthly expenses the rest of your income would still cover if your largest stream stopped.",
};

export type RuleAdvice = {
  /** One sentence: where the user stands and, when the rule warns or fails, what to aim for and how. */
  text: string;
  /** The rule is n/a until essential expenses are set: the UI links to Settings. */
  needsExpenses: boolean;
};

/**
 * One line of advice per rule, with the user's own figures and thresholds (as the API returned them).
 * Names come from the response too: the largest stream by its id, the largest client and platform by key.
 */
export function ruleAdvice(rule: RuleResult, metrics: MetricsResult): RuleAdvice {
  const r = metrics.resilience;
  const expensesUnset = r.essentialMonthlyExpenses === null || r.essentialMonthlyExpenses <= 0;
  if (rule.value === null) return notApplicable(rule.id, expensesUnset, metrics.diversification.hhi === null);

  const value = formatRuleValue(rule, rule.value);
  const limit = formatRuleValue(rule, rule.pass);
  const ok = rule.status === "pass";
  const stream = metrics.streams.find((s) => s.id === r.lossOfLargestStream.key)?.name ?? "Your largest stream";
  const client = r.lossOfLargestClient.key ?? "your largest client";
  const platform = r.lossOfLargestPlatform.key ?? "Your largest platform";
  const text = ((): string => {
    switch (rule.id) {
      case "stream-concentration":
        return ok
          ? `${stream}, your largest stream, brings ${value} of your income, within the ${limit} limit.`
          : `${stream} brings ${value} of your income; aim below ${limit} by growing another stream.`;
      case "client-concentration":
        return ok
          ? `Your largest client, ${client}, brings ${value} of your income, within the ${limit} limit.`
          : `Your largest client, ${client}, brings ${value} of your income; aim below ${limit} by growing another client or product.`;
      case "platform-concentration":
        return ok
          ? `${platform}, your largest platform, carries ${value} of your income, within the ${limit} limit.`
          : `${platform} carries ${value} of your income; aim below ${limit} by selling through a second platform or directly.`;
      case "effective-streams":
        return ok
          ? `Your income behaves like ${value} equal streams, at least the ${limit} you aim for.`
          : `Your income behaves like ${value} equal streams; aim for ${limit} or more by growing your smaller streams.`;
      case "income-volatility":
        return ok
          ? `Your monthly income typically strays ${value} from its average, within the ${limit} limit.`
          : `Your monthly income typically strays ${value} from its average; aim below ${limit} with retainers, subscriptions or a bigger cash buffer.`;
      case "anchor-coverage":
        return ok
          ? `Your anchor streams alone cover ${value} of your essential expenses.`
          : `Your anchor streams cover ${value} of your essential expenses; aim for ${limit} with another steady retainer or lower fixed costs.`;
      case "largest-loss-coverage":
        return ok
          ? `Even without ${stream} your income would cover ${value} of your essential expenses.`
          : `Without ${stream} your income would cover ${value} of your essential expenses; aim for ${limit} by growing the others or your buffer.`;
    }
  })();
  return { text, needsExpenses: false };
}

/** Why a rule has no value, and the one thing that would give it one. */
function notApplicable(id: RuleId, expensesUnset: boolean, noIncome: boolean): RuleAdvice {
  const coverage = id === "anchor-coverage" || id === "largest-loss-coverage";
  if (noIncome && !(coverage && expensesUnset)) return { text: "There is no income in this window to check yet.", needsExpenses: false };
  switch (id) {
    case "anchor-coverage":
    case "largest-loss-coverage":
      return expensesUnset
        ? { text: "Set your essential monthly expenses to check this rule.", needsExpenses: true }
        : { text: "No stream earned in this window, so there is nothing to compare with your expenses yet.", needsExpenses: false };
    case "client-concentration":
      return { text: "Log who pays you (the counterparty) on your income to check this rule.", needsExpenses: false };
    case "platform-concentration":
      return { text: "Set platforms on your streams or transactions to check this rule.", needsExpenses: false };
    case "income-volatility":
      return { text: "Needs at least two months and some income in the window.", needsExpenses: false };
    default:
      return { text: "No stream earned in this window.", needsExpenses: false };
  }
}
