-- 0002-sched.sql for PostgreSQL: the indexes of sync and `tam due`, as
-- sql/0002-sched.sql.
CREATE INDEX cta_by_account ON cta (account_id, kind, renewal_date, status);
CREATE INDEX account_at_risk ON account (id)
    WHERE archived = 0 AND (sentiment = 'red' OR requires_triage = 1);
CREATE INDEX task_open_by_cta ON task (cta_id) WHERE status = 'open';
