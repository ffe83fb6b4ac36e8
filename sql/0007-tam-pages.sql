-- 0007-tam-pages.sql: one TAM's morning on a large shared book reads
-- the pages of that TAM's work, not a page of the book for each of its
-- rows.  After 0006 `tam due --tam P` took every test of an account from
-- account_by_tam, but still found P's CTAs and tasks by a probe per
-- account into indexes keyed by the account's id, where P's entries lie
-- one to a page among everyone's, and read each account it showed from
-- the table: at 1,000,000 accounts about 5,000 pages for P's 3,700
-- accounts, three times what P's accounts alone cost
-- (bench/README.md, "One TAM's work together").
--
-- So CTAs and tasks carry their account's folded TAM, and the indexes
-- a one-TAM statement walks start with it: P's entries are one range of
-- each index, walked in account order beside P's range of
-- account_by_tam.  The copy is derived: the INSERTs take it from the
-- account (src/db/db-work.c, db-export.c), the trigger below follows an
-- account to another TAM; export leaves it out.

ALTER TABLE cta ADD COLUMN tam_fold TEXT;
ALTER TABLE task ADD COLUMN tam_fold TEXT;
UPDATE cta SET tam_fold = (SELECT a.tam_fold FROM account a
    WHERE a.id = cta.account_id);
UPDATE task SET tam_fold = (SELECT a.tam_fold FROM account a
    WHERE a.id = task.account_id);

-- Every column a one-TAM statement reads of an account, shown or
-- tested: the account table is not read at all (the deferred seek of
-- 0006 is never taken).  The same name, the same first two columns: the
-- import parks it by name, and the order of one TAM's entries is kept.
DROP INDEX account_by_tam;
CREATE INDEX account_by_tam ON account (tam_fold, id, archived,
    renewal_date, sentiment, requires_triage, created_at, name, sfid, tam,
    sal, sa, rsd, tam_manager, upsell, acv_cents, currency);
-- A TAM's CTAs by account, with what sync and due ask of them.
CREATE INDEX cta_by_tam ON cta (tam_fold, account_id, kind, status,
    renewal_date, closed_at, opened_at, title);
-- A TAM's open CTAs of a kind, in the order sync and due list them.
CREATE INDEX cta_open_by_tam ON cta (tam_fold, kind, id, account_id,
    title, opened_at, status) WHERE status = 'open';
-- A TAM's open tasks by account, with what due shows of them (status
-- too: SQLite counts an index covering only for the columns it holds).
CREATE INDEX task_by_tam ON task (tam_fold, account_id, due, cta_id, kind,
    title, status) WHERE status = 'open';

CREATE TRIGGER account_tam_moved AFTER UPDATE OF tam_fold ON account
    WHEN NEW.tam_fold IS NOT OLD.tam_fold
BEGIN
	UPDATE cta SET tam_fold = NEW.tam_fold WHERE account_id = NEW.id;
	UPDATE task SET tam_fold = NEW.tam_fold WHERE account_id = NEW.id;
END;
-- A row moved to another account by other means than tam's (the sqlite3
-- shell, a script) follows it.  Rows such means insert get their copy
-- from the next sync (db_sched_tam_copies): a trigger on INSERT would
-- give every insert of tam's a statement journal, which a first sync of
-- 100,000 accounts paid with 0.8 s of its 1.1.
CREATE TRIGGER cta_tam_fold_moved AFTER UPDATE OF account_id, tam_fold
    ON cta WHEN NEW.tam_fold IS NOT (SELECT a.tam_fold FROM account a
    WHERE a.id = NEW.account_id)
BEGIN
	UPDATE cta SET tam_fold = (SELECT a.tam_fold FROM account a
	    WHERE a.id = NEW.account_id) WHERE id = NEW.id;
END;
CREATE TRIGGER task_tam_fold_moved AFTER UPDATE OF account_id, tam_fold
    ON task WHEN NEW.tam_fold IS NOT (SELECT a.tam_fold FROM account a
    WHERE a.id = NEW.account_id)
BEGIN
	UPDATE task SET tam_fold = (SELECT a.tam_fold FROM account a
	    WHERE a.id = NEW.account_id) WHERE id = NEW.id;
END;
