CREATE TABLE "calendar_people_met" (
	"account_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"last_met_at" timestamp with time zone NOT NULL,
	"last_meeting" text,
	"dismissed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_people_met_account_id_email_pk" PRIMARY KEY("account_id","email")
);
--> statement-breakpoint
CREATE TABLE "calendar_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url_sealed" text NOT NULL,
	"url_hint" text NOT NULL,
	"last_fetched_at" timestamp with time zone,
	"last_status" text,
	"last_error" text,
	"last_error_code" text,
	"last_counts" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_subscriptions_account_id_id_key" UNIQUE("account_id","id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "other_emails" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_people_met" ADD CONSTRAINT "calendar_people_met_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_subscriptions" ADD CONSTRAINT "calendar_subscriptions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_subscriptions" ADD CONSTRAINT "calendar_subscriptions_user_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."users"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_people_met_recent_idx" ON "calendar_people_met" USING btree ("account_id","last_met_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "calendar_subscriptions_account_user_idx" ON "calendar_subscriptions" USING btree ("account_id","user_id");--> statement-breakpoint
CREATE INDEX "calendar_subscriptions_due_idx" ON "calendar_subscriptions" USING btree ("last_fetched_at");