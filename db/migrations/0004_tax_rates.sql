ALTER TABLE "streams" ADD COLUMN "tax_rate" numeric(5, 4);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "tax_rate" numeric(5, 4);--> statement-breakpoint
ALTER TABLE "streams" ADD CONSTRAINT "streams_tax_rate_check" CHECK ("streams"."tax_rate" between 0 and 1);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tax_rate_check" CHECK ("users"."tax_rate" between 0 and 1);