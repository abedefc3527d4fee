-- Columns of contacts that no query filters, joins or sorts on (they are only shown and exported):
-- ANALYZE keeps no statistics for them. It read and sorted every contact's value of each for the
-- planner to never use: ~900 -> ~550 ms for the heavy user's 30,000 contacts, at the end of a
-- large import and in the hourly maintenance (docs/performance.md, 2026-12-01). A query that
-- starts filtering on one of them should give it statistics back (SET STATISTICS -1) in a
-- migration; schema.ts says so beside them.
ALTER TABLE "contacts" ALTER COLUMN "first_name" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "last_name" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "title" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "location" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "links" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "birthday" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "photo" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "notes" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "interests" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "communities" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "schools" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "past_companies" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "how_met" SET STATISTICS 0;
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "updated_at" SET STATISTICS 0;
