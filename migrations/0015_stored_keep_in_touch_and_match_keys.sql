CREATE TABLE "contact_keys" (
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "contact_keys_account_id_kind_key_contact_id_pk" PRIMARY KEY("account_id","kind","key","contact_id")
);
--> statement-breakpoint
DROP INDEX "interaction_contacts_contact_idx";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "match_keys_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "keep_in_touch_base" date;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "keep_in_touch_cadence" integer;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "keep_in_touch_due_on" date;--> statement-breakpoint
ALTER TABLE "contact_keys" ADD CONSTRAINT "contact_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_keys_contact_idx" ON "contact_keys" USING btree ("account_id","contact_id");--> statement-breakpoint
CREATE INDEX "contacts_keep_in_touch_idx" ON "contacts" USING btree ("account_id","keep_in_touch_cadence","keep_in_touch_base");--> statement-breakpoint
CREATE INDEX "contacts_keep_in_touch_due_idx" ON "contacts" USING btree ("account_id","keep_in_touch_due_on");--> statement-breakpoint
CREATE INDEX "interaction_contacts_contact_idx" ON "interaction_contacts" USING btree ("contact_id","occurred_at" DESC NULLS LAST,"interaction_id" DESC NULLS LAST);--> statement-breakpoint
-- Backfill (written by hand): every contact's stored keep-in-touch, as refreshKeepInTouch() in
-- src/server/features/contacts/derived.ts computes it (the account's cadences, the time zone of
-- its first user). No clock is read: the values depend only on stored dates.
-- The matching keys are computed in TypeScript (storedKeys()), not here: accounts start at
-- match_keys_version 0 and are keyed the first time the duplicates finder reads them.
WITH "s" AS (
	SELECT a."id" AS "account_id", a."cadence_personal_days" AS "personal", a."cadence_professional_days" AS "professional",
		a."cadence_opportunity_days" AS "opportunity",
		coalesce((SELECT u."time_zone" FROM "users" u WHERE u."account_id" = a."id" ORDER BY u."created_at", u."id" LIMIT 1), 'UTC') AS "tz"
	FROM "accounts" a
), "v" AS (
	SELECT c."id",
		coalesce((c."last_interaction_at" AT TIME ZONE s."tz")::date, c."met_on", (c."created_at" AT TIME ZONE s."tz")::date) AS "base",
		coalesce(c."cadence_days", CASE c."circle" WHEN 'personal' THEN s."personal" WHEN 'opportunity' THEN s."opportunity" ELSE s."professional" END) AS "cadence"
	FROM "contacts" c JOIN "s" ON s."account_id" = c."account_id"
)
UPDATE "contacts" c SET "keep_in_touch_base" = v."base", "keep_in_touch_cadence" = v."cadence", "keep_in_touch_due_on" = v."base" + v."cadence"
FROM "v" WHERE c."id" = v."id";
