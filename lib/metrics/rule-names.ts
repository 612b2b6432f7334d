import type { RuleId } from "./thresholds";

/** Each rule's name for people, wherever a rule is named: the settings, the Resilience page, the feed. */
export const RULE_NAMES: Readonly<Record<RuleId, string>> = {
  "stream-concentration": "Largest stream share",
  "client-concentration": "Largest client share",
  "platform-concentration": "Largest platform share",
  "effective-streams": "Effective number of streams",
  "income-volatility": "Income volatility",
  "anchor-coverage": "Anchor coverage",
  "largest-loss-coverage": "Coverage without your largest stream",
};
