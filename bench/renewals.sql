-- renewals.sql: what `tam report renewals` selects with its defaults
-- (--by quarter --within 12m), for the sqlite3 shell (bench/run.sh sets
-- @today): active accounts renewing from today to today + 12 months,
-- grouped by calendar quarter, with the count, total ACV, ACV at risk (red
-- or yellow with triage) and the number of strategic accounts.
SELECT strftime('%Y', a.renewal_date) || '-Q' ||
	((CAST(strftime('%m', a.renewal_date) AS INTEGER) + 2) / 3) AS period,
    count(*) AS accounts,
    coalesce(sum(a.acv_cents), 0) / 100.0 AS acv,
    coalesce(sum(CASE WHEN a.sentiment = 'red' OR
	a.sentiment = 'yellow' AND a.requires_triage
	THEN a.acv_cents END), 0) / 100.0 AS acv_at_risk,
    sum(a.acv_cents > CAST(coalesce((SELECT value FROM setting
	WHERE key = 'strategic.acv'), 250000) AS INTEGER) * 100) AS strategic
FROM account a
WHERE a.archived = 0
  AND a.renewal_date BETWEEN @today AND date(@today, '+12 months')
GROUP BY period
ORDER BY period;
