-- Slot search reads, per provider-day, the stamp of what changed (migration 0037). At scale a
-- provider-day gathers dozens of rows (every visit writes its day and the days either side),
-- and a search across 60 providers counted ~80,000 of them. A periodic job now folds each
-- provider-day's rows into one that carries how many it stands for (`n`) and the newest `at`,
-- so the stamp, sum(n) with max(at), reads the same before and after a fold, and a search
-- reads about one row per provider-day (modules/scheduling/calendar-fold.ts).
ALTER TABLE calendar_changes ADD COLUMN n integer NOT NULL DEFAULT 1 CHECK (n > 0);
