-- 0001-initial.sql for PostgreSQL: the tables of SPEC §3, as on SQLite
-- (sql/0001-initial.sql), in the schema "tam" (search_path).  Text is
-- COLLATE "C" so that it sorts byte by byte, as SQLite's BINARY does;
-- money is BIGINT cents; a new row's id is one past the largest, as
-- SQLite's rowid (NEXT_ID in src/db/db-internal.h), not a sequence.

CREATE TABLE account (
	id		BIGINT PRIMARY KEY,
	sfid		TEXT COLLATE "C" UNIQUE
			    CHECK (sfid IS NULL OR length(sfid) = 18),
	name		TEXT COLLATE "C" NOT NULL CHECK (name <> ''),
	tam		TEXT COLLATE "C",
	sal		TEXT COLLATE "C",
	sa		TEXT COLLATE "C",
	rsd		TEXT COLLATE "C",
	tam_manager	TEXT COLLATE "C",
	acv_cents	BIGINT,
	currency	TEXT COLLATE "C" NOT NULL DEFAULT 'USD'
			    CHECK (length(currency) = 3),
	renewal_date	TEXT COLLATE "C" CHECK (renewal_date IS NULL OR
			    renewal_date ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
	health_score	INTEGER CHECK (health_score BETWEEN 0 AND 100),
	sentiment	TEXT COLLATE "C" CHECK (sentiment IN
			    ('green', 'yellow', 'red')),
	requires_triage	INTEGER NOT NULL DEFAULT 0
			    CHECK (requires_triage = 0 OR
			    (requires_triage = 1 AND sentiment = 'yellow')),
	lifecycle_stage	TEXT COLLATE "C",
	upsell		INTEGER NOT NULL DEFAULT 0 CHECK (upsell IN (0, 1)),
	region		TEXT COLLATE "C",
	segment		TEXT COLLATE "C",
	objectives	TEXT COLLATE "C",
	licenses	BIGINT CHECK (licenses >= 0),
	active_users	BIGINT CHECK (active_users >= 0),
	archived	INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	created_at	TEXT COLLATE "C" NOT NULL,
	updated_at	TEXT COLLATE "C" NOT NULL
);
CREATE INDEX account_by_name ON account (name);
CREATE INDEX account_by_renewal ON account (renewal_date) WHERE archived = 0;
CREATE INDEX account_by_tam ON account (tam);

CREATE TABLE timeline (
	id		BIGINT PRIMARY KEY,
	account_id	BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	at		TEXT COLLATE "C" NOT NULL,
	type		TEXT COLLATE "C" NOT NULL CHECK (type IN ('risk_update',
			    'note', 'meeting', 'sentiment', 'renewal_question',
			    'renewal_plan', 'cta', 'import', 'renewal_date')),
	author		TEXT COLLATE "C" NOT NULL,
	sentiment	TEXT COLLATE "C" CHECK (sentiment IN
			    ('green', 'yellow', 'red')),
	requires_triage	INTEGER NOT NULL DEFAULT 0,
	body		TEXT COLLATE "C"
);
CREATE INDEX timeline_by_account ON timeline (account_id, at);
CREATE INDEX timeline_by_type ON timeline (type, account_id, at);

-- The timeline is append-only: no command edits a post.  Deleting the
-- whole account (tam account rm --yes) takes its posts with it.
CREATE FUNCTION timeline_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = tam AS $$
BEGIN
	IF TG_OP = 'DELETE' AND NOT EXISTS
	    (SELECT 1 FROM account WHERE id = OLD.account_id) THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION 'the timeline is append-only';
END;
$$;
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
    FOR EACH ROW EXECUTE FUNCTION timeline_append_only();
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
    FOR EACH ROW EXECUTE FUNCTION timeline_append_only();

CREATE TABLE health_history (
	id		BIGINT PRIMARY KEY,
	account_id	BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	date		TEXT COLLATE "C" NOT NULL,
	health_score	INTEGER NOT NULL CHECK (health_score BETWEEN 0 AND 100)
);
CREATE INDEX health_by_account ON health_history (account_id, date);

CREATE TABLE cta (
	id		BIGINT PRIMARY KEY,
	account_id	BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	kind		TEXT COLLATE "C" NOT NULL CHECK (kind IN
			    ('renewal', 'risk')),
	title		TEXT COLLATE "C" NOT NULL,
	playbook	TEXT COLLATE "C" NOT NULL,
	status		TEXT COLLATE "C" NOT NULL DEFAULT 'open'
			    CHECK (status IN ('open', 'closed_won',
			    'closed_lost', 'closed', 'cancelled')),
	risk_type	TEXT COLLATE "C",
	risk_reason	TEXT COLLATE "C",
	opened_at	TEXT COLLATE "C" NOT NULL,
	opened_by	TEXT COLLATE "C" NOT NULL CHECK (opened_by IN
			    ('tam', 'sync')),
	renewal_date	TEXT COLLATE "C",
	closed_at	TEXT COLLATE "C",
	outcome_note	TEXT COLLATE "C",
	net_arr_change_cents BIGINT
);
-- At most one open CTA of each kind per account.
CREATE UNIQUE INDEX cta_one_open ON cta (account_id, kind)
    WHERE status = 'open';
-- A renewal date is planned once: sync does not reopen a finished one.
CREATE UNIQUE INDEX cta_renewal_once ON cta (account_id, renewal_date)
    WHERE kind = 'renewal' AND (status = 'open' OR status = 'closed');
CREATE INDEX cta_by_status ON cta (status, kind);

CREATE TABLE task (
	id		BIGINT PRIMARY KEY,
	account_id	BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	cta_id		BIGINT REFERENCES cta (id) ON DELETE CASCADE,
	kind		TEXT COLLATE "C" NOT NULL CHECK (kind IN
			    ('renewal_review_1', 'renewal_review_2',
			    'renewal_question', 'renewal_plan',
			    'sentiment_update', 'risk_cta_update',
			    'risk_update', 'action_architecture',
			    'action_utilization', 'action_roadmap', 'custom')),
	title		TEXT COLLATE "C" NOT NULL,
	due		TEXT COLLATE "C" NOT NULL,
	status		TEXT COLLATE "C" NOT NULL DEFAULT 'open'
			    CHECK (status IN ('open', 'done', 'skipped',
			    'cancelled')),
	done_at		TEXT COLLATE "C",
	note		TEXT COLLATE "C",
	created_at	TEXT COLLATE "C" NOT NULL
);
CREATE INDEX task_open_by_due ON task (due) WHERE status = 'open';
CREATE INDEX task_by_account ON task (account_id);
CREATE INDEX task_by_cta ON task (cta_id);

CREATE TABLE import_run (
	id		BIGINT PRIMARY KEY,
	at		TEXT COLLATE "C" NOT NULL,
	source		TEXT COLLATE "C" NOT NULL,
	rows_read	BIGINT NOT NULL,
	inserted	BIGINT NOT NULL,
	updated		BIGINT NOT NULL,
	unchanged	BIGINT NOT NULL,
	rejected	BIGINT NOT NULL
);

CREATE TABLE setting (
	key		TEXT COLLATE "C" PRIMARY KEY,
	value		TEXT COLLATE "C" NOT NULL
);
