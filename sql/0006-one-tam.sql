-- 0006-one-tam.sql: one TAM's morning (`tam due --tam P`, its sync of P's
-- accounts, and the other --tam listings) reads P's index entries and
-- the few rows it shows, not a page of the book for each of P's rows.
-- P's accounts lie one to a page among all the others: a query that
-- tests each of them in the table (archived, renewal date, sentiment)
-- touches as many pages as P has accounts, in every query, where the
-- same accounts in a database of their own fit in a few.  With the
-- tested columns in the index, a row is read from the table only when
-- it is shown (bench/README.md, "One TAM on the shared book").

-- The same name as before: the import parks it by name
-- (src/db/db-import.c), and every search by TAM is a prefix of it.  The
-- id second keeps one TAM's entries in the order they had (the rowid's),
-- which the queries that take the first row or want id order read.
DROP INDEX account_by_tam;
CREATE INDEX account_by_tam ON account (tam_fold, id, archived,
    renewal_date, sentiment, requires_triage, created_at);
-- An account's tasks by status and due date: due --tam P's task list,
-- from P's accounts, reads the task rows it lists only.  Wider, not one
-- more index: every task sync writes would pay for another.
DROP INDEX task_by_account;
CREATE INDEX task_by_account ON task (account_id, status, due);
-- With the kind: "has this risk CTA an open Risk Update task?" (sync)
-- is answered from the index.
DROP INDEX task_open_by_cta;
CREATE INDEX task_open_by_cta ON task (cta_id, kind) WHERE status = 'open';
-- An account's posts of one type together (its last sentiment, its Risk
-- Updates since a day): every search names the account, and by type
-- first the two types of one account lay in two far parts of the index.
DROP INDEX timeline_by_type;
CREATE INDEX timeline_by_account_type ON timeline (account_id, type, at);
