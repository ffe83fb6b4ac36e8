-- steady.sql: the TAMs' work between syncs, for the "steady state"
-- database of bench/run.sh (data set-up, not a tam equivalent).  Every
-- task due before @today was done on its due date: a renewal task is
-- marked done, an Update TAM Sentiment task leaves the post `tam
-- sentiment` would have written, and a monthly Risk Update leaves its
-- post and moves to a day of the coming month, as `tam risk-update` does.
-- So `tam due` lists what a team that keeps up sees, not months of
-- backlog.
BEGIN;
INSERT INTO timeline (account_id, at, type, author, sentiment,
    requires_triage, body)
SELECT t.account_id, t.due || 'T17:00:00Z',
    CASE t.kind WHEN 'risk_update' THEN 'risk_update' ELSE 'sentiment' END,
    'bench', a.sentiment, a.requires_triage, 'bench: ' || t.title
FROM task t JOIN account a ON a.id = t.account_id
WHERE t.status = 'open' AND t.due < @today
  AND t.kind IN ('sentiment_update', 'risk_update');
-- The next Risk Update: within the coming four weeks, spread by task id
-- (at-risk accounts do not all turn red on the same day).
UPDATE task SET due = date(@today, '+' || (id % 28) || ' days')
WHERE status = 'open' AND kind = 'risk_update' AND due < @today;
UPDATE task SET status = 'done', done_at = due || 'T17:00:00Z'
WHERE status = 'open' AND due < @today;
COMMIT;
