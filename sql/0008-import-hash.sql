-- 0008-import-hash.sql: a re-import of an unchanged export reads each row
-- and finds it unchanged without decoding it.  import_hash is a hash of
-- the cells of the row that last set the account (and of how the file
-- was read: its header mapping and options), written by tam import; a
-- row whose account still has its hash would change nothing and is
-- counted unchanged after one search of the sfid index.  Any other change
-- to the account clears it, so that the next import compares the row
-- field by field as before: the trigger below, for every UPDATE that
-- leaves the hash as it was (tam account set, sentiment, sync...).
ALTER TABLE account ADD COLUMN import_hash INTEGER;
CREATE TRIGGER account_import_hash_clear AFTER UPDATE ON account
WHEN OLD.import_hash IS NOT NULL AND NEW.import_hash IS OLD.import_hash
BEGIN
	UPDATE account SET import_hash = NULL WHERE id = NEW.id;
END;
