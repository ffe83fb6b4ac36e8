-- 0005-ids.sql: the ids of every table that tam numbers, as views.  A new
-- row's id is one past the largest of all rows (NEXT_ID in
-- src/db/db-internal.h); on a shared server a login may see only some of
-- the rows (sql/pg/0005-team.sql), so the largest id is read through
-- these views, which see them all there.  Here they are plain views.
CREATE VIEW account_ids AS SELECT id FROM account;
CREATE VIEW timeline_ids AS SELECT id FROM timeline;
CREATE VIEW health_history_ids AS SELECT id FROM health_history;
CREATE VIEW cta_ids AS SELECT id FROM cta;
CREATE VIEW task_ids AS SELECT id FROM task;
CREATE VIEW import_run_ids AS SELECT id FROM import_run;
