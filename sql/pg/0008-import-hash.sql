-- 0008-import-hash.sql for PostgreSQL: the hash of the row that last set
-- an account, cleared by any other change to it (see
-- sql/0008-import-hash.sql).  A server's import (COPY) does not compare
-- rows by it and leaves it empty; the column and the trigger keep the
-- two schemas alike and a file moved between them safe.
ALTER TABLE account ADD COLUMN import_hash BIGINT;
CREATE FUNCTION account_import_hash_clear() RETURNS trigger
LANGUAGE plpgsql SET search_path = tam, pg_catalog AS $$
BEGIN
	IF NEW.import_hash IS NOT DISTINCT FROM OLD.import_hash THEN
		NEW.import_hash := NULL;
	END IF;
	RETURN NEW;
END;
$$;
ALTER FUNCTION account_import_hash_clear() OWNER TO tam_owner;
CREATE TRIGGER account_import_hash_clear BEFORE UPDATE ON account
    FOR EACH ROW EXECUTE FUNCTION account_import_hash_clear();
