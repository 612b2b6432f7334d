-- Keeps stream_month_totals and key_month_totals equal to what the transactions say, in the same
-- transaction as every write. Statement-level triggers with transition tables turn a 1,000-row batch
-- (or a rate change that re-prices 100,000 rows) into one grouped upsert instead of one per row.
-- Removals only ever UPDATE rows that an insert created, so deleting a whole account (where the rollup
-- rows may already be gone by cascade) never tries to insert. Transition tables are visible only to
-- the trigger function itself, so this helper returns the statements and the trigger EXECUTEs them.
CREATE FUNCTION sf_rollup_sql(src text, sign int) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $fn$
BEGIN
  IF sign > 0 THEN
    RETURN ARRAY[format($q$
      INSERT INTO stream_month_totals AS t (user_id, stream_id, month, income, expenses, count)
      SELECT r.user_id, r.stream_id, date_trunc('month', r.occurred_on)::date,
             coalesce(sum(r.amount_base_minor) FILTER (WHERE r.kind = 'income'), 0),
             coalesce(sum(r.amount_base_minor) FILTER (WHERE r.kind = 'expense'), 0),
             count(*)
      FROM %1$s r GROUP BY 1, 2, 3
      ON CONFLICT (user_id, stream_id, month) DO UPDATE
        SET income = t.income + excluded.income, expenses = t.expenses + excluded.expenses, count = t.count + excluded.count
    $q$, src), format($q$
      INSERT INTO key_month_totals AS t (user_id, dim, key, month, income)
      SELECT k.user_id, k.dim, k.key, k.month, sum(k.amount) FROM (
        SELECT r.user_id, 'client' AS dim, lower(btrim(r.counterparty)) AS key,
               date_trunc('month', r.occurred_on)::date AS month, r.amount_base_minor AS amount
        FROM %1$s r
        WHERE r.kind = 'income' AND r.amount_base_minor IS NOT NULL AND nullif(btrim(r.counterparty), '') IS NOT NULL
        UNION ALL
        SELECT r.user_id, 'platform', lower(btrim(coalesce(nullif(btrim(r.platform), ''), s.platform))),
               date_trunc('month', r.occurred_on)::date, r.amount_base_minor
        FROM %1$s r JOIN streams s ON s.id = r.stream_id
        WHERE r.kind = 'income' AND r.amount_base_minor IS NOT NULL
          AND nullif(btrim(coalesce(nullif(btrim(r.platform), ''), s.platform)), '') IS NOT NULL
      ) k GROUP BY 1, 2, 3, 4
      ON CONFLICT (user_id, dim, key, month) DO UPDATE SET income = t.income + excluded.income
    $q$, src)];
  ELSE
    RETURN ARRAY[format($q$
      UPDATE stream_month_totals t
      SET income = t.income - a.income, expenses = t.expenses - a.expenses, count = t.count - a.cnt
      FROM (
        SELECT r.user_id, r.stream_id, date_trunc('month', r.occurred_on)::date AS month,
               coalesce(sum(r.amount_base_minor) FILTER (WHERE r.kind = 'income'), 0) AS income,
               coalesce(sum(r.amount_base_minor) FILTER (WHERE r.kind = 'expense'), 0) AS expenses,
               count(*) AS cnt
        FROM %1$s r GROUP BY 1, 2, 3
      ) a
      WHERE t.user_id = a.user_id AND t.stream_id = a.stream_id AND t.month = a.month
    $q$, src), format($q$
      UPDATE key_month_totals t SET income = t.income - a.amount
      FROM (
        SELECT k.user_id, k.dim, k.key, k.month, sum(k.amount) AS amount FROM (
          SELECT r.user_id, 'client' AS dim, lower(btrim(r.counterparty)) AS key,
                 date_trunc('month', r.occurred_on)::date AS month, r.amount_base_minor AS amount
          FROM %1$s r
          WHERE r.kind = 'income' AND r.amount_base_minor IS NOT NULL AND nullif(btrim(r.counterparty), '') IS NOT NULL
          UNION ALL
          SELECT r.user_id, 'platform', lower(btrim(coalesce(nullif(btrim(r.platform), ''), s.platform))),
                 date_trunc('month', r.occurred_on)::date, r.amount_base_minor
          FROM %1$s r JOIN streams s ON s.id = r.stream_id
          WHERE r.kind = 'income' AND r.amount_base_minor IS NOT NULL
            AND nullif(btrim(coalesce(nullif(btrim(r.platform), ''), s.platform)), '') IS NOT NULL
        ) k GROUP BY 1, 2, 3, 4
      ) a
      WHERE t.user_id = a.user_id AND t.dim = a.dim AND t.key = a.key AND t.month = a.month
    $q$, src)];
  END IF;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION sf_transactions_rollup() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  stmt text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    FOREACH stmt IN ARRAY sf_rollup_sql('old_rows', -1) LOOP EXECUTE stmt; END LOOP;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    FOREACH stmt IN ARRAY sf_rollup_sql('new_rows', 1) LOOP EXECUTE stmt; END LOOP;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER transactions_rollup_insert AFTER INSERT ON transactions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sf_transactions_rollup();
--> statement-breakpoint
CREATE TRIGGER transactions_rollup_update AFTER UPDATE ON transactions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sf_transactions_rollup();
--> statement-breakpoint
CREATE TRIGGER transactions_rollup_delete AFTER DELETE ON transactions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sf_transactions_rollup();
--> statement-breakpoint
-- A stream's platform is the platform of its transactions that name none: moving it moves their income.
CREATE FUNCTION sf_stream_platform_rollup() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  old_key text := lower(nullif(btrim(OLD.platform), ''));
  new_key text := lower(nullif(btrim(NEW.platform), ''));
BEGIN
  IF old_key IS NOT DISTINCT FROM new_key THEN RETURN NULL; END IF;
  IF old_key IS NOT NULL THEN
    UPDATE key_month_totals t SET income = t.income - a.amount
    FROM (
      SELECT date_trunc('month', r.occurred_on)::date AS month, sum(r.amount_base_minor) AS amount
      FROM transactions r
      WHERE r.user_id = NEW.user_id AND r.stream_id = NEW.id AND r.kind = 'income'
        AND r.amount_base_minor IS NOT NULL AND nullif(btrim(r.platform), '') IS NULL
      GROUP BY 1
    ) a
    WHERE t.user_id = NEW.user_id AND t.dim = 'platform' AND t.key = old_key AND t.month = a.month;
  END IF;
  IF new_key IS NOT NULL THEN
    INSERT INTO key_month_totals AS t (user_id, dim, key, month, income)
    SELECT NEW.user_id, 'platform', new_key, date_trunc('month', r.occurred_on)::date, sum(r.amount_base_minor)
    FROM transactions r
    WHERE r.user_id = NEW.user_id AND r.stream_id = NEW.id AND r.kind = 'income'
      AND r.amount_base_minor IS NOT NULL AND nullif(btrim(r.platform), '') IS NULL
    GROUP BY 4
    ON CONFLICT (user_id, dim, key, month) DO UPDATE SET income = t.income + excluded.income;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER streams_platform_rollup AFTER UPDATE OF platform ON streams
  FOR EACH ROW EXECUTE FUNCTION sf_stream_platform_rollup();
