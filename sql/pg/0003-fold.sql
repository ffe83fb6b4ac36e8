-- 0003-fold.sql for PostgreSQL: the folded names, as sql/0003-fold.sql.
-- tam writes both columns on every write.  No PostgreSQL database of
-- tam's predates this version, so there is nothing to backfill.
ALTER TABLE account ADD COLUMN name_fold TEXT COLLATE "C";
ALTER TABLE account ADD COLUMN tam_fold TEXT COLLATE "C";
DROP INDEX account_by_name;
CREATE INDEX account_by_name ON account (name_fold);
DROP INDEX account_by_tam;
CREATE INDEX account_by_tam ON account (tam_fold);
