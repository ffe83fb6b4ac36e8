-- 0007-tam-pages.sql for PostgreSQL: CTAs and tasks carry their
-- account's folded TAM, as sql/0007-tam-pages.sql (the statements are
-- the same on both engines).  The trigger runs as the one who changed
-- the account: only a manager, an admin or the owner can move an
-- account to another TAM, and they may write every CTA and task.
ALTER TABLE cta ADD COLUMN tam_fold TEXT COLLATE "C";
ALTER TABLE task ADD COLUMN tam_fold TEXT COLLATE "C";
UPDATE cta SET tam_fold = a.tam_fold FROM account a
    WHERE a.id = cta.account_id;
UPDATE task SET tam_fold = a.tam_fold FROM account a
    WHERE a.id = task.account_id;
DROP INDEX account_by_tam;
CREATE INDEX account_by_tam ON account (tam_fold, id, archived,
    renewal_date, sentiment, requires_triage, created_at) INCLUDE (name,
    sfid, tam, sal, sa, rsd, tam_manager, upsell, acv_cents, currency);
CREATE INDEX cta_by_tam ON cta (tam_fold, account_id, kind, status)
    INCLUDE (renewal_date, closed_at, opened_at, title);
CREATE INDEX cta_open_by_tam ON cta (tam_fold, kind, id)
    INCLUDE (account_id, title, opened_at, status) WHERE status = 'open';
CREATE INDEX task_by_tam ON task (tam_fold, account_id, due)
    INCLUDE (cta_id, kind, title, status) WHERE status = 'open';

CREATE FUNCTION account_tam_moved() RETURNS trigger LANGUAGE plpgsql
    SET search_path = tam, pg_catalog AS $$
BEGIN
	UPDATE cta SET tam_fold = NEW.tam_fold WHERE account_id = NEW.id;
	UPDATE task SET tam_fold = NEW.tam_fold WHERE account_id = NEW.id;
	RETURN NULL;
END;
$$;
ALTER FUNCTION account_tam_moved() OWNER TO tam_owner;
CREATE TRIGGER account_tam_moved AFTER UPDATE OF tam_fold ON account
    FOR EACH ROW WHEN (NEW.tam_fold IS DISTINCT FROM OLD.tam_fold)
    EXECUTE FUNCTION account_tam_moved();

-- A row written by other means than tam's INSERTs (psql, a script) gets
-- the copy right all the same.  tam's own INSERTs give it (a trigger
-- function called for each of them made a first sync a third slower):
-- on INSERT only a row without it is looked up.
CREATE FUNCTION row_tam_fold() RETURNS trigger LANGUAGE plpgsql
    SET search_path = tam, pg_catalog AS $$
BEGIN
	NEW.tam_fold := (SELECT a.tam_fold FROM account a
	    WHERE a.id = NEW.account_id);
	RETURN NEW;
END;
$$;
ALTER FUNCTION row_tam_fold() OWNER TO tam_owner;
CREATE TRIGGER cta_tam_fold BEFORE INSERT ON cta FOR EACH ROW
    WHEN (NEW.tam_fold IS NULL) EXECUTE FUNCTION row_tam_fold();
CREATE TRIGGER cta_tam_fold_moved BEFORE UPDATE OF account_id, tam_fold
    ON cta FOR EACH ROW EXECUTE FUNCTION row_tam_fold();
CREATE TRIGGER task_tam_fold BEFORE INSERT ON task FOR EACH ROW
    WHEN (NEW.tam_fold IS NULL) EXECUTE FUNCTION row_tam_fold();
CREATE TRIGGER task_tam_fold_moved BEFORE UPDATE OF account_id, tam_fold
    ON task FOR EACH ROW EXECUTE FUNCTION row_tam_fold();
