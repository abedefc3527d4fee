CREATE TABLE "favors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"effort" text NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text,
	"introduced_to_id" uuid,
	"thanked_on" date,
	"outcome" text,
	"outcome_reported_on" date,
	"outcome_not_applicable" boolean DEFAULT false NOT NULL,
	"loop_status" text NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"from_stage" text NOT NULL,
	"to_stage" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "thank_you_delay_days" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "outcome_report_delay_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "favors" ADD CONSTRAINT "favors_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "favors" ADD CONSTRAINT "favors_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "favors" ADD CONSTRAINT "favors_introduced_to_id_contacts_id_fk" FOREIGN KEY ("introduced_to_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_changes" ADD CONSTRAINT "stage_changes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_changes" ADD CONSTRAINT "stage_changes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "favors_account_loop_idx" ON "favors" USING btree ("account_id","loop_status");--> statement-breakpoint
CREATE INDEX "favors_contact_idx" ON "favors" USING btree ("contact_id","occurred_on");--> statement-breakpoint
CREATE INDEX "favors_introduced_to_idx" ON "favors" USING btree ("introduced_to_id");--> statement-breakpoint
CREATE INDEX "stage_changes_account_time_idx" ON "stage_changes" USING btree ("account_id","changed_at");--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_favor_id_favors_id_fk" FOREIGN KEY ("favor_id") REFERENCES "public"."favors"("id") ON DELETE cascade ON UPDATE no action;