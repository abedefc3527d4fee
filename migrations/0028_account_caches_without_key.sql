-- contact_keys (the matching keys, a cache of contacts' own columns) and contact_changes (the
-- phone-sync log, written only by the triggers on contacts) lose their foreign key to accounts:
-- their rows are written from contacts, which have theirs, and the per-row check was a large share
-- of a bulk import's writes (~8 µs a key, ~14 ms per 1,000 logged contacts; docs/performance.md).
-- What the keys' ON DELETE CASCADE did, a statement trigger on accounts does: an account deleted
-- takes its keys and its log with it (tests/api/account-references.test.ts). It runs after the
-- cascades, when the log's delete trigger has already seen that the account is gone.
-- docs/architecture.md#database.
ALTER TABLE "contact_changes" DROP CONSTRAINT "contact_changes_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "contact_keys" DROP CONSTRAINT "contact_keys_account_id_accounts_id_fk";
--> statement-breakpoint
CREATE FUNCTION circulo_delete_account_caches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM contact_keys k USING circulo_old_accounts o WHERE k.account_id = o.id;
  DELETE FROM contact_changes c USING circulo_old_accounts o WHERE c.account_id = o.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_delete_caches AFTER DELETE ON accounts REFERENCING OLD TABLE AS circulo_old_accounts
  FOR EACH STATEMENT EXECUTE FUNCTION circulo_delete_account_caches();
