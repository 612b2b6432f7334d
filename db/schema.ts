import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// Money columns hold signed integer minor units. `mode: "number"` is safe because every amount is
// bounded at 1e14 minor units on the way in (lib/metrics/money.ts), and a user's totals at 9e15, below
// 2^53 (lib/data/money-limits.ts checks every write against the rollups).
const money = (name: string) => bigint(name, { mode: "number" });

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    baseCurrency: text("base_currency").notNull().default("USD"),
    timeZone: text("time_zone").notNull().default("UTC"),
    essentialMonthlyExpenses: money("essential_monthly_expenses"),
    cashBuffer: money("cash_buffer"),
    // The default share of each stream's net income to set aside for taxes (0..1); null: none.
    taxRate: numeric("tax_rate", { precision: 5, scale: 4 }),
    // Only the thresholds a user changed; lib/metrics fills in the defaults.
    thresholds: jsonb("thresholds").$type<Record<string, { pass: number; warn: number }>>().notNull().default({}),
    // Target share of income per role (anchor/growth/speculative), for the diversification page.
    targetMix: jsonb("target_mix").$type<Record<string, number>>(),
    // Bumped to invalidate every JWT issued before (sign out everywhere, password change).
    sessionVersion: integer("session_version").notNull().default(1),
    // Two-factor sign-in: the TOTP secret (base32), set at enrolment; enabled once a code has confirmed it.
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    // The last 30-second step whose code was accepted: a code is good once, whichever process checks it.
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    check("users_tax_rate_check", sql`${t.taxRate} between 0 and 1`),
  ],
);

export const streamKinds = ["freelance", "content", "product", "affiliate", "sponsorship", "saas", "commerce", "other"] as const;
export const streamRoles = ["anchor", "growth", "speculative"] as const;
export const streamStatuses = ["active", "paused", "archived"] as const;
export const transactionKinds = ["income", "expense"] as const;
export const tokenScopes = ["read", "write"] as const;
export const scheduleCadences = ["weekly", "monthly", "quarterly", "yearly"] as const;
export const webhookEvents = [
  "transaction.created",
  "transaction.updated",
  "transaction.deleted",
  "schedule.late",
  "stream.silent",
  "goal.reached",
  "rule.changed",
] as const;
export const deliveryStatuses = ["pending", "succeeded", "failed"] as const;

export const streams = pgTable(
  "streams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: streamKinds }).notNull().default("other"),
    role: text("role", { enum: streamRoles }).notNull().default("growth"),
    platform: text("platform"),
    status: text("status", { enum: streamStatuses }).notNull().default("active"),
    startedOn: date("started_on", { mode: "string" }),
    color: text("color"),
    description: text("description"),
    // This stream's tax set-aside rate (0..1); null: the user's default.
    taxRate: numeric("tax_rate", { precision: 5, scale: 4 }),
    ...timestamps,
  },
  (t) => [
    check("streams_tax_rate_check", sql`${t.taxRate} between 0 and 1`),
    // Names are unique per user regardless of case, so `stream: "etsy"` finds "Etsy".
    uniqueIndex("streams_user_name_lower_key").on(t.userId, sql`lower(${t.name})`),
    check("streams_kind_check", sql`${t.kind} in ('freelance','content','product','affiliate','sponsorship','saas','commerce','other')`),
    check("streams_role_check", sql`${t.role} in ('anchor','growth','speculative')`),
    check("streams_status_check", sql`${t.status} in ('active','paused','archived')`),
  ],
);

/** One CSV import: what file, which reader, and what became of its records. */
export const imports = pgTable(
  "imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fileName: text("file_name"),
    // The reader: "generic", a platform preset's id, or "mapping" (the user's own column mapping).
    preset: text("preset").notNull(),
    // Data records read (after the header), and what became of them.
    rows: integer("rows").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    invalid: integer("invalid").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("imports_user_created_idx").on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The target of transactions' (user_id, import_id) key.
    unique("imports_user_id_key").on(t.userId, t.id),
  ],
);

/** Expected income or expenses (a retainer, a subscription, a payout) as METRICS.md *Schedules* defines them. */
export const schedules = pgTable(
  "schedules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // What is expected belongs to its stream: deleting the stream takes it along.
    streamId: uuid("stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "cascade" }),
    name: text("name"),
    // Who is expected to pay: the settle suggestions match it against transactions' counterparty.
    counterparty: text("counterparty"),
    kind: text("kind", { enum: transactionKinds }).notNull().default("income"),
    amountMinor: money("amount_minor").notNull(),
    currency: text("currency").notNull(),
    cadence: text("cadence", { enum: scheduleCadences }).notNull(),
    interval: integer("interval").notNull().default(1),
    startOn: date("start_on", { mode: "string" }).notNull(),
    endOn: date("end_on", { mode: "string" }),
    graceDays: integer("grace_days").notNull().default(5),
    autoLog: boolean("auto_log").notNull().default(false),
    // The last day (the user's) whose due occurrences were auto-logged; null: none since it was created.
    autoLoggedThrough: date("auto_logged_through", { mode: "string" }),
    ...timestamps,
  },
  (t) => [
    index("schedules_user_stream_idx").on(t.userId, t.streamId),
    index("schedules_stream_idx").on(t.streamId),
    // The target of transactions' (user_id, schedule_id) key.
    unique("schedules_user_id_key").on(t.userId, t.id),
    check("schedules_kind_check", sql`${t.kind} in ('income','expense')`),
    check("schedules_cadence_check", sql`${t.cadence} in ('weekly','monthly','quarterly','yearly')`),
    check("schedules_amount_check", sql`${t.amountMinor} > 0`),
    check("schedules_interval_check", sql`${t.interval} between 1 and 120`),
    check("schedules_grace_check", sql`${t.graceDays} between 0 and 365`),
    check("schedules_end_check", sql`${t.endOn} is null or ${t.endOn} >= ${t.startOn}`),
  ],
);

/** "This stream feeds that one": the YouTube channel brings consulting clients. Directed, one row per pair. */
export const streamFeeds = pgTable(
  "stream_feeds",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fromStreamId: uuid("from_stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "cascade" }),
    toStreamId: uuid("to_stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.fromStreamId, t.toStreamId] }),
    index("stream_feeds_to_idx").on(t.toStreamId),
    index("stream_feeds_from_idx").on(t.fromStreamId),
    check("stream_feeds_not_self_check", sql`${t.fromStreamId} <> ${t.toStreamId}`),
  ],
);

export const transactions = pgTable(
  "transactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // NO ACTION (checked at the end of the statement): money history is never lost with its stream by
    // accident, while deleting a whole account still cascades through both tables.
    streamId: uuid("stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "no action" }),
    kind: text("kind", { enum: transactionKinds }).notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    amountMinor: money("amount_minor").notNull(),
    currency: text("currency").notNull(),
    // The amount in the user's base currency (METRICS.md "Money"); null while no rate exists for `currency`.
    amountBaseMinor: money("amount_base_minor"),
    counterparty: text("counterparty"),
    platform: text("platform"),
    description: text("description"),
    externalId: text("external_id"),
    // The CSV import that brought it in (null: logged by hand or through the API); see the foreign key below.
    importId: uuid("import_id"),
    // The schedule whose occurrence it settles (METRICS.md *Schedules*); see the foreign key below.
    scheduleId: uuid("schedule_id"),
    ...timestamps,
  },
  (t) => [
    // NULLs stay distinct, so only rows that carry an external id are deduplicated.
    unique("transactions_user_external_id_key").on(t.userId, t.externalId),
    // DESC NULLS FIRST is what `ORDER BY … DESC` means: drizzle's plain .desc() would write NULLS LAST and
    // the planner could not use the index for the newest-first list.
    index("transactions_user_date_idx").on(t.userId, t.occurredOn.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("transactions_user_stream_date_idx").on(t.userId, t.streamId, t.occurredOn),
    index("transactions_stream_idx").on(t.streamId),
    // Display spellings of clients and platforms (the most recent one used) and FX warnings.
    index("transactions_user_client_idx").on(t.userId, sql`lower(btrim(${t.counterparty}))`, t.occurredOn.desc().nullsFirst()),
    index("transactions_user_platform_idx").on(t.userId, sql`lower(btrim(${t.platform}))`, t.occurredOn.desc().nullsFirst()),
    // The newest row of a stream that inherits the stream's platform (its display spelling).
    index("transactions_user_stream_inherited_platform_idx")
      .on(t.userId, t.streamId, t.occurredOn.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`nullif(btrim(${t.platform}), '') is null`),
    // An import's transactions (history, undo). Partial: most rows are not imported.
    index("transactions_user_import_idx")
      .on(t.userId, t.importId)
      .where(sql`${t.importId} is not null`),
    // (user_id, import_id) → imports (user_id, id): an import can only hold its own user's rows, and the
    // key's action looks rows up by the index above. Deleting the import's record alone keeps the
    // transactions: the migration writes the action as ON DELETE SET NULL (import_id) (Postgres 15), which
    // drizzle-kit cannot express; DELETE /api/v1/imports/{id} deletes the transactions first.
    foreignKey({ name: "transactions_import_fk", columns: [t.userId, t.importId], foreignColumns: [imports.userId, imports.id] }).onDelete(
      "set null",
    ),
    // A schedule's payments (settlement) and the plan's scheduled income. Partial: most rows have none.
    index("transactions_user_schedule_idx")
      .on(t.userId, t.scheduleId, t.occurredOn)
      .where(sql`${t.scheduleId} is not null`),
    // Deleting a schedule keeps its payments, unlinked: the migration writes ON DELETE SET NULL (schedule_id).
    foreignKey({
      name: "transactions_schedule_fk",
      columns: [t.userId, t.scheduleId],
      foreignColumns: [schedules.userId, schedules.id],
    }).onDelete("set null"),
    index("transactions_missing_base_idx")
      .on(t.userId, t.currency, t.occurredOn)
      .where(sql`${t.amountBaseMinor} is null`),
    check("transactions_kind_check", sql`${t.kind} in ('income','expense')`),
  ],
);

/** A user's own column mapping, saved as a preset of theirs (the mapping is checked by lib/schemas/import-mapping.ts). */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("import_mappings_user_name_lower_key").on(t.userId, sql`lower(${t.name})`)],
);

export const timeEntries = pgTable(
  "time_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Hours belong to their stream: deleting the stream takes them along.
    streamId: uuid("stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "cascade" }),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    minutes: integer("minutes").notNull(),
    note: text("note"),
    ...timestamps,
  },
  (t) => [
    index("time_entries_user_date_idx").on(t.userId, t.occurredOn.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("time_entries_user_stream_date_idx").on(t.userId, t.streamId, t.occurredOn),
    index("time_entries_stream_idx").on(t.streamId),
    check("time_entries_minutes_check", sql`${t.minutes} > 0 and ${t.minutes} <= 1440`),
  ],
);

export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // null: a goal for the whole portfolio.
    streamId: uuid("stream_id").references(() => streams.id, { onDelete: "cascade" }),
    targetMinor: money("target_minor").notNull(),
    effectiveFrom: text("effective_from").notNull(),
    ...timestamps,
  },
  (t) => [
    unique("goals_owner_month_key").on(t.userId, t.streamId, t.effectiveFrom).nullsNotDistinct(),
    index("goals_stream_idx").on(t.streamId),
    check("goals_effective_from_check", sql`${t.effectiveFrom} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("goals_target_check", sql`${t.targetMinor} >= 0`),
  ],
);

export const fxRates = pgTable(
  "fx_rates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The base currency the rate is quoted in: rates entered under one base never price another.
    baseCurrency: text("base_currency").notNull(),
    currency: text("currency").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    // Base-currency units per one unit of `currency`, kept exact as a decimal.
    rate: numeric("rate", { precision: 24, scale: 12 }).notNull(),
    // "manual": entered by the user (always wins); "ecb": a cross rate from the ECB's reference rates.
    source: text("source", { enum: ["manual", "ecb"] })
      .notNull()
      .default("manual"),
    ...timestamps,
  },
  (t) => [
    unique("fx_rates_user_pair_date_key").on(t.userId, t.baseCurrency, t.currency, t.date),
    check("fx_rates_rate_check", sql`${t.rate} > 0`),
    check("fx_rates_source_check", sql`${t.source} in ('manual','ecb')`),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scope: text("scope", { enum: tokenScopes }).notNull(),
    // SHA-256 of the whole token, hex; the token itself is shown once and never stored.
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("api_tokens_hash_key").on(t.tokenHash),
    index("api_tokens_user_idx").on(t.userId),
    check("api_tokens_scope_check", sql`${t.scope} in ('read','write')`),
  ],
);

/*
 * Derived monthly totals, kept right by statement-level triggers on transactions and streams
 * (db/migrations/0001_rollup_triggers.sql) in the same transaction as every write, so metrics read
 * a few hundred rows instead of a user's whole history. Amounts are base-currency minor units;
 * rows without a base amount (no FX rate) are left out, as METRICS.md requires.
 */
export const streamMonthTotals = pgTable(
  "stream_month_totals",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    streamId: uuid("stream_id")
      .notNull()
      .references(() => streams.id, { onDelete: "cascade" }),
    month: date("month", { mode: "string" }).notNull(),
    income: bigint("income", { mode: "number" })
      .notNull()
      .default(sql`0`),
    expenses: bigint("expenses", { mode: "number" })
      .notNull()
      .default(sql`0`),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.streamId, t.month] })],
);

/** Gross income per client (`dim` = client) or platform key per month; keys are trimmed and lower-cased. */
export const keyMonthTotals = pgTable(
  "key_month_totals",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    dim: text("dim", { enum: ["client", "platform"] }).notNull(),
    key: text("key").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    income: bigint("income", { mode: "number" })
      .notNull()
      .default(sql`0`),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.dim, t.key, t.month] }),
    index("key_month_totals_user_month_idx").on(t.userId, t.dim, t.month),
  ],
);

/** An outgoing webhook endpoint (API.md): where to POST which events, signed with `secret` (Standard Webhooks). */
export const webhooks = pgTable(
  "webhooks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: jsonb("events").$type<string[]>().notNull(),
    // whsec_…: the receiver checks signatures with it, so it is kept (not hashed) and shown once.
    secret: text("secret").notNull(),
    ...timestamps,
  },
  (t) => [index("webhooks_user_idx").on(t.userId)],
);

/**
 * One event for one endpoint, and the job that delivers it: pending ones are claimed with FOR UPDATE SKIP
 * LOCKED when `nextAttemptAt` is due, so several app processes share the work and each attempt runs once.
 * The row keeps the last attempt's outcome for the delivery log.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    // The `webhook-id` header: the same on every retry, so receivers can drop repeats.
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<{ type: string; timestamp: string; data: unknown }>().notNull(),
    status: text("status", { enum: deliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    responseStatus: integer("response_status"),
    durationMs: integer("duration_ms"),
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_webhook_idx").on(t.webhookId, t.createdAt.desc().nullsFirst()),
    index("webhook_deliveries_user_idx").on(t.userId),
    check("webhook_deliveries_status_check", sql`${t.status} in ('pending','succeeded','failed')`),
  ],
);

export const insightKinds = ["schedule.late", "stream.silent", "goal.reached", "rule.changed", "month.closed"] as const;

/**
 * The insights feed: what changed, once each. `key` names the event itself (a schedule's occurrence, one
 * silence, a goal's month), so a check that runs again finds it there and raises nothing new.
 */
export const insights = pgTable(
  "insights",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: insightKinds }).notNull(),
    key: text("key").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    // Sent by email (when SMTP is set up); null: not yet, and the next check tries again.
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("insights_user_key").on(t.userId, t.key),
    index("insights_user_created_idx").on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("insights_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    check("insights_kind_check", sql`${t.kind} in ('schedule.late','stream.silent','goal.reached','rule.changed','month.closed')`),
  ],
);

/** When each user's feed was last checked: claimed by an atomic upsert, so one process checks a user at a time. */
export const insightChecks = pgTable("insight_checks", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
});

/** The European Central Bank's euro reference rates: units of `currency` per euro, by date (public data, shared). */
export const referenceRates = pgTable(
  "reference_rates",
  {
    date: date("date", { mode: "string" }).notNull(),
    currency: text("currency").notNull(),
    perEur: numeric("per_eur", { precision: 24, scale: 12 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.date, t.currency] }), check("reference_rates_rate_check", sql`${t.perEur} > 0`)],
);

/** When each periodic job last ran: claimed by an atomic upsert, so one process runs it. */
export const jobRuns = pgTable("job_runs", {
  name: text("name").primaryKey(),
  ranAt: timestamp("ran_at", { withTimezone: true }).notNull(),
});

/*
 * Server-side sessions: each session cookie (a JWT) names one row, so signing out ends it on the server
 * and idle and absolute lifetimes are enforced here, not by the cookie's own expiry.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-use recovery codes for two-factor sign-in, stored as SHA-256 (they are random, 50+ bits each). */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** Browsers that skip the second factor for a while ("remember this device"): the cookie's token as SHA-256. */
export const rememberedDevices = pgTable(
  "remembered_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("remembered_devices_hash_key").on(t.tokenHash), index("remembered_devices_user_idx").on(t.userId)],
);

/** Password-reset links sent by mail: the link's token as SHA-256, one use, short-lived. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("password_resets_hash_key").on(t.tokenHash), index("password_resets_user_idx").on(t.userId)],
);

/*
 * Failed sign-ins, by account (lower-cased email) and client address, shared by every app process:
 * throttling counts the recent ones. Old rows are pruned as new ones arrive.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    account: text("account").notNull(),
    ip: text("ip").notNull(),
  },
  (t) => [index("sign_in_failures_account_idx").on(t.account, t.at), index("sign_in_failures_ip_idx").on(t.ip, t.at)],
);

/** Security events a user can review in Settings ("recent activity"): sign-ins, failures, account changes. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_events_user_idx").on(t.userId, t.at.desc())],
);

/**
 * Fixed-window rate-limit counters shared by every app process (lib/rate-limit.ts): one row per key and
 * window, counted up by one atomic upsert. UNLOGGED on Postgres (see migration 0011): a counter is not worth
 * a WAL flush per request, and losing them in a crash only resets the windows. Windows end within an hour
 * and are pruned by the background jobs.
 */
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_windows_start_idx").on(t.windowStart)],
);

/**
 * Secrets the app makes for itself when the operator sets none, shared by every process on one Postgres:
 * `nextauth` signs sessions when NEXTAUTH_SECRET is unset (lib/secret.ts). Created once, never changed.
 */
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Each user's data version: bumped by triggers (migration 0012) in the same transaction as every write to
 * what the metrics read, so lib/metrics-cache.ts can key answers by it. A row of its own, not a column of
 * users: writes that price transactions hold the user row FOR SHARE, and bumping it there would deadlock.
 */
export const userDataVersions = pgTable("user_data_versions", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
