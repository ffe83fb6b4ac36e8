-- 0002-sched.sql: indexes for sync and `tam due` (SPEC §8, §10: every
-- query the morning list runs has one).

-- Sync: "has this account a renewal CTA for this date / an open one?"
CREATE INDEX cta_by_account ON cta (account_id, kind, renewal_date, status);
-- Sync and due: the at-risk accounts, a small part of all of them.
CREATE INDEX account_at_risk ON account (id)
    WHERE archived = 0 AND (sentiment = 'red' OR requires_triage = 1);
-- Sync, done, skip: "is any task of this CTA still open?"
CREATE INDEX task_open_by_cta ON task (cta_id) WHERE status = 'open';
