-- sync-check.sql: what `tam sync` must look at to find that it has
-- nothing to do (SPEC §6, §7, §8), for the sqlite3 shell (bench/run.sh
-- sets @today).  Run before due.sql, it is the equivalent of the sync that
-- `tam due` runs first: one write transaction, four questions, each
-- answered with no rows on a database that is up to date.
BEGIN IMMEDIATE;
-- Renewal windows due to be open: an active account whose renewal date R
-- is today or later, with R - 6 months on or before today, no renewal CTA
-- for R that was not cancelled, and no open renewal CTA.
SELECT a.id, a.renewal_date
FROM account a
WHERE a.archived = 0 AND a.renewal_date >= @today
  AND a.renewal_date <= date(@today, '+' || CAST(coalesce((SELECT value
      FROM setting WHERE key = 'window.months'), 6) AS INTEGER) || ' months')
  AND NOT EXISTS (SELECT 1 FROM cta c WHERE c.account_id = a.id
      AND c.kind = 'renewal' AND c.renewal_date = a.renewal_date
      AND c.status <> 'cancelled')
  AND NOT EXISTS (SELECT 1 FROM cta c WHERE c.account_id = a.id
      AND c.kind = 'renewal' AND c.status = 'open');
-- At-risk accounts (red, yellow with triage) with no open At-Risk CTA.
SELECT a.id
FROM account a
WHERE a.archived = 0 AND (a.sentiment = 'red' OR a.requires_triage = 1)
  AND NOT EXISTS (SELECT 1 FROM cta c WHERE c.account_id = a.id
      AND c.kind = 'risk' AND c.status = 'open');
-- Open renewal CTAs whose tasks are all done or skipped: to be closed.
SELECT c.id
FROM cta c
WHERE c.status = 'open' AND c.kind = 'renewal'
  AND NOT EXISTS (SELECT 1 FROM task t WHERE t.cta_id = c.id
      AND t.status = 'open');
-- Open At-Risk CTAs without an open Risk Update task: to be given one.
SELECT c.id
FROM cta c JOIN account a ON a.id = c.account_id
WHERE c.status = 'open' AND c.kind = 'risk' AND a.archived = 0
  AND NOT EXISTS (SELECT 1 FROM task t WHERE t.cta_id = c.id
      AND t.status = 'open' AND t.kind = 'risk_update');
COMMIT;
