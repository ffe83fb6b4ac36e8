-- 0004-db-uid.sql for PostgreSQL: as sql/0004-db-uid.sql, the database's
-- random identifier (gen_random_uuid: the server's strong randomness)
-- and the revision count of each task's calendar entry.
CREATE TABLE database_uid (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	uid		TEXT COLLATE "C" NOT NULL CHECK (length(uid) = 32)
);
INSERT INTO database_uid (id, uid)
    VALUES (1, replace(gen_random_uuid()::text, '-', ''));

CREATE TABLE task_revision (
	task_id		BIGINT PRIMARY KEY REFERENCES task (id)
			    ON DELETE CASCADE,
	revision	BIGINT NOT NULL CHECK (revision > 0)
);
CREATE FUNCTION task_revision_count() RETURNS trigger
LANGUAGE plpgsql SET search_path = tam AS $$
BEGIN
	INSERT INTO task_revision (task_id, revision) VALUES (NEW.id, 1)
	    ON CONFLICT (task_id) DO UPDATE
	    SET revision = task_revision.revision + 1;
	RETURN NEW;
END;
$$;
CREATE TRIGGER task_revision_count AFTER UPDATE OF due, status, title, note
ON task FOR EACH ROW
WHEN (OLD.due IS DISTINCT FROM NEW.due OR
    OLD.status IS DISTINCT FROM NEW.status OR
    OLD.title IS DISTINCT FROM NEW.title OR
    OLD.note IS DISTINCT FROM NEW.note)
EXECUTE FUNCTION task_revision_count();
