import { noHistoryText } from "@/components/dashboard/history-text";
import { formatRuleValue } from "@/components/dashboard/rule-status";
import { formatCount, formatPercent } from "@/lib/format";
import type { RuleId } from "@/lib/metrics/thresholds";
import type { MetricsView, RuleView } from "@/lib/schemas/metrics";

/** What each rule measures and why it matters, in plain words (the checklist's explanation line). */
export const RULE_EXPLANATIONS: Readonly<Record<RuleId, string>> = {
  "stream-concentration":
    "The share of your income that comes from your single largest stream. If that stream stops, its share stops with it.",
  "client-concentration":
    "The share of your income paid by your single largest client. One budget cut or change of mind there takes all of it.",
  "platform-concentration":
    "The share of your income that flows through your largest platform (a marketplace, a payment processor). A policy change or a ban there hits all of it at once.",
  "effective-streams": "How many equal streams your income behaves like (1 ÷ HHI). Seven streams where one dominates can behave like two.",
  "income-volatility":
    "How far your monthly income typically strays from its average (the coefficient of variation). The higher it is, the harder a month is to plan.",
  "anchor-coverage": "How much of your essential monthly expenses your anchor streams, the steady ones you count on, cover on their own.",
  "largest-loss-coverage":
    "How much of your essential monthly expenses the rest of your income would still cover if your largest stream stopped.",
};

export type RuleAdvice = {
  /** One sentence: where the user stands and, when the rule warns or fails, what to aim for and how. */
  text: string;
  /** For a rule that is n/a: where to fix what it lacks (record clients, set expenses), shown as a link after the text. */
  fix?: { href: string; label: string };
};

/**
 * One line of advice per rule, with the user's own figures and thresholds (as the API returned them).
 * Names come from the response too: the largest stream by its id, the largest client and platform by key.
 * A rule that is n/a says why, from the API's `reason`, and how to give it a value.
 */
export function ruleAdvice(rule: RuleView, metrics: MetricsView): RuleAdvice {
  const r = metrics.resilience;
  if (rule.value === null) return notApplicable(rule, metrics);

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
  return { text };
}

/** Why a rule has no value (the API's reason), and the one thing that would give it one. */
function notApplicable(rule: RuleView, metrics: MetricsView): RuleAdvice {
  switch (rule.reason) {
    case "unattributed": {
      const client = rule.id === "client-concentration";
      const unattributed = (client ? metrics.concentration.client : metrics.concentration.platform).unattributedShare;
      const what = client ? "client" : "platform";
      const gap =
        unattributed !== null && unattributed >= 1
          ? `None of your income names a ${what} yet, so there is no largest ${what} to check.`
          : `${formatPercent(unattributed)} of your income names no ${what}, so the largest ${what}'s share would describe only a minority of it.`;
      return client
        ? { text: gap, fix: { href: "/transactions", label: "Record who paid you (the counterparty) on your income" } }
        : { text: gap, fix: { href: "/streams", label: "Set the platform on your streams or transactions" } };
    }
    case "no-essential-expenses":
      return {
        text: "This rule compares your income with your essential monthly expenses, which are not set yet.",
        fix: { href: "/settings#general", label: "Set them in Settings" },
      };
    default:
      return { text: noHistoryAdvice(rule, metrics) };
  }
}

/** `no-history`: no complete month in the window, no income in them, or too few months for the statistic. */
function noHistoryAdvice(rule: RuleView, metrics: MetricsView): string {
  const n = metrics.history.analysisMonths;
  if (n === 0) return `Needs complete months of income. ${noHistoryText(metrics)}`;
  if (metrics.diversification.hhi === null) return "There is no income in the complete months of this window to check.";
  if (rule.id === "income-volatility") {
    return `Needs at least two complete months with income; this window has ${formatCount(n, "complete month")}.`;
  }
  return "There is not enough income in the complete months of this window to check this rule yet.";
}
