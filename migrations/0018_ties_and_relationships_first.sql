CREATE TABLE "contact_relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_a_id" uuid NOT NULL,
	"contact_b_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contact_relationships_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "contact_relationships_two_people_check" CHECK ("contact_relationships"."contact_a_id" <> "contact_relationships"."contact_b_id")
);
--> statement-breakpoint
DROP INDEX "contacts_keep_in_touch_idx";--> statement-breakpoint
ALTER TABLE "contact_relationships" ADD CONSTRAINT "contact_relationships_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_relationships" ADD CONSTRAINT "contact_relationships_contact_a_id_fk" FOREIGN KEY ("account_id","contact_a_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_relationships" ADD CONSTRAINT "contact_relationships_contact_b_id_fk" FOREIGN KEY ("account_id","contact_b_id") REFERENCES "public"."contacts"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_relationships_pair_key" ON "contact_relationships" USING btree ("account_id",least("contact_a_id", "contact_b_id"),greatest("contact_a_id", "contact_b_id"));--> statement-breakpoint
CREATE INDEX "contact_relationships_a_idx" ON "contact_relationships" USING btree ("account_id","contact_a_id");--> statement-breakpoint
CREATE INDEX "contact_relationships_b_idx" ON "contact_relationships" USING btree ("account_id","contact_b_id");--> statement-breakpoint
CREATE INDEX "contacts_company_idx" ON "contacts" USING btree ("account_id",circulo_normalize("company"));--> statement-breakpoint
CREATE INDEX "contacts_keep_in_touch_idx" ON "contacts" USING btree ("account_id","keep_in_touch_cadence","keep_in_touch_base") WHERE (source not in ('linkedin', 'vcard', 'csv') or last_interaction_at is not null or cadence_days is not null);