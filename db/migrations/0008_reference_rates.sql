CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"ran_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_rates" (
	"date" date NOT NULL,
	"currency" text NOT NULL,
	"per_eur" numeric(24, 12) NOT NULL,
	CONSTRAINT "reference_rates_date_currency_pk" PRIMARY KEY("date","currency"),
	CONSTRAINT "reference_rates_rate_check" CHECK ("reference_rates"."per_eur" > 0)
);
--> statement-breakpoint
ALTER TABLE "fx_rates" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "fx_rates" ADD CONSTRAINT "fx_rates_source_check" CHECK ("fx_rates"."source" in ('manual','ecb'));