/** The rules of METRICS.md, in the order the response lists them. */
export const RULE_IDS = [
  "stream-concentration",
  "client-concentration",
  "platform-concentration",
  "effective-streams",
  "income-volatility",
  "anchor-coverage",
  "largest-loss-coverage",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** "max": lower is better (pass when value <= pass); "min": higher is better (pass when value >= pass). */
export type RuleDirection = "max" | "min";

export interface RuleThreshold {
  pass: number;
  warn: number;
}

export interface RuleDefinition extends RuleThreshold {
  direction: RuleDirection;
}

export const DEFAULT_THRESHOLDS: Readonly<Record<RuleId, Readonly<RuleDefinition>>> = Object.freeze({
  "stream-concentration": { direction: "max", pass: 0.5, warn: 0.7 },
  "client-concentration": { direction: "max", pass: 0.3, warn: 0.5 },
  "platform-concentration": { direction: "max", pass: 0.4, warn: 0.6 },
  "effective-streams": { direction: "min", pass: 3, warn: 2 },
  "income-volatility": { direction: "max", pass: 0.25, warn: 0.5 },
  "anchor-coverage": { direction: "min", pass: 1, warn: 0.5 },
  "largest-loss-coverage": { direction: "min", pass: 1, warn: 0.6 },
});
