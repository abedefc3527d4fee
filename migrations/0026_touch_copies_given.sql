-- Written by hand (as 0020): a link whose writer already gives its interaction's channel,
-- direction and intent (a LinkedIn import joins the interaction anyway) skips 0020's per-row
-- lookup (a PL/pgSQL call and a query per link); one statement-level check then compares every
-- new link with its interaction and corrects any that differ, so a new link still takes its
-- interaction's values whatever the writer passed. Links given no values (a NULL among them) are
-- filled per row as before. Updates keep 0020's row trigger.
-- docs/architecture.md#database.
DROP TRIGGER "interaction_contacts_copy_kind" ON "interaction_contacts";--> statement-breakpoint
CREATE TRIGGER "interaction_contacts_copy_kind" BEFORE UPDATE OF interaction_id, channel, direction, intent ON "interaction_contacts"
  FOR EACH ROW EXECUTE FUNCTION circulo_copy_touch_kind();--> statement-breakpoint
CREATE TRIGGER "interaction_contacts_copy_kind_missing" BEFORE INSERT ON "interaction_contacts"
  FOR EACH ROW WHEN (NEW.channel IS NULL OR NEW.direction IS NULL OR NEW.intent IS NULL)
  EXECUTE FUNCTION circulo_copy_touch_kind();--> statement-breakpoint
-- The check of a statement's new links: each link's interaction read by its primary key, nothing
-- else (the update's join alone was planned to probe interaction_contacts for every new link as
-- well, and cost more than the per-row lookups it replaces); only if one differs, the links given
-- other values than their interaction's are updated to them (through the row trigger above too).
-- Links filled by the per-row lookup agree already.
CREATE FUNCTION circulo_check_touch_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM circulo_came n
             WHERE (SELECT (i.channel, i.direction, i.intent) = (n.channel, n.direction, n.intent)
                    FROM interactions i WHERE i.id = n.interaction_id) IS NOT TRUE) THEN
    UPDATE interaction_contacts ic SET channel = i.channel, direction = i.direction, intent = i.intent
      FROM circulo_came n JOIN interactions i ON i.id = n.interaction_id
      WHERE (n.channel, n.direction, n.intent) IS DISTINCT FROM (i.channel, i.direction, i.intent)
        AND ic.interaction_id = n.interaction_id AND ic.contact_id = n.contact_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "interaction_contacts_copy_kind_check" AFTER INSERT ON "interaction_contacts"
  REFERENCING NEW TABLE AS circulo_came
  FOR EACH STATEMENT EXECUTE FUNCTION circulo_check_touch_kind();
