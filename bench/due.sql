-- due.sql: what `tam due --no-sync` selects, as one query for the sqlite3
-- shell (bench/run.sh sets @today).  The same selection and order as SPEC
-- §8 with the default settings: open tasks due up to today + the horizon
-- (7 days), grouped overdue / today / upcoming, by due date, strategic
-- accounts first, then ACV descending, with the meeting attendees; the
-- monthly-review row on the first weekday of a month; then the hygiene
-- rows (renewal date passed, risk CTA whose sentiment recovered, at-risk
-- account with no risk CTA, no sentiment post for 90 days while the
-- renewal window is open).
WITH
cfg(strategic_cents, sa_always, stale_days, window_months) AS (
	SELECT
	    CAST(coalesce((SELECT value FROM setting
		WHERE key = 'strategic.acv'), 250000) AS INTEGER) * 100,
	    coalesce((SELECT value FROM setting
		WHERE key = 'review.sa_always'), 'true') = 'true',
	    CAST(coalesce((SELECT value FROM setting
		WHERE key = 'sentiment.stale_days'), 90) AS INTEGER),
	    CAST(coalesce((SELECT value FROM setting
		WHERE key = 'window.months'), 6) AS INTEGER)
),
tasks AS (
	SELECT CASE WHEN t.due < @today THEN 0
		    WHEN t.due = @today THEN 1 ELSE 2 END AS g,
	    t.id AS task_id, t.kind, t.title, t.due,
	    CAST(julianday(t.due) - julianday(@today) AS INTEGER) AS days,
	    a.id AS account_id, a.name AS account, a.sfid, a.renewal_date,
	    a.acv_cents,
	    coalesce(a.acv_cents > (SELECT strategic_cents FROM cfg), 0)
	    AS strategic, t.cta_id,
	    CASE WHEN t.kind IN ('renewal_review_1', 'renewal_review_2') THEN
		'TAM: ' || coalesce(a.tam, 'unassigned') ||
		', SAL: ' || coalesce(a.sal, 'unassigned') ||
		CASE WHEN a.sa IS NOT NULL AND
		    (a.upsell OR (SELECT sa_always FROM cfg))
		    THEN ', SA: ' || a.sa ELSE '' END ||
		CASE WHEN a.acv_cents > (SELECT strategic_cents FROM cfg) THEN
		    ', RSD: ' || coalesce(a.rsd, 'unassigned') ||
		    ', TAM manager: ' || coalesce(a.tam_manager, 'unassigned')
		    ELSE '' END
	    END AS attendees
	FROM task t JOIN account a ON a.id = t.account_id
	WHERE t.status = 'open' AND a.archived = 0 AND t.due <= date(@today, '+7 days')
),
monthly AS (
	SELECT 1 AS g, NULL AS task_id, 'monthly_review' AS kind,
	    'Monthly renewal review: ' || count(*) || ' accounts renewing '
	    || 'within the window (tam account list --renewing-within 6m)'
	    AS title, @today AS due, 0 AS days, NULL, NULL, NULL, NULL, NULL,
	    NULL, NULL, NULL
	FROM account a
	WHERE (strftime('%d', @today) = '01' AND
	    strftime('%w', @today) BETWEEN '1' AND '5' OR
	    strftime('%d', @today) IN ('02', '03') AND
	    strftime('%w', @today) = '1')
	  AND a.archived = 0 AND a.renewal_date BETWEEN @today AND
	    date(@today, '+' || (SELECT window_months FROM cfg) || ' months')
	HAVING count(*) > 0
),
hygiene AS (
	SELECT 3 AS g, NULL AS task_id, 'renewal_passed' AS kind,
	    'Renewal date passed: update it' AS title, NULL AS due,
	    NULL AS days, a.id, a.name, a.sfid, a.renewal_date, a.acv_cents,
	    coalesce(a.acv_cents > (SELECT strategic_cents FROM cfg), 0), NULL, NULL
	FROM account a
	WHERE a.archived = 0 AND a.renewal_date < @today
	UNION ALL
	SELECT 3, NULL, 'sentiment_recovered',
	    'Sentiment recovered: conclude the CTA', NULL, NULL, a.id,
	    a.name, a.sfid, a.renewal_date, a.acv_cents,
	    coalesce(a.acv_cents > (SELECT strategic_cents FROM cfg), 0), c.id, NULL
	FROM cta c JOIN account a ON a.id = c.account_id
	WHERE c.status = 'open' AND c.kind = 'risk' AND a.archived = 0
	  AND NOT (a.sentiment IS 'red' OR a.requires_triage = 1)
	UNION ALL
	SELECT 3, NULL, 'risk_cta_missing', 'At risk with no At-Risk CTA',
	    NULL, NULL, a.id, a.name, a.sfid, a.renewal_date, a.acv_cents,
	    coalesce(a.acv_cents > (SELECT strategic_cents FROM cfg), 0), NULL, NULL
	FROM account a
	WHERE a.archived = 0 AND (a.sentiment = 'red' OR
	    a.requires_triage = 1)
	  AND NOT EXISTS (SELECT 1 FROM cta c WHERE c.account_id = a.id
	      AND c.kind = 'risk' AND c.status = 'open')
	UNION ALL
	SELECT 3, NULL, 'sentiment_stale', 'Update TAM Sentiment', NULL,
	    NULL, a.id, a.name, a.sfid, a.renewal_date, a.acv_cents,
	    coalesce(a.acv_cents > (SELECT strategic_cents FROM cfg), 0), NULL, NULL
	FROM account a
	WHERE a.archived = 0 AND a.renewal_date BETWEEN @today AND
	    date(@today, '+' || (SELECT window_months FROM cfg) || ' months')
	  -- the last sentiment or Risk Update post (the account's copy,
	  -- sql/0009-sentiment-posted.sql); never a post: counted from the
	  -- day the account was added
	  AND coalesce(a.sentiment_posted_at, a.created_at) < date(@today,
		  '-' || (SELECT stale_days FROM cfg) || ' days')
)
SELECT task_id, kind, title, due, days,
    CASE g WHEN 0 THEN 'overdue' WHEN 1 THEN 'today'
	WHEN 2 THEN 'upcoming' ELSE 'hygiene' END AS "group",
    account_id, account, sfid, renewal_date, acv_cents / 100.0 AS acv,
    CASE strategic WHEN 1 THEN 'true' ELSE 'false' END AS strategic, cta_id,
    attendees
FROM (SELECT * FROM tasks UNION ALL SELECT * FROM monthly
    UNION ALL SELECT * FROM hygiene)
ORDER BY g, due, strategic DESC, acv_cents DESC, task_id, kind, account_id;
