-- 0001-initial.sql: the tables of SPEC §3.
-- Dates are TEXT 'YYYY-MM-DD', timestamps TEXT 'YYYY-MM-DDTHH:MM:SSZ' (UTC),
-- money INTEGER cents.  Every row of an account goes with it (CASCADE).
-- Enumerations are checked with OR chains, not IN lists: SQLite evaluates a
-- CHECK's IN list of more than two values by building a temporary b-tree
-- for every row written, which made bulk inserts several times slower.

CREATE TABLE account (
	id		INTEGER PRIMARY KEY,
	sfid		TEXT UNIQUE CHECK (sfid IS NULL OR length(sfid) = 18),
	name		TEXT NOT NULL COLLATE NOCASE CHECK (name <> ''),
	tam		TEXT,
	sal		TEXT,
	sa		TEXT,
	rsd		TEXT,
	tam_manager	TEXT,
	acv_cents	INTEGER,
	currency	TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
	renewal_date	TEXT CHECK (renewal_date IS NULL OR
			    renewal_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	health_score	INTEGER CHECK (health_score BETWEEN 0 AND 100),
	sentiment	TEXT CHECK (sentiment = 'green' OR
			    sentiment = 'yellow' OR sentiment = 'red'),
	requires_triage	INTEGER NOT NULL DEFAULT 0
			    CHECK (requires_triage = 0 OR
			    (requires_triage = 1 AND sentiment = 'yellow')),
	lifecycle_stage	TEXT,
	upsell		INTEGER NOT NULL DEFAULT 0 CHECK (upsell = 0 OR
			    upsell = 1),
	region		TEXT,
	segment		TEXT,
	objectives	TEXT,
	licenses	INTEGER CHECK (licenses >= 0),
	active_users	INTEGER CHECK (active_users >= 0),
	archived	INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR
			    archived = 1),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL
);
CREATE INDEX account_by_name ON account (name);
CREATE INDEX account_by_renewal ON account (renewal_date) WHERE archived = 0;
CREATE INDEX account_by_tam ON account (tam);

CREATE TABLE timeline (
	id		INTEGER PRIMARY KEY,
	account_id	INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	at		TEXT NOT NULL,
	type		TEXT NOT NULL CHECK (type = 'risk_update' OR
			    type = 'note' OR type = 'meeting' OR
			    type = 'sentiment' OR type = 'renewal_question' OR
			    type = 'renewal_plan' OR type = 'cta' OR
			    type = 'import' OR type = 'renewal_date'),
	author		TEXT NOT NULL,
	sentiment	TEXT CHECK (sentiment = 'green' OR
			    sentiment = 'yellow' OR sentiment = 'red'),
	requires_triage	INTEGER NOT NULL DEFAULT 0,
	body		TEXT
);
CREATE INDEX timeline_by_account ON timeline (account_id, at);
CREATE INDEX timeline_by_type ON timeline (type, account_id, at);

-- The timeline is append-only: no command edits a post.  Deleting the
-- whole account (tam account rm --yes) takes its posts with it.
CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline
BEGIN
	SELECT RAISE(ABORT, 'the timeline is append-only');
END;
CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline
WHEN EXISTS (SELECT 1 FROM account WHERE id = OLD.account_id)
BEGIN
	SELECT RAISE(ABORT, 'the timeline is append-only');
END;

CREATE TABLE health_history (
	id		INTEGER PRIMARY KEY,
	account_id	INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	date		TEXT NOT NULL,
	health_score	INTEGER NOT NULL CHECK (health_score BETWEEN 0 AND 100)
);
CREATE INDEX health_by_account ON health_history (account_id, date);

CREATE TABLE cta (
	id		INTEGER PRIMARY KEY,
	account_id	INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	kind		TEXT NOT NULL CHECK (kind = 'renewal' OR kind = 'risk'),
	title		TEXT NOT NULL,
	playbook	TEXT NOT NULL,
	status		TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR
			    status = 'closed_won' OR status = 'closed_lost' OR
			    status = 'closed' OR status = 'cancelled'),
	risk_type	TEXT,
	risk_reason	TEXT,
	opened_at	TEXT NOT NULL,
	opened_by	TEXT NOT NULL CHECK (opened_by = 'tam' OR
			    opened_by = 'sync'),
	renewal_date	TEXT,
	closed_at	TEXT,
	outcome_note	TEXT,
	net_arr_change_cents INTEGER
);
-- At most one open CTA of each kind per account.
CREATE UNIQUE INDEX cta_one_open ON cta (account_id, kind)
    WHERE status = 'open';
-- A renewal date is planned once: sync does not reopen a finished one.
CREATE UNIQUE INDEX cta_renewal_once ON cta (account_id, renewal_date)
    WHERE kind = 'renewal' AND (status = 'open' OR status = 'closed');
CREATE INDEX cta_by_status ON cta (status, kind);

CREATE TABLE task (
	id		INTEGER PRIMARY KEY,
	account_id	INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
	cta_id		INTEGER REFERENCES cta (id) ON DELETE CASCADE,
	kind		TEXT NOT NULL CHECK (kind = 'renewal_review_1' OR
			    kind = 'renewal_review_2' OR
			    kind = 'renewal_question' OR kind = 'renewal_plan' OR
			    kind = 'sentiment_update' OR
			    kind = 'risk_cta_update' OR kind = 'risk_update' OR
			    kind = 'action_architecture' OR
			    kind = 'action_utilization' OR
			    kind = 'action_roadmap' OR kind = 'custom'),
	title		TEXT NOT NULL,
	due		TEXT NOT NULL,
	status		TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR
			    status = 'done' OR status = 'skipped' OR
			    status = 'cancelled'),
	done_at		TEXT,
	note		TEXT,
	created_at	TEXT NOT NULL
);
CREATE INDEX task_open_by_due ON task (due) WHERE status = 'open';
CREATE INDEX task_by_account ON task (account_id);
CREATE INDEX task_by_cta ON task (cta_id);

CREATE TABLE import_run (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL,
	source		TEXT NOT NULL,
	rows_read	INTEGER NOT NULL,
	inserted	INTEGER NOT NULL,
	updated		INTEGER NOT NULL,
	unchanged	INTEGER NOT NULL,
	rejected	INTEGER NOT NULL
);

CREATE TABLE setting (
	key		TEXT PRIMARY KEY,
	value		TEXT NOT NULL
);
