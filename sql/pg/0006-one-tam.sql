-- 0006-one-tam.sql for PostgreSQL: the indexes of one TAM's morning, as
-- sql/0005-one-tam.sql.
DROP INDEX account_by_tam;
CREATE INDEX account_by_tam ON account (tam_fold, id, archived,
    renewal_date, sentiment, requires_triage, created_at);
DROP INDEX task_by_account;
CREATE INDEX task_by_account ON task (account_id, status, due);
DROP INDEX task_open_by_cta;
CREATE INDEX task_open_by_cta ON task (cta_id, kind) WHERE status = 'open';
DROP INDEX timeline_by_type;
CREATE INDEX timeline_by_account_type ON timeline (account_id, type, at);
