CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_scope_check" CHECK ("api_tokens"."scope" in ('read','write'))
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"base_currency" text NOT NULL,
	"currency" text NOT NULL,
	"date" date NOT NULL,
	"rate" numeric(24, 12) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rates_user_pair_date_key" UNIQUE("user_id","base_currency","currency","date"),
	CONSTRAINT "fx_rates_rate_check" CHECK ("fx_rates"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"stream_id" uuid,
	"target_minor" bigint NOT NULL,
	"effective_from" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_owner_month_key" UNIQUE NULLS NOT DISTINCT("user_id","stream_id","effective_from"),
	CONSTRAINT "goals_effective_from_check" CHECK ("goals"."effective_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "goals_target_check" CHECK ("goals"."target_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "key_month_totals" (
	"user_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"month" date NOT NULL,
	"income" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "key_month_totals_user_id_dim_key_month_pk" PRIMARY KEY("user_id","dim","key","month")
);
--> statement-breakpoint
CREATE TABLE "stream_month_totals" (
	"user_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"month" date NOT NULL,
	"income" bigint DEFAULT 0 NOT NULL,
	"expenses" bigint DEFAULT 0 NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stream_month_totals_user_id_stream_id_month_pk" PRIMARY KEY("user_id","stream_id","month")
);
--> statement-breakpoint
CREATE TABLE "streams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"role" text DEFAULT 'growth' NOT NULL,
	"platform" text,
	"status" text DEFAULT 'active' NOT NULL,
	"started_on" date,
	"color" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "streams_kind_check" CHECK ("streams"."kind" in ('freelance','content','product','affiliate','sponsorship','saas','commerce','other')),
	CONSTRAINT "streams_role_check" CHECK ("streams"."role" in ('anchor','growth','speculative')),
	CONSTRAINT "streams_status_check" CHECK ("streams"."status" in ('active','paused','archived'))
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_minutes_check" CHECK ("time_entries"."minutes" > 0 and "time_entries"."minutes" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"amount_base_minor" bigint,
	"counterparty" text,
	"platform" text,
	"description" text,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transactions_user_external_id_key" UNIQUE("user_id","external_id"),
	CONSTRAINT "transactions_kind_check" CHECK ("transactions"."kind" in ('income','expense'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"base_currency" text DEFAULT 'USD' NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"essential_monthly_expenses" bigint,
	"cash_buffer" bigint,
	"thresholds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"target_mix" jsonb,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_rates" ADD CONSTRAINT "fx_rates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_stream_id_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_month_totals" ADD CONSTRAINT "key_month_totals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_month_totals" ADD CONSTRAINT "stream_month_totals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_month_totals" ADD CONSTRAINT "stream_month_totals_stream_id_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streams" ADD CONSTRAINT "streams_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_stream_id_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_stream_id_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."streams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "goals_stream_idx" ON "goals" USING btree ("stream_id");--> statement-breakpoint
CREATE INDEX "key_month_totals_user_month_idx" ON "key_month_totals" USING btree ("user_id","dim","month");--> statement-breakpoint
CREATE UNIQUE INDEX "streams_user_name_lower_key" ON "streams" USING btree ("user_id",lower("name"));--> statement-breakpoint
CREATE INDEX "time_entries_user_date_idx" ON "time_entries" USING btree ("user_id","occurred_on" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "time_entries_user_stream_date_idx" ON "time_entries" USING btree ("user_id","stream_id","occurred_on");--> statement-breakpoint
CREATE INDEX "time_entries_stream_idx" ON "time_entries" USING btree ("stream_id");--> statement-breakpoint
CREATE INDEX "transactions_user_date_idx" ON "transactions" USING btree ("user_id","occurred_on" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "transactions_user_stream_date_idx" ON "transactions" USING btree ("user_id","stream_id","occurred_on");--> statement-breakpoint
CREATE INDEX "transactions_stream_idx" ON "transactions" USING btree ("stream_id");--> statement-breakpoint
CREATE INDEX "transactions_user_client_idx" ON "transactions" USING btree ("user_id",lower(btrim("counterparty")),"occurred_on" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "transactions_user_platform_idx" ON "transactions" USING btree ("user_id",lower(btrim("platform")),"occurred_on" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "transactions_user_stream_inherited_platform_idx" ON "transactions" USING btree ("user_id","stream_id","occurred_on" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE nullif(btrim("transactions"."platform"), '') is null;--> statement-breakpoint
CREATE INDEX "transactions_missing_base_idx" ON "transactions" USING btree ("user_id","currency","occurred_on") WHERE "transactions"."amount_base_minor" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));