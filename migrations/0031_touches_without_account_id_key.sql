-- Touches lose their unique (account_id, id): it was only the target of a link's foreign key to
-- its touch, which migration 0029 replaced by a trigger's check that reads the primary key. Every
-- touch wrote it: on a copy of the heavy user's database, 5,000 touches inserted in nine
-- interleaved rounds, 414 -> 369 ms (medians; docs/performance.md, 2026-12-01).
ALTER TABLE "interactions" DROP CONSTRAINT "interactions_account_id_id_key";