-- import-full.sql: what `tam import` of a new export writes, done by the
-- sqlite3 shell in SQL, on a database `tam init` created (tam's schema,
-- constraints and indexes).  The floor for tam's import: the same rows
-- into the same tables, with no C around SQLite.  bench/run.sh runs it as
--   sqlite3 -cmd ".parameter set @file FILE" DB ".read bench/import-full.sql"
-- after `.import --csv FILE raw` in the same process.
--
-- Per input row, as tam does: one account (the default header mapping of
-- SPEC §5; US dates, money with a symbol or ISO code and separators), a
-- sentiment post on the timeline when the row has a sentiment, a health
-- history row when it has a score (and the post's time on the account,
-- sql/0009-sentiment-posted.sql); one import_run row; the name, TAM (and
-- its at-risk part) and renewal (and by TAM) indexes dropped during the load and made
-- again after it (tam parks them the same way above 10,000 rows), as
-- tam's schema defines them, on the folded name and TAM (lower() for
-- tam's fold(): the same bytes for the export's ASCII names).  The report
-- footer of the export lands in raw as rows of one cell (no "Account
-- Name"): left out.  tam also writes an 8-byte import_hash a row, left
-- empty here.

BEGIN IMMEDIATE;
DROP INDEX account_by_name;
DROP INDEX account_by_tam;
DROP INDEX account_at_risk_by_tam;
DROP INDEX account_by_renewal;
DROP INDEX account_renewal_by_tam;

-- M/D/YYYY to YYYY-MM-DD.
CREATE TEMP VIEW conv AS
SELECT r.*,
    printf('%04d-%02d-%02d',
        substr(d2, instr(d2, '/') + 1),
        substr(d, 1, instr(d, '/') - 1),
        substr(d2, 1, instr(d2, '/') - 1)) AS renewal,
    CAST(round(CAST(replace(replace(replace("Annual Contract Value",
        'USD ', ''), '$', ''), ',', '') AS REAL) * 100) AS INTEGER) AS acv,
    CASE "TAM Sentiment"
        WHEN 'Green' THEN 'green' WHEN 'Red' THEN 'red'
        WHEN '' THEN NULL ELSE 'yellow' END AS sentiment,
    "TAM Sentiment" = 'Yellow - Requires Triage' AS triage
FROM (SELECT raw.*, "Renewal Date" AS d,
    substr("Renewal Date", instr("Renewal Date", '/') + 1) AS d2
    FROM raw WHERE "Account Name" IS NOT NULL) AS r;

INSERT INTO account (sfid, name, tam, sal, sa, rsd, tam_manager, acv_cents,
    currency, renewal_date, health_score, sentiment, requires_triage,
    lifecycle_stage, region, segment, licenses, active_users, created_at,
    updated_at, name_fold, tam_fold, sentiment_posted_at)
SELECT "Account ID", "Account Name", "Technical Account Manager",
    "Strategic Account Leader", "Solutions Architect",
    "Regional Sales Director", "TAM Manager", acv, 'USD', renewal,
    nullif("Health Score", ''), sentiment, triage,
    "Customer Lifecycle Stage", "Region", "Sales Segment",
    CAST(replace("Licenses", ',', '') AS INTEGER),
    CAST(replace("Active Users", ',', '') AS INTEGER),
    @now, @now, lower("Account Name"), lower("Technical Account Manager"),
    CASE WHEN sentiment IS NOT NULL THEN @now END
FROM conv;

INSERT INTO timeline (account_id, at, type, author, sentiment,
    requires_triage, body)
SELECT id, @now, 'sentiment', 'import', sentiment, requires_triage,
    'Sentiment set to ' || sentiment ||
    CASE requires_triage WHEN 1 THEN ' (requires triage)' ELSE '' END
FROM account WHERE sentiment IS NOT NULL ORDER BY id;

INSERT INTO health_history (account_id, date, health_score)
SELECT id, substr(@now, 1, 10), health_score
FROM account WHERE health_score IS NOT NULL ORDER BY id;

INSERT INTO import_run (at, source, rows_read, inserted, updated, unchanged,
    rejected)
SELECT @now, @file, count(*), count(*), 0, 0, 0 FROM account;

-- tam's definitions (sql/0003-fold.sql, sql/0009-sentiment-posted.sql).
CREATE INDEX account_by_name ON account (name_fold);
CREATE INDEX account_by_tam ON account (tam_fold, id, archived,
    renewal_date, sentiment, requires_triage, created_at,
    sentiment_posted_at, name, sfid, tam, sal, sa, rsd, tam_manager, upsell,
    acv_cents, currency);
CREATE INDEX account_at_risk_by_tam ON account (tam_fold, id,
    sentiment_posted_at)
    WHERE archived = 0 AND (sentiment = 'red' OR requires_triage = 1);
CREATE INDEX account_by_renewal ON account (renewal_date) WHERE archived = 0;
CREATE INDEX account_renewal_by_tam ON account (tam_fold, renewal_date, id)
    WHERE archived = 0;
COMMIT;
