DROP INDEX "interaction_contacts_contact_idx";--> statement-breakpoint
ALTER TABLE "interaction_contacts" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "interaction_contacts" ADD COLUMN "direction" text;--> statement-breakpoint
ALTER TABLE "interaction_contacts" ADD COLUMN "intent" text;--> statement-breakpoint
-- Written by hand (as in 0017): interaction_contacts carries a copy of its interaction's channel,
-- direction and intent (schema.ts), so tie strength and the ask share read a person's touches from
-- its index alone. Triggers keep the copy, so no writer of touches (the API, imports, calendar,
-- backup, trash, merges) has to remember it. The existing rows first, then the index over them.
UPDATE "interaction_contacts" ic SET "channel" = i."channel", "direction" = i."direction", "intent" = i."intent"
  FROM "interactions" i WHERE i."id" = ic."interaction_id";--> statement-breakpoint
CREATE INDEX "interaction_contacts_contact_idx" ON "interaction_contacts" USING btree ("contact_id","occurred_at" DESC NULLS LAST,"interaction_id" DESC NULLS LAST,"account_id","channel","direction","intent");--> statement-breakpoint
-- A new link takes its interaction's values, whatever the writer passed.
CREATE FUNCTION circulo_copy_touch_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT i.channel, i.direction, i.intent INTO NEW.channel, NEW.direction, NEW.intent
    FROM interactions i WHERE i.id = NEW.interaction_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER interaction_contacts_copy_kind BEFORE INSERT OR UPDATE OF interaction_id, channel, direction, intent ON interaction_contacts
  FOR EACH ROW EXECUTE FUNCTION circulo_copy_touch_kind();
--> statement-breakpoint
-- An edited interaction passes its new values to its links (only when one of them changed).
CREATE FUNCTION circulo_propagate_touch_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE interaction_contacts SET channel = NEW.channel, direction = NEW.direction, intent = NEW.intent
    WHERE interaction_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER interactions_propagate_kind AFTER UPDATE OF channel, direction, intent ON interactions
  FOR EACH ROW WHEN ((OLD.channel, OLD.direction, OLD.intent) IS DISTINCT FROM (NEW.channel, NEW.direction, NEW.intent))
  EXECUTE FUNCTION circulo_propagate_touch_kind();
