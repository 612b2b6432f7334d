import type { FeedLink, FeederExposure } from "./feeds";
import type { Tax } from "./tax";
/**
 * Input and output of computeMetrics. The input is what lib/data aggregates in SQL, already
 * converted to the base currency; the output is the body of GET /api/v1/metrics (METRICS.md).
 */
import type { RuleDirection, RuleId, RuleThreshold } from "./thresholds";

export type StreamKind = "freelance" | "content" | "product" | "affiliate" | "sponsorship" | "saas" | "commerce" | "other";
export type StreamRole = "anchor" | "growth" | "speculative";

export interface StreamInfo {
  id: string;
  name: string;
  kind: StreamKind;
  role: StreamRole;
  platform: string | null;
  archived: boolean;
  /** The stream's own colour (#rrggbb), so every chart draws it the same way; display only. */
  color?: string | null;
  /** The stream's tax set-aside rate (0..1); null or absent: the user's default. */
  taxRate?: number | null;
}

/** Base minor units. income: income-kind amounts (refunds negative); expenses: expense-kind amounts. */
export interface StreamMonthRow {
  streamId: string;
  month: string;
  income: number;
  expenses: number;
}

/** key: trimmed lower-case counterparty or platform; display: the spelling used most recently; gross window income. */
export interface KeyIncomeRow {
  key: string;
  display: string;
  income: number;
}

export interface StreamMinutesRow {
  streamId: string;
  minutes: number;
}

export interface GoalInput {
  streamId: string | null;
  targetMinor: number;
  /** YYYY-MM */
  effectiveFrom: string;
}

/** The user's overrides; a rule left out uses DEFAULT_THRESHOLDS. */
export type Thresholds = Partial<Record<RuleId, RuleThreshold>>;

export interface MetricsSettings {
  baseCurrency: string;
  essentialMonthlyExpenses: number | null;
  cashBuffer: number | null;
  thresholds: Thresholds;
  /** The default tax set-aside rate (0..1); null or absent: 0 for streams without their own. */
  taxRate?: number | null;
}

export interface MetricsWarning {
  code: "missing-fx-rate";
  currency: string;
  count: number;
}

/** Income (base minor units, refunds negative) of one stream in one month, dated after a given day of that month. */
export interface StreamMonthIncome {
  streamId: string;
  month: string;
  income: number;
}

export interface MetricsInput {
  window: { from: string; to: string };
  /** YYYY-MM-DD in the user's time zone */
  today: string;
  /** F: the month of the user's earliest transaction (any stream, any kind); null without transactions. */
  firstMonth: string | null;
  settings: MetricsSettings;
  streams: StreamInfo[];
  streamMonths: StreamMonthRow[];
  /** Gross income per client over the window's analysis months (see `analysisRange`), not the whole window. */
  clients: KeyIncomeRow[];
  /** Gross income per platform over the analysis months. */
  platforms: KeyIncomeRow[];
  /**
   * Every stream's income dated after today's day of the month, in the months of `projectionMonths`
   * (the goals' month-end projection); may be empty when no goal has a target this month.
   */
  incomeAfterToday: StreamMonthIncome[];
  minutes: StreamMinutesRow[];
  goals: GoalInput[];
  warnings: MetricsWarning[];
  /** Which stream feeds which (lib/metrics/feeds.ts); none when left out. */
  feedLinks?: FeedLink[];
}

export interface MonthTotals {
  month: string;
  income: number;
  expenses: number;
  net: number;
}

export interface StreamMonth {
  month: string;
  income: number;
  expenses: number;
  /** income − expenses (added: the stream page's table and chart show it). */
  net: number;
}

export interface StreamMetrics {
  id: string;
  name: string;
  kind: StreamKind;
  role: StreamRole;
  platform: string | null;
  color: string | null;
  income: number;
  expenses: number;
  net: number;
  share: number | null;
  hours: number;
  hourlyRate: number | null;
  /** Statistics over the analysis months; null when there is none. */
  mean: number | null;
  stdev: number | null;
  cv: number | null;
  trendSlope: number | null;
  maxDrawdown: number | null;
  monthly: StreamMonth[];
}

export interface ShareItem {
  key: string;
  income: number;
  share: number | null;
}

export interface Diversification {
  hhi: number | null;
  effectiveStreams: number | null;
  topStreamShare: number | null;
  byKind: ShareItem[];
  byRole: ShareItem[];
  /** The same HHI month by month (streams' I_s(m) > 0 only); null for a month without positive income. */
  byMonth: { month: string; hhi: number | null; effectiveStreams: number | null }[];
}

/** The diversification block as answered: METRICS.md's figures plus the links between streams. */
export interface DiversificationResult extends Diversification {
  links: FeedLink[];
  feeders: FeederExposure[];
}

export interface KeyConcentration {
  hhi: number | null;
  top1Share: number | null;
  top3Share: number | null;
  unattributedShare: number | null;
  count: number | null;
  items: ShareItem[];
}

export interface Concentration {
  client: KeyConcentration;
  platform: KeyConcentration;
}

export interface Risk {
  mean: number | null;
  stdev: number | null;
  cv: number | null;
  trendSlope: number | null;
  maxDrawdown: number | null;
  worstMonth: { month: string; income: number } | null;
  diversificationRatio: number | null;
  /** Sum over streams of stdev_s: the monthly swing if every stream moved together. */
  streamsStdevSum: number | null;
  correlations: { streamIds: string[]; matrix: (number | null)[][] };
}

export interface LossScenario {
  key: string | null;
  remainingMonthlyIncome: number | null;
  shareLost: number | null;
  coverage: number | null;
  /** B / (E* − remaining monthly income) after this loss; null when income still covers E*, or when E* or B is unset. */
  runwayMonths: number | null;
}

export interface Resilience {
  monthlyIncome: number | null;
  essentialMonthlyExpenses: number | null;
  anchorCoverage: number | null;
  runwayMonths: number | null;
  sustainable: boolean | null;
  lossOfLargestStream: LossScenario;
  lossOfLargestClient: LossScenario;
  lossOfLargestPlatform: LossScenario;
}

export interface GoalMonth {
  month: string;
  streamId: string | null;
  target: number;
  actual: number;
  progress: number;
  /** Only for the month containing today: actual + the owner's usual income after today's day; null otherwise. */
  projected: number | null;
  status: GoalStatus;
}

/** hit / missed for a finished month; current for today's month (whatever the actual); future after it. */
export type GoalStatus = "hit" | "missed" | "current" | "future";

export interface Goals {
  hitRate: number | null;
  months: GoalMonth[];
}

export type RuleStatus = "pass" | "warn" | "fail" | "n/a";

/**
 * Why a rule is n/a: `no-history` (no analysis month, or nothing earning), `unattributed` (more than half
 * of the income names no client or platform), `no-essential-expenses` (a coverage rule without E*).
 */
export type RuleGap = "no-history" | "unattributed" | "no-essential-expenses";

export interface RuleResult {
  id: RuleId;
  status: RuleStatus;
  value: number | null;
  pass: number;
  warn: number;
  direction: RuleDirection;
  /** Set exactly when status is n/a. */
  reason: RuleGap | null;
}

/** What the figures over the analysis months rest on (METRICS.md "Windows and analysis months"). */
export interface History {
  firstMonth: string | null;
  analysisMonths: number;
  from: string | null;
  to: string | null;
}

export interface MetricsResult {
  window: { from: string; to: string; months: number };
  currency: string;
  history: History;
  totals: { income: number; expenses: number; net: number; hours: number; hourlyRate: number | null };
  monthly: MonthTotals[];
  streams: StreamMetrics[];
  diversification: DiversificationResult;
  concentration: Concentration;
  risk: Risk;
  resilience: Resilience;
  goals: Goals;
  rules: RuleResult[];
  resilienceScore: number | null;
  tax: Tax;
  warnings: MetricsWarning[];
}
