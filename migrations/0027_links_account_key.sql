-- interaction_contacts keeps no key of its own to accounts (schema.ts): its keys to interactions
-- and contacts are (account_id, …) into account-owned tables, which reference accounts, so the
-- account exists and deleting it still deletes every link (by cascade through both). A third
-- foreign-key check per link cost ~9 µs of ~70 µs of database CPU per link on the heavy user's
-- LinkedIn messages. docs/architecture.md#database.
ALTER TABLE "interaction_contacts" DROP CONSTRAINT "interaction_contacts_account_id_accounts_id_fk";
