-- A messages import writes touches (interactions) and their links (interaction_contacts) by the
-- hundred thousand, and their foreign keys' per-row checks were ~20% of writing a touch and ~35%
-- of writing a link (each check is a separate query run by PostgreSQL's RI machinery;
-- docs/performance.md, 2026-12-01). Those three keys become statement-level triggers that do the
-- same work once per statement, written by hand below:
-- - a new or changed link's interaction and contact, and a new or changed touch's account, must
--   exist in its account; they are locked FOR KEY SHARE exactly as a key's check locks them, so a
--   concurrent delete waits for this transaction and then takes the links with it, and one deleted
--   before the check is not found. A violation raises SQLSTATE 23503 naming the old constraint.
-- - deleting a touch or a contact deletes its links, and deleting an account its touches (ON
--   DELETE CASCADE); changing the key of a linked touch or contact is refused (NO ACTION).
-- tests/api/account-references.test.ts runs the same tests on the two links as on every foreign
-- key. docs/architecture.md#database.
ALTER TABLE "interaction_contacts" DROP CONSTRAINT "interaction_contacts_interaction_id_fk";
--> statement-breakpoint
ALTER TABLE "interaction_contacts" DROP CONSTRAINT "interaction_contacts_contact_id_fk";
--> statement-breakpoint
ALTER TABLE "interactions" DROP CONSTRAINT "interactions_account_id_accounts_id_fk";
--> statement-breakpoint
CREATE FUNCTION circulo_check_link_references() RETURNS trigger LANGUAGE plpgsql AS $$
-- Each referenced row is read by its primary key in a LATERAL subquery that locks it: a locking
-- subquery is never flattened, so the plan is one index probe per row whatever the statistics say.
-- (PL/pgSQL keeps the plan a query without parameters got on its first run: a join planned while
-- an import's touches were few went on scanning them all as they grew.)
DECLARE
  wanted bigint;
  locked bigint;
  missing record;
BEGIN
  SELECT count(*), count(l.found) INTO wanted, locked
  FROM (SELECT DISTINCT account_id, interaction_id FROM circulo_new_links) n
    LEFT JOIN LATERAL (SELECT true AS found FROM interactions i WHERE i.id = n.interaction_id AND i.account_id = n.account_id
                       FOR KEY SHARE) l ON true;
  IF locked < wanted THEN
    SELECT n.account_id, n.interaction_id INTO missing FROM circulo_new_links n
      WHERE NOT EXISTS (SELECT 1 FROM interactions i WHERE i.id = n.interaction_id AND i.account_id = n.account_id) LIMIT 1;
    RAISE EXCEPTION 'insert or update on table "interaction_contacts" violates foreign key constraint "interaction_contacts_interaction_id_fk"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'interaction_contacts_interaction_id_fk', TABLE = 'interaction_contacts',
        DETAIL = format('Key (account_id, interaction_id)=(%s, %s) is not present in table "interactions".', missing.account_id, missing.interaction_id);
  END IF;
  SELECT count(*), count(l.found) INTO wanted, locked
  FROM (SELECT DISTINCT account_id, contact_id FROM circulo_new_links) n
    LEFT JOIN LATERAL (SELECT true AS found FROM contacts c WHERE c.id = n.contact_id AND c.account_id = n.account_id
                       FOR KEY SHARE) l ON true;
  IF locked < wanted THEN
    SELECT n.account_id, n.contact_id INTO missing FROM circulo_new_links n
      WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = n.contact_id AND c.account_id = n.account_id) LIMIT 1;
    RAISE EXCEPTION 'insert or update on table "interaction_contacts" violates foreign key constraint "interaction_contacts_contact_id_fk"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'interaction_contacts_contact_id_fk', TABLE = 'interaction_contacts',
        DETAIL = format('Key (account_id, contact_id)=(%s, %s) is not present in table "contacts".', missing.account_id, missing.contact_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER interaction_contacts_check_references_insert AFTER INSERT ON interaction_contacts
  REFERENCING NEW TABLE AS circulo_new_links FOR EACH STATEMENT EXECUTE FUNCTION circulo_check_link_references();
--> statement-breakpoint
CREATE TRIGGER interaction_contacts_check_references_update AFTER UPDATE ON interaction_contacts
  REFERENCING NEW TABLE AS circulo_new_links FOR EACH STATEMENT EXECUTE FUNCTION circulo_check_link_references();
--> statement-breakpoint
-- The cascades run their DELETE through EXECUTE: planned at every call, for the rows deleted then
-- and the table's size then (a plan PL/pgSQL kept from a first delete, made while the table was
-- small, could go on scanning it).
CREATE FUNCTION circulo_delete_links_of_interactions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'DELETE FROM interaction_contacts ic USING circulo_old_touches o WHERE ic.interaction_id = o.id AND ic.account_id = o.account_id';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER interactions_delete_links AFTER DELETE ON interactions
  REFERENCING OLD TABLE AS circulo_old_touches FOR EACH STATEMENT EXECUTE FUNCTION circulo_delete_links_of_interactions();
--> statement-breakpoint
CREATE FUNCTION circulo_delete_links_of_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'DELETE FROM interaction_contacts ic USING circulo_old_people o WHERE ic.contact_id = o.id AND ic.account_id = o.account_id';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_delete_links AFTER DELETE ON contacts
  REFERENCING OLD TABLE AS circulo_old_people FOR EACH STATEMENT EXECUTE FUNCTION circulo_delete_links_of_contacts();
--> statement-breakpoint
-- A touch or contact whose id or account changes while links point at it: refused, as NO ACTION.
-- Row triggers with a WHEN: an ordinary update never calls them.
CREATE FUNCTION circulo_refuse_linked_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  linked boolean;
  name text := CASE TG_TABLE_NAME WHEN 'interactions' THEN 'interaction_contacts_interaction_id_fk' ELSE 'interaction_contacts_contact_id_fk' END;
BEGIN
  IF TG_TABLE_NAME = 'interactions' THEN
    linked := EXISTS (SELECT 1 FROM interaction_contacts ic WHERE ic.interaction_id = OLD.id AND ic.account_id = OLD.account_id);
  ELSE
    linked := EXISTS (SELECT 1 FROM interaction_contacts ic WHERE ic.contact_id = OLD.id AND ic.account_id = OLD.account_id);
  END IF;
  IF linked THEN
    RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%" on table "interaction_contacts"', TG_TABLE_NAME, name
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = name, TABLE = 'interaction_contacts',
        DETAIL = format('Key (account_id, id)=(%s, %s) is still referenced from table "interaction_contacts".', OLD.account_id, OLD.id);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER interactions_refuse_linked_key_change BEFORE UPDATE OF id, account_id ON interactions
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.account_id IS DISTINCT FROM NEW.account_id)
  EXECUTE FUNCTION circulo_refuse_linked_key_change();
--> statement-breakpoint
CREATE TRIGGER contacts_refuse_linked_key_change BEFORE UPDATE OF id, account_id ON contacts
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.account_id IS DISTINCT FROM NEW.account_id)
  EXECUTE FUNCTION circulo_refuse_linked_key_change();
--> statement-breakpoint
CREATE FUNCTION circulo_check_touch_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wanted bigint;
  locked bigint;
BEGIN
  SELECT count(DISTINCT account_id) INTO wanted FROM circulo_new_touches;
  SELECT count(*) INTO locked FROM (
    SELECT 1 FROM accounts a WHERE a.id IN (SELECT account_id FROM circulo_new_touches) FOR KEY SHARE OF a) l;
  IF locked < wanted THEN
    RAISE EXCEPTION 'insert or update on table "interactions" violates foreign key constraint "interactions_account_id_accounts_id_fk"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'interactions_account_id_accounts_id_fk', TABLE = 'interactions';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER interactions_check_account_insert AFTER INSERT ON interactions
  REFERENCING NEW TABLE AS circulo_new_touches FOR EACH STATEMENT EXECUTE FUNCTION circulo_check_touch_accounts();
--> statement-breakpoint
CREATE TRIGGER interactions_check_account_update AFTER UPDATE ON interactions
  REFERENCING NEW TABLE AS circulo_new_touches FOR EACH STATEMENT EXECUTE FUNCTION circulo_check_touch_accounts();
--> statement-breakpoint
-- An account whose id changes while it has touches: refused (no account id ever changes).
CREATE FUNCTION circulo_refuse_account_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM interactions i WHERE i.account_id = OLD.id) THEN
    RAISE EXCEPTION 'update or delete on table "accounts" violates foreign key constraint "interactions_account_id_accounts_id_fk" on table "interactions"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'interactions_account_id_accounts_id_fk', TABLE = 'interactions';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_refuse_touched_key_change BEFORE UPDATE OF id ON accounts
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION circulo_refuse_account_key_change();
--> statement-breakpoint
CREATE FUNCTION circulo_delete_account_touches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'DELETE FROM interactions i USING circulo_old_accounts o WHERE i.account_id = o.id';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_delete_touches AFTER DELETE ON accounts
  REFERENCING OLD TABLE AS circulo_old_accounts FOR EACH STATEMENT EXECUTE FUNCTION circulo_delete_account_touches();
