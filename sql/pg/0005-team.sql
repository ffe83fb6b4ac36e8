-- 0005-team.sql for PostgreSQL: the ids views of sql/0005-ids.sql, and
-- team mode.  Each TAM's login reads and writes the rows of their own
-- accounts; a manager and an admin all of them; the server enforces it
-- (row-level security), for tam and for psql alike.
--
-- Roles are the cluster's, made once for every tam database in it:
--   tam_owner    owns the schema and every object in it; no login, so
--                that no one who connects owns a table (an owner would
--                pass by the policies; FORCE makes them hold for it too)
--   tam_tam, tam_manager, tam_admin
--                what each kind of login may do to the tables; which rows
--                is the team table's business, per database
-- The login that ran the migration (tam init) is made a member of
-- tam_owner: it is the database's owner, and it adds the team.
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles
	    WHERE rolname = 'tam_owner') THEN
		CREATE ROLE tam_owner NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles
	    WHERE rolname = 'tam_tam') THEN
		CREATE ROLE tam_tam NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles
	    WHERE rolname = 'tam_manager') THEN
		CREATE ROLE tam_manager NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles
	    WHERE rolname = 'tam_admin') THEN
		CREATE ROLE tam_admin NOLOGIN;
	END IF;
	IF NOT pg_catalog.pg_has_role(current_user, 'tam_owner', 'MEMBER')
	    THEN
		EXECUTE pg_catalog.format('GRANT tam_owner TO %I',
		    current_user);
	END IF;
END;
$$;

-- A CTA a team member opens by hand records their login, not "tam".
ALTER TABLE cta DROP CONSTRAINT cta_opened_by_check;
ALTER TABLE cta ADD CONSTRAINT cta_opened_by_check CHECK (opened_by <> '');

-- Who is on the team of this database, as what.
CREATE TABLE team (
	login		TEXT COLLATE "C" PRIMARY KEY,
	tam		TEXT COLLATE "C" NOT NULL CHECK (tam <> ''),
	tam_fold	TEXT COLLATE "C" NOT NULL,
	role		TEXT COLLATE "C" NOT NULL CHECK (role IN
			    ('tam', 'manager', 'admin'))
);

-- What the connected login is here: 'owner', 'admin', 'manager', 'tam',
-- or NULL (not on the team).  Definer's rights: a TAM cannot read the
-- team table, and need not.
CREATE FUNCTION login_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = tam AS $$
	SELECT CASE
	    WHEN (SELECT rolsuper FROM pg_catalog.pg_roles
		WHERE rolname = session_user) THEN 'owner'
	    WHEN pg_catalog.pg_has_role(session_user, 'tam_owner', 'MEMBER')
		THEN 'owner'
	    ELSE (SELECT role FROM team WHERE login = session_user)
	END;
$$;
-- The folded TAM name of the connected login, and the name itself.
CREATE FUNCTION login_tam() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = tam AS $$
	SELECT tam_fold FROM team WHERE login = session_user;
$$;
CREATE FUNCTION login_tam_name() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = tam AS $$
	SELECT tam FROM team WHERE login = session_user;
$$;
-- Does the connected login see every account?
CREATE FUNCTION login_sees_all() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = tam AS $$
	SELECT coalesce(login_role() IN ('owner', 'admin', 'manager'), false);
$$;

-- Adds or changes a member: the login role is made when missing (no
-- password: how it authenticates is the site's pg_hba.conf), and given
-- the role of its kind.  The caller's rights: it must be allowed to
-- create and grant roles (CREATEROLE, or a superuser).
CREATE FUNCTION team_add(p_login text, p_tam text, p_fold text,
    p_role text) RETURNS void
LANGUAGE plpgsql SET search_path = tam AS $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles
	    WHERE rolname = p_login) THEN
		EXECUTE pg_catalog.format('CREATE ROLE %I LOGIN', p_login);
	END IF;
	EXECUTE pg_catalog.format('REVOKE tam_tam, tam_manager, tam_admin '
	    'FROM %I', p_login);
	EXECUTE pg_catalog.format('GRANT %I TO %I', 'tam_' || p_role,
	    p_login);
	INSERT INTO team (login, tam, tam_fold, role)
	    VALUES (p_login, p_tam, p_fold, p_role)
	    ON CONFLICT (login) DO UPDATE SET tam = excluded.tam,
	    tam_fold = excluded.tam_fold, role = excluded.role;
END;
$$;
-- Takes a member off the team; the login role stays (other databases
-- of the cluster may have it on their team).
CREATE FUNCTION team_rm(p_login text) RETURNS boolean
LANGUAGE plpgsql SET search_path = tam AS $$
BEGIN
	DELETE FROM team WHERE login = p_login;
	RETURN FOUND;
END;
$$;

-- The ids views (sql/0005-ids.sql): owned by tam_owner, they read
-- every row, whose ids (no other column) any member may see.
CREATE VIEW account_ids AS SELECT id FROM account;
CREATE VIEW timeline_ids AS SELECT id FROM timeline;
CREATE VIEW health_history_ids AS SELECT id FROM health_history;
CREATE VIEW cta_ids AS SELECT id FROM cta;
CREATE VIEW task_ids AS SELECT id FROM task;
CREATE VIEW import_run_ids AS SELECT id FROM import_run;

-- Row-level security: the owner's role (and so the ids views) sees all;
-- a login that sees all (login_sees_all) too; a TAM the rows of the
-- accounts whose TAM is theirs.  Every table that hangs off an account
-- follows its account.  The scalar subqueries are evaluated once per
-- statement, not per row.
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['account', 'timeline', 'health_history',
	    'cta', 'task', 'task_revision', 'import_run', 'setting',
	    'database_uid', 'team'] LOOP
		EXECUTE pg_catalog.format('ALTER TABLE %I ENABLE ROW LEVEL '
		    'SECURITY', t);
		EXECUTE pg_catalog.format('ALTER TABLE %I FORCE ROW LEVEL '
		    'SECURITY', t);
		EXECUTE pg_catalog.format('CREATE POLICY owner_all ON %I TO '
		    'tam_owner USING (true) WITH CHECK (true)', t);
		-- The team table is what login_sees_all reads: its own rule.
		CONTINUE WHEN t = 'team';
		EXECUTE pg_catalog.format('CREATE POLICY sees_all ON %I '
		    'USING ((SELECT login_sees_all())) '
		    'WITH CHECK ((SELECT login_sees_all()))', t);
	END LOOP;
END;
$$;
CREATE POLICY own_book ON account
    USING (tam_fold = (SELECT login_tam()))
    WITH CHECK (tam_fold = (SELECT login_tam()));
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['timeline', 'health_history', 'cta', 'task']
	    LOOP
		EXECUTE pg_catalog.format('CREATE POLICY own_book ON %I '
		    'USING (account_id IN (SELECT id FROM account)) '
		    'WITH CHECK (account_id IN (SELECT id FROM account))', t);
	END LOOP;
END;
$$;
CREATE POLICY own_book ON task_revision
    USING (task_id IN (SELECT id FROM task))
    WITH CHECK (task_id IN (SELECT id FROM task));
-- Settings and the database's uid are the team's: every member reads
-- them; only those who see all change settings.  Import runs: a TAM sees
-- the record of the nightly import, and writes the one of their own.
CREATE POLICY members_read ON setting FOR SELECT
    USING ((SELECT login_role()) IS NOT NULL);
CREATE POLICY members_read ON database_uid FOR SELECT
    USING ((SELECT login_role()) IS NOT NULL);
CREATE POLICY admins ON team TO tam_admin USING (true) WITH CHECK (true);
CREATE POLICY managers_read ON team FOR SELECT TO tam_manager USING (true);
CREATE POLICY members ON import_run
    USING ((SELECT login_role()) IS NOT NULL)
    WITH CHECK ((SELECT login_role()) IS NOT NULL);

-- What each kind may do.  The timeline is append-only for everyone (no
-- UPDATE or DELETE, and its trigger); deleting an account takes its
-- posts with it through the foreign key, which runs as the owner.
GRANT USAGE ON SCHEMA tam TO PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA tam FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA tam FROM PUBLIC;
GRANT EXECUTE ON FUNCTION login_role(), login_tam(), login_tam_name(),
    login_sees_all() TO PUBLIC;
GRANT EXECUTE ON FUNCTION timeline_append_only(), task_revision_count()
    TO tam_tam, tam_manager, tam_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON account, health_history, cta, task,
    task_revision TO tam_tam, tam_manager, tam_admin;
GRANT SELECT, INSERT ON timeline, import_run
    TO tam_tam, tam_manager, tam_admin;
GRANT SELECT ON setting, database_uid, account_ids, timeline_ids,
    health_history_ids, cta_ids, task_ids, import_run_ids
    TO tam_tam, tam_manager, tam_admin;
GRANT INSERT, UPDATE, DELETE ON setting TO tam_manager, tam_admin;
GRANT SELECT ON team TO tam_manager, tam_admin;
GRANT INSERT, UPDATE, DELETE ON team TO tam_admin;
GRANT EXECUTE ON FUNCTION team_add(text, text, text, text), team_rm(text)
    TO tam_admin;

-- Everything to tam_owner, the schema first: a table's new owner must be
-- able to create in its schema.
ALTER SCHEMA tam OWNER TO tam_owner;
DO $$
DECLARE
	o record;
BEGIN
	FOR o IN SELECT c.relname, c.relkind FROM pg_catalog.pg_class c
	    WHERE c.relnamespace = 'tam'::regnamespace
	    AND c.relkind IN ('r', 'v') LOOP
		EXECUTE pg_catalog.format('ALTER %s %I OWNER TO tam_owner',
		    CASE o.relkind WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END,
		    o.relname);
	END LOOP;
	FOR o IN SELECT p.oid::regprocedure AS f FROM pg_catalog.pg_proc p
	    WHERE p.pronamespace = 'tam'::regnamespace LOOP
		EXECUTE pg_catalog.format('ALTER FUNCTION %s OWNER TO tam_owner',
		    o.f);
	END LOOP;
END;
$$;
