-- 0003-fold.sql: folded copies of the account and TAM names (SPEC §2:
-- names compare by Unicode case folding of their NFC form), indexed, so
-- that naming an account or a TAM stays an index search.  tam writes
-- both columns itself on every write (src/db/); fold() is the same
-- function in C, registered by tam for this backfill only.  No trigger
-- or index expression calls it: the schema must not depend on it.

ALTER TABLE account ADD COLUMN name_fold TEXT;
ALTER TABLE account ADD COLUMN tam_fold TEXT;
UPDATE account SET name_fold = fold(name), tam_fold = fold(tam);

-- The same index names as before, on the folded columns: the import
-- parks them by name (src/db/db-import.c).
DROP INDEX account_by_name;
CREATE INDEX account_by_name ON account (name_fold);
DROP INDEX account_by_tam;
CREATE INDEX account_by_tam ON account (tam_fold);
