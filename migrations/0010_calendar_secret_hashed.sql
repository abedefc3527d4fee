ALTER TABLE "accounts" RENAME COLUMN "calendar_secret" TO "calendar_secret_hash";--> statement-breakpoint
ALTER TABLE "accounts" DROP CONSTRAINT "accounts_calendar_secret_unique";--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_calendar_secret_hash_unique" UNIQUE("calendar_secret_hash");--> statement-breakpoint
-- Hand-written data fix: the feed secrets already handed out become their SHA-256 (hex, as
-- sha256() in src/server/features/auth/secrets.ts computes it), so existing subscriptions keep
-- working. sha256() is built into PostgreSQL 11 and later.
UPDATE "accounts" SET "calendar_secret_hash" = encode(sha256(convert_to("calendar_secret_hash", 'UTF8')), 'hex') WHERE "calendar_secret_hash" IS NOT NULL;
