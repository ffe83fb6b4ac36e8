-- 0004-db-uid.sql: what `tam ics` needs so that a calendar re-importing
-- its file updates rather than duplicates or keeps stale entries (SPEC §9).

-- A random identifier of this database, made once when the database is
-- created (or migrated to this version) and part of every calendar UID,
-- so that two databases never share one.  randomblob() draws on the
-- operating system's randomness (SQLite's unix VFS reads /dev/urandom).
CREATE TABLE database_uid (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	uid		TEXT NOT NULL CHECK (length(uid) = 32)
);
INSERT INTO database_uid (id, uid) VALUES (1, lower(hex(randomblob(16))));

-- How many times a task changed what its calendar entry shows (its due
-- date, status, title or note): the SEQUENCE of that entry.  Stable across
-- exports, and it grows with every change whichever command makes it,
-- because the trigger counts them.  No row: never changed (0).
CREATE TABLE task_revision (
	task_id		INTEGER PRIMARY KEY REFERENCES task (id)
			    ON DELETE CASCADE,
	revision	INTEGER NOT NULL CHECK (revision > 0)
);
CREATE TRIGGER task_revision_count AFTER UPDATE OF due, status, title, note
ON task
WHEN OLD.due IS NOT NEW.due OR OLD.status IS NOT NEW.status OR
    OLD.title IS NOT NEW.title OR OLD.note IS NOT NEW.note
BEGIN
	INSERT INTO task_revision (task_id, revision) VALUES (NEW.id, 1)
	    ON CONFLICT (task_id) DO UPDATE SET revision = revision + 1;
END;
