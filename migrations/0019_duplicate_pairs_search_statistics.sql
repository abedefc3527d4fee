CREATE TABLE "duplicate_pairs" (
	"account_id" uuid NOT NULL,
	"a_id" uuid NOT NULL,
	"b_id" uuid NOT NULL,
	"reasons" text[] NOT NULL,
	"sort_name" text NOT NULL,
	CONSTRAINT "duplicate_pairs_account_id_a_id_b_id_pk" PRIMARY KEY("account_id","a_id","b_id")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "duplicate_pairs_stale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duplicate_pairs_b_idx" ON "duplicate_pairs" USING btree ("account_id","b_id");--> statement-breakpoint
CREATE INDEX "duplicate_pairs_sort_idx" ON "duplicate_pairs" USING btree ("account_id","sort_name","a_id","b_id");--> statement-breakpoint
-- Search's plans (features/contacts/queries.ts): with the default 100 histogram entries a rare word
-- was estimated at 1 % of the contacts, and the planner walked the name index through ~27,000 of
-- the heavy user's contacts instead of reading the trigram index (README "Performance").
ALTER TABLE "contacts" ALTER COLUMN "search_text" SET STATISTICS 1000;--> statement-breakpoint
ANALYZE "contacts";
