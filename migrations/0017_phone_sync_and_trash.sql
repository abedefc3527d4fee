CREATE TABLE "contact_changes" (
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "contact_changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"deleted" boolean NOT NULL,
	"xid" bigint,
	"dav_name" text,
	"dav_uid" text,
	CONSTRAINT "contact_changes_account_id_contact_id_pk" PRIMARY KEY("account_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "contact_trash" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"deleted_at" timestamp with time zone NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_changes" ADD CONSTRAINT "contact_changes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_trash" ADD CONSTRAINT "contact_trash_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_changes_account_seq_idx" ON "contact_changes" USING btree ("account_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_changes_dav_name_key" ON "contact_changes" USING btree ("account_id","dav_name") WHERE "contact_changes"."dav_name" is not null;--> statement-breakpoint
CREATE INDEX "contact_trash_account_deleted_idx" ON "contact_trash" USING btree ("account_id","deleted_at");--> statement-breakpoint
CREATE INDEX "contact_trash_contact_idx" ON "contact_trash" USING btree ("account_id","contact_id");--> statement-breakpoint
-- Written by hand: the phone-sync change log (schema.ts, contact_changes) is kept by triggers, so
-- every write of a contact is logged whatever code makes it. Statement-level with transition
-- tables: an import of 30,000 contacts logs them in one statement, not 30,000. Only changes of
-- what a vCard shows count (a logged touch updates last_interaction_at: no phone needs that).
-- The account must still exist: deleting an account deletes its contacts by cascade.
CREATE FUNCTION circulo_log_contact_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO contact_changes (account_id, contact_id, deleted, xid)
      SELECT n.account_id, n.id, false, pg_current_xact_id()::text::bigint FROM circulo_new_rows n
      ON CONFLICT (account_id, contact_id) DO UPDATE SET seq = DEFAULT, deleted = false, xid = excluded.xid;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO contact_changes (account_id, contact_id, deleted, xid)
      SELECT n.account_id, n.id, false, pg_current_xact_id()::text::bigint FROM circulo_new_rows n JOIN circulo_old_rows o ON o.id = n.id
      WHERE (o.first_name, o.last_name, o.display_name, o.emails, o.phones, o.company, o.title, o.location, o.links, o.birthday, o.photo, o.notes, o.circle, o.tags)
        IS DISTINCT FROM (n.first_name, n.last_name, n.display_name, n.emails, n.phones, n.company, n.title, n.location, n.links, n.birthday, n.photo, n.notes, n.circle, n.tags)
      ON CONFLICT (account_id, contact_id) DO UPDATE SET seq = DEFAULT, deleted = false, xid = excluded.xid;
  ELSE
    INSERT INTO contact_changes (account_id, contact_id, deleted, xid)
      SELECT o.account_id, o.id, true, pg_current_xact_id()::text::bigint FROM circulo_old_rows o
      WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = o.account_id)
      ON CONFLICT (account_id, contact_id) DO UPDATE SET seq = DEFAULT, deleted = true, xid = excluded.xid;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_log_inserts AFTER INSERT ON contacts REFERENCING NEW TABLE AS circulo_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION circulo_log_contact_changes();
--> statement-breakpoint
CREATE TRIGGER contacts_log_updates AFTER UPDATE ON contacts REFERENCING OLD TABLE AS circulo_old_rows NEW TABLE AS circulo_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION circulo_log_contact_changes();
--> statement-breakpoint
CREATE TRIGGER contacts_log_deletes AFTER DELETE ON contacts REFERENCING OLD TABLE AS circulo_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION circulo_log_contact_changes();
--> statement-breakpoint
-- Contacts made before this migration: logged once, so a first sync token covers them.
INSERT INTO contact_changes (account_id, contact_id, deleted, xid) SELECT account_id, id, false, pg_current_xact_id()::text::bigint FROM contacts ORDER BY account_id, id;
