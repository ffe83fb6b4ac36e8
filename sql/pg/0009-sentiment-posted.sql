-- 0009-sentiment-posted.sql for PostgreSQL: an account carries when its
-- sentiment was last posted, as sql/0009-sentiment-posted.sql (the
-- statements are the same on both engines).  Here a trigger keeps it,
-- for every client and every way a post comes (INSERT, COPY): once per
-- statement, over the rows it inserted, so an import's batch of posts is
-- one UPDATE.  It runs as the one who posts: whoever may post on an
-- account sees it and may write it (sql/pg/0005-team.sql).
ALTER TABLE account ADD COLUMN sentiment_posted_at TEXT COLLATE "C";
UPDATE account SET sentiment_posted_at = p.at FROM (SELECT account_id,
    max(at) AS at FROM timeline WHERE type IN ('sentiment', 'risk_update')
    GROUP BY account_id) p WHERE p.account_id = account.id;
DROP INDEX account_by_tam;
CREATE INDEX account_by_tam ON account (tam_fold, id, archived,
    renewal_date, sentiment, requires_triage, created_at,
    sentiment_posted_at) INCLUDE (name, sfid, tam, sal, sa, rsd,
    tam_manager, upsell, acv_cents, currency);
CREATE INDEX account_renewal_by_tam ON account (tam_fold, renewal_date, id)
    WHERE archived = 0;
CREATE INDEX account_at_risk_by_tam ON account (tam_fold, id,
    sentiment_posted_at)
    WHERE archived = 0 AND (sentiment = 'red' OR requires_triage = 1);

CREATE FUNCTION timeline_sentiment_posted() RETURNS trigger
    LANGUAGE plpgsql SET search_path = tam, pg_catalog AS $$
BEGIN
	UPDATE account a SET sentiment_posted_at = p.at
	    FROM (SELECT account_id, max(at) AS at FROM new_posts
	    WHERE type IN ('sentiment', 'risk_update')
	    GROUP BY account_id) p
	    WHERE a.id = p.account_id AND (a.sentiment_posted_at IS NULL
	    OR a.sentiment_posted_at < p.at);
	RETURN NULL;
END;
$$;
ALTER FUNCTION timeline_sentiment_posted() OWNER TO tam_owner;
CREATE TRIGGER timeline_sentiment_posted AFTER INSERT ON timeline
    REFERENCING NEW TABLE AS new_posts FOR EACH STATEMENT
    EXECUTE FUNCTION timeline_sentiment_posted();
