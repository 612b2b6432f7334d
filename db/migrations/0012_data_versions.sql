CREATE TABLE "user_data_versions" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_data_versions" ADD CONSTRAINT "user_data_versions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- user_data_versions changes with every write to what the metrics read, in the writing transaction:
-- lib/metrics-cache.ts keys each computed answer by it, so every instance sees a change the moment it
-- commits, with nothing sent between instances. Rows are bumped in user-id order, so two statements that
-- touch several users (a rate change re-pricing many users' rows) never deadlock on them. A user deleted
-- in the same transaction (the cascade to their rows fires these triggers) is skipped.
CREATE FUNCTION sf_bump_data_versions(owners uuid[]) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO user_data_versions AS v (user_id, version)
  SELECT u.id, 1 FROM users u WHERE u.id = ANY(owners) ORDER BY u.id
  ON CONFLICT (user_id) DO UPDATE SET version = v.version + 1
$fn$;
--> statement-breakpoint
CREATE FUNCTION sf_rows_data_version() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  owners uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT user_id) INTO owners FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT user_id) INTO owners FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT user_id) INTO owners FROM (SELECT user_id FROM new_rows UNION ALL SELECT user_id FROM old_rows) r;
  END IF;
  IF owners IS NOT NULL THEN
    PERFORM sf_bump_data_versions(owners);
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- TRUNCATE names no rows (a maintenance script, never the app): every user's version moves.
CREATE FUNCTION sf_every_data_version() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sf_bump_data_versions(array_agg(id)) FROM users;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- The user's own row holds settings the metrics read (currency, time zone, thresholds, essential spending,
-- buffer, tax rate).
CREATE FUNCTION sf_user_data_version() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM sf_bump_data_versions(ARRAY[NEW.id]);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER users_data_version AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION sf_user_data_version();
--> statement-breakpoint
-- Named *_version_* so that on transactions they fire after the *_rollup_* triggers (same event: by name).
DO $do$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['transactions', 'streams', 'time_entries', 'goals', 'stream_feeds'] LOOP
    EXECUTE format('CREATE TRIGGER %1$s_version_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION sf_rows_data_version()', t);
    EXECUTE format('CREATE TRIGGER %1$s_version_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION sf_rows_data_version()', t);
    EXECUTE format('CREATE TRIGGER %1$s_version_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION sf_rows_data_version()', t);
    EXECUTE format('CREATE TRIGGER %1$s_version_truncate AFTER TRUNCATE ON %1$I
                    FOR EACH STATEMENT EXECUTE FUNCTION sf_every_data_version()', t);
  END LOOP;
END
$do$;
