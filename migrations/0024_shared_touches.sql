CREATE TABLE "shared_touches" (
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"other_id" uuid NOT NULL,
	"touches" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "shared_touches_account_id_contact_id_other_id_pk" PRIMARY KEY("account_id","contact_id","other_id")
);
--> statement-breakpoint
ALTER TABLE "shared_touches" ADD CONSTRAINT "shared_touches_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_touches" ADD CONSTRAINT "shared_touches_contact_id_fk" FOREIGN KEY ("account_id","contact_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_touches" ADD CONSTRAINT "shared_touches_other_id_fk" FOREIGN KEY ("account_id","other_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shared_touches_other_idx" ON "shared_touches" USING btree ("account_id","other_id");--> statement-breakpoint
-- Written by hand (as in 0017 and 0020): shared_touches (schema.ts) holds, per ordered pair of
-- contacts, how many touches had both and the newest, so intro paths read a person's pairs from one
-- index range instead of joining every touch of a busy person with the others in it (README
-- "Performance"). Statement-level triggers on interaction_contacts keep it, so every writer of
-- touches (the API, imports, the calendar, the trash, merges, restores, cascades) keeps it without
-- knowing. Incremental: links added add their interaction's pairs, links removed subtract them; an
-- update of a link's interaction, contact or time is both. A newest date cannot be decremented: a
-- pair that loses its newest touch reads the newest that remains. docs/architecture.md#database.
CREATE FUNCTION circulo_shared_touches() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- An update's new links, for the removal (one statement for deletes and updates: a DELETE
  -- trigger has no NEW TABLE to name).
  came_accounts uuid[];
  came_interactions uuid[];
  came_contacts uuid[];
  lost shared_touches[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- A trigger with transition tables cannot be limited to some columns: an update that moved no
    -- link (0020's copy of an edited touch's channel, direction, intent) ends here.
    IF NOT EXISTS (SELECT account_id, interaction_id, contact_id, occurred_at FROM circulo_came
                   EXCEPT SELECT account_id, interaction_id, contact_id, occurred_at FROM circulo_gone) THEN
      RETURN NULL;
    END IF;
    SELECT array_agg(account_id), array_agg(interaction_id), array_agg(contact_id)
      INTO came_accounts, came_interactions, came_contacts FROM circulo_came;
  END IF;
  -- Removed: the pairs (x, y), x <> y, of each interaction as it was before the statement (its
  -- links now, but an update's new ones, plus the removed ones), x or y removed. Each
  -- interaction's pairs are made from its own links (arrays), never by joining the statement's
  -- links with each other: the planner cannot know how many there are. Links of a deleted account
  -- are skipped: its pairs go with it.
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    WITH gone AS (
      SELECT g.account_id, g.interaction_id, g.contact_id, g.occurred_at FROM circulo_gone g
      WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = g.account_id)),
    links AS (
      SELECT 'gone' AS role, gone.* FROM gone
      UNION ALL
      SELECT 'now', ic.account_id, ic.interaction_id, ic.contact_id, ic.occurred_at
      FROM (SELECT DISTINCT account_id, interaction_id FROM gone) t
        JOIN interaction_contacts ic ON ic.interaction_id = t.interaction_id AND ic.account_id = t.account_id
      UNION ALL
      SELECT 'came', c.account_id, c.interaction_id, c.contact_id, NULL
      FROM unnest(came_accounts, came_interactions, came_contacts) AS c(account_id, interaction_id, contact_id)),
    before AS (
      SELECT account_id,
        array_agg(contact_id) FILTER (WHERE role <> 'came') AS people,
        array_agg(role = 'gone') FILTER (WHERE role <> 'came') AS removed,
        array_agg(occurred_at) FILTER (WHERE role <> 'came') AS ats,
        coalesce(array_agg(contact_id) FILTER (WHERE role = 'came'), '{}') AS came
      FROM links GROUP BY account_id, interaction_id
      HAVING bool_or(role = 'gone') AND count(*) FILTER (WHERE role <> 'came') > 1)
    SELECT array_agg(ROW(q.account_id, q.contact_id, q.other_id, q.touches, q.last_at)::shared_touches) INTO lost
    FROM (SELECT b.account_id, x.contact_id, y.contact_id AS other_id, count(*)::int AS touches, max(y.at) AS last_at
          FROM before b
            CROSS JOIN LATERAL unnest(b.people, b.removed) AS x(contact_id, removed)
            CROSS JOIN LATERAL unnest(b.people, b.removed, b.ats) AS y(contact_id, removed, at)
          WHERE x.contact_id <> y.contact_id AND (x.removed OR y.removed)
            AND (x.removed OR x.contact_id <> ALL (b.came)) AND (y.removed OR y.contact_id <> ALL (b.came))
          GROUP BY 1, 2, 3) q;
  END IF;
  -- Subtracted: a pair left with no touch goes; one that lost its newest touch reads the newest
  -- that remains (the contact's timeline index, newest first, until a touch the other was in).
  IF lost IS NOT NULL THEN
    WITH l AS (SELECT * FROM unnest(lost)),
    emptied AS (
      DELETE FROM shared_touches s USING l
      WHERE s.account_id = l.account_id AND s.contact_id = l.contact_id AND s.other_id = l.other_id AND s.touches <= l.touches)
    UPDATE shared_touches s SET
      touches = s.touches - l.touches,
      last_at = CASE WHEN l.last_at < s.last_at THEN s.last_at ELSE coalesce((
        SELECT b.occurred_at FROM interaction_contacts a
          JOIN interaction_contacts b ON b.interaction_id = a.interaction_id AND b.contact_id = s.other_id AND b.account_id = s.account_id
        WHERE a.contact_id = s.contact_id AND a.account_id = s.account_id
        ORDER BY a.occurred_at DESC NULLS LAST LIMIT 1), s.last_at) END
    FROM l
    WHERE s.account_id = l.account_id AND s.contact_id = l.contact_id AND s.other_id = l.other_id AND s.touches > l.touches;
  END IF;
  -- Added: the pairs (x, y), x <> y, of each interaction that got links, x or y a new link, once
  -- per interaction however many of its links came in one statement. A LinkedIn import's messages
  -- (one person each) pair nobody: one primary-key probe per interaction, then nothing.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO shared_touches AS s (account_id, contact_id, other_id, touches, last_at)
      SELECT n.account_id, x.contact_id, y.contact_id, count(*)::int, max(y.at)
      FROM (SELECT account_id, interaction_id, array_agg(contact_id) AS came FROM circulo_came GROUP BY 1, 2) n
        CROSS JOIN LATERAL (
          SELECT array_agg(ic.contact_id) AS people, array_agg(ic.occurred_at) AS ats FROM interaction_contacts ic
          WHERE ic.interaction_id = n.interaction_id AND ic.account_id = n.account_id) cur
        CROSS JOIN LATERAL unnest(cur.people) AS x(contact_id)
        CROSS JOIN LATERAL unnest(cur.people, cur.ats) AS y(contact_id, at)
      WHERE cardinality(cur.people) > 1 AND x.contact_id <> y.contact_id
        AND (x.contact_id = ANY (n.came) OR y.contact_id = ANY (n.came))
      GROUP BY 1, 2, 3
    ON CONFLICT (account_id, contact_id, other_id)
      DO UPDATE SET touches = s.touches + excluded.touches, last_at = greatest(s.last_at, excluded.last_at);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER interaction_contacts_shared_touches_insert AFTER INSERT ON interaction_contacts
  REFERENCING NEW TABLE AS circulo_came
  FOR EACH STATEMENT EXECUTE FUNCTION circulo_shared_touches();
--> statement-breakpoint
CREATE TRIGGER interaction_contacts_shared_touches_delete AFTER DELETE ON interaction_contacts
  REFERENCING OLD TABLE AS circulo_gone
  FOR EACH STATEMENT EXECUTE FUNCTION circulo_shared_touches();
--> statement-breakpoint
CREATE TRIGGER interaction_contacts_shared_touches_update AFTER UPDATE ON interaction_contacts
  REFERENCING OLD TABLE AS circulo_gone NEW TABLE AS circulo_came
  FOR EACH STATEMENT EXECUTE FUNCTION circulo_shared_touches();
--> statement-breakpoint
-- The touches made before this migration (after the triggers: a write waits for this migration).
INSERT INTO shared_touches (account_id, contact_id, other_id, touches, last_at)
  SELECT a.account_id, a.contact_id, b.contact_id, count(*)::int, max(b.occurred_at)
  FROM interaction_contacts a
    JOIN interaction_contacts b ON b.interaction_id = a.interaction_id AND b.account_id = a.account_id AND b.contact_id <> a.contact_id
  GROUP BY 1, 2, 3;
