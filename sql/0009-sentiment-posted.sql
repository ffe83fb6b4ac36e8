-- 0009-sentiment-posted.sql: an account carries when its sentiment was
-- last posted.  sentiment_posted_at is the `at` of the account's latest
-- sentiment or Risk Update post on the timeline (NULL: none), the fact
-- the rule "sentiment not updated for 90 days" and a concluded At-Risk
-- CTA's "flagged again since" ask of each account.  Asked of the timeline
-- they cost a probe of timeline_by_account_type per account, on a page
-- of its own in a large book; on the account they are in the row, and
-- in account_by_tam with one TAM's other accounts.
--
-- A trigger keeps it, for every post whoever writes it (tam, a restore,
-- another program): the timeline is append-only, so the copy only ever
-- moves forward.  An import into an empty book writes it with each
-- account instead, the time of the post that follows
-- (db_import_account_insert, db_import_side_rows).
ALTER TABLE account ADD COLUMN sentiment_posted_at TEXT;

-- The copy is not a change to the account: the import hash stays
-- (sql/0008-import-hash.sql).  Every other column is listed.
DROP TRIGGER account_import_hash_clear;
CREATE TRIGGER account_import_hash_clear AFTER UPDATE OF id, sfid, name,
    tam, sal, sa, rsd, tam_manager, acv_cents, currency, renewal_date,
    health_score, sentiment, requires_triage, lifecycle_stage, upsell,
    region, segment, objectives, licenses, active_users, archived,
    created_at, updated_at, name_fold, tam_fold, import_hash ON account
WHEN OLD.import_hash IS NOT NULL AND NEW.import_hash IS OLD.import_hash
BEGIN
	UPDATE account SET import_hash = NULL WHERE id = NEW.id;
END;

CREATE TRIGGER timeline_sentiment_posted AFTER INSERT ON timeline
WHEN NEW.type IN ('sentiment', 'risk_update')
BEGIN
	UPDATE account SET sentiment_posted_at = NEW.at
	WHERE id = NEW.account_id AND (sentiment_posted_at IS NULL OR
	    sentiment_posted_at < NEW.at);
END;

UPDATE account SET sentiment_posted_at = (SELECT max(p.at) FROM timeline p
    WHERE p.account_id = account.id
    AND p.type IN ('sentiment', 'risk_update'))
WHERE EXISTS (SELECT 1 FROM timeline p WHERE p.account_id = account.id
    AND p.type IN ('sentiment', 'risk_update'));

DROP INDEX account_by_tam;
CREATE INDEX account_by_tam ON account (tam_fold, id, archived,
    renewal_date, sentiment, requires_triage, created_at,
    sentiment_posted_at, name, sfid, tam, sal, sa, rsd, tam_manager, upsell,
    acv_cents, currency);

-- One TAM's renewals in a window, and those passed (db_sched_unplanned,
-- db_due_renewal_passed, db_due_count_renewing): a range of the TAM's
-- dates, where account_by_tam, in id order, is read through.
CREATE INDEX account_renewal_by_tam ON account (tam_fold, renewal_date, id)
    WHERE archived = 0;

-- One TAM's accounts at risk (db_sched_risk_missing): few, where
-- account_by_tam is all of the TAM's accounts, each a wide entry.
CREATE INDEX account_at_risk_by_tam ON account (tam_fold, id,
    sentiment_posted_at)
    WHERE archived = 0 AND (sentiment = 'red' OR requires_triage = 1);
