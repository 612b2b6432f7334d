-- A stream's colour is now chosen once, when it is created, and stored (lib/data/streams.ts createStream).
-- Streams created before that have none: they were drawn with a chart colour picked by their place in the
-- user's streams in name order, so their colour changed whenever a stream was added before them. This
-- stores the colour each one shows today (the same order, the same presets as lib/stream-colors.ts
-- ASSIGN_ORDER), so nothing changes on screen now and nothing moves later.
UPDATE streams AS s
SET color = (ARRAY['#2166c4', '#d97706', '#0f9b73', '#c24f9c', '#d1491f', '#8a6fd1', '#2f8acb', '#6b7280'])[((r.n - 1) % 8) + 1]
FROM (
  SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY lower(name), id) AS n FROM streams
) AS r
WHERE s.id = r.id AND s.color IS NULL;
