CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"network" text DEFAULT 'linkedin' NOT NULL,
	"direction" text NOT NULL,
	"received_on" date NOT NULL,
	"message" text,
	"welcome_sent_on" date,
	"welcome_message" text,
	"replied_on" date,
	"outcome" text DEFAULT 'none' NOT NULL,
	"accepted_on" date,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "calendar_secret" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "linkedin_key" text;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_account_received_idx" ON "invitations" USING btree ("account_id","received_on");--> statement-breakpoint
CREATE INDEX "invitations_contact_idx" ON "invitations" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_external_id_key" ON "invitations" USING btree ("account_id","external_id");--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_linkedin_key_idx" ON "contacts" USING btree ("account_id","linkedin_key");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_external_id_key" ON "interactions" USING btree ("account_id","external_id");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_calendar_secret_unique" UNIQUE("calendar_secret");