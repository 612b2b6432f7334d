CREATE TABLE "schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"name" text,
	"counterparty" text,
	"kind" text DEFAULT 'income' NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"cadence" text NOT NULL,
	"interval" integer DEFAULT 1 NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"grace_days" integer DEFAULT 5 NOT NULL,
	"auto_log" boolean DEFAULT false NOT NULL,
	"auto_logged_through" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedules_user_id_key" UNIQUE("user_id","id"),
	CONSTRAINT "schedules_kind_check" CHECK ("schedules"."kind" in ('income','expense')),
	CONSTRAINT "schedules_cadence_check" CHECK ("schedules"."cadence" in ('weekly','monthly','quarterly','yearly')),
	CONSTRAINT "schedules_amount_check" CHECK ("schedules"."amount_minor" > 0),
	CONSTRAINT "schedules_interval_check" CHECK ("schedules"."interval" between 1 and 120),
	CONSTRAINT "schedules_grace_check" CHECK ("schedules"."grace_days" between 0 and 365),
	CONSTRAINT "schedules_end_check" CHECK ("schedules"."end_on" is null or "schedules"."end_on" >= "schedules"."start_on")
);
--> statement-breakpoint
CREATE TABLE "stream_feeds" (
	"user_id" uuid NOT NULL,
	"from_stream_id" uuid NOT NULL,
	"to_stream_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stream_feeds_user_id_from_stream_id_to_stream_id_pk" PRIMARY KEY("user_id","from_stream_id","to_stream_id"),
	CONSTRAINT "stream_feeds_not_self_check" CHECK ("stream_feeds"."from_stream_id" <> "stream_feeds"."to_stream_id")
);
--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "schedule_id" uuid;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_stream_id_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_feeds" ADD CONSTRAINT "stream_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_feeds" ADD CONSTRAINT "stream_feeds_from_stream_id_streams_id_fk" FOREIGN KEY ("from_stream_id") REFERENCES "public"."streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_feeds" ADD CONSTRAINT "stream_feeds_to_stream_id_streams_id_fk" FOREIGN KEY ("to_stream_id") REFERENCES "public"."streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schedules_user_stream_idx" ON "schedules" USING btree ("user_id","stream_id");--> statement-breakpoint
CREATE INDEX "schedules_stream_idx" ON "schedules" USING btree ("stream_id");--> statement-breakpoint
CREATE INDEX "stream_feeds_to_idx" ON "stream_feeds" USING btree ("to_stream_id");--> statement-breakpoint
CREATE INDEX "stream_feeds_from_idx" ON "stream_feeds" USING btree ("from_stream_id");--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_schedule_fk" FOREIGN KEY ("user_id","schedule_id") REFERENCES "public"."schedules"("user_id","id") ON DELETE SET NULL ("schedule_id") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transactions_user_schedule_idx" ON "transactions" USING btree ("user_id","schedule_id","occurred_on") WHERE "transactions"."schedule_id" is not null;