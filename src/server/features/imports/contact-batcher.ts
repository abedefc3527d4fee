// Feeds an import's contact drafts into the account in batches: match each draft in memory
// (matching.ts), then per batch load the rows it merges into, fill their empty fields
// (fill-empty-fields.ts) and write with one INSERT and one
// UPDATE (contact-writes.ts). Rows are held only while their batch is open, so a 30,000-row file
// never becomes a 30,000-row array.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/database.js';
import type { ContactDraft } from './contact-draft.js';
import { insertContacts, loadMergeRows, updateContacts, type NewContact } from './contact-writes.js';
import { IMPORT_BATCH_CHARS, IMPORT_BATCH_ROWS } from './batch.js';
import { ContactIndex, type ContactHandle } from './matching.js';
import { fieldsFromDraft, mergeDraft, type MergeFields } from './fill-empty-fields.js';
import { readKeyFields, type KeyFields } from '../contacts/derived.js';


const keyFieldsOf = (f: MergeFields): KeyFields => ({
  firstName: f.firstName,
  lastName: f.lastName,
  displayName: f.displayName,
  company: f.company,
  emails: f.emails,
  phones: f.phones,
  linkedinKey: f.linkedinKey,
});

export interface ContactCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export class ContactBatcher {
  readonly index = new ContactIndex();
  /** What became of every contact this import touched (each counted once). */
  private readonly outcomes = new Map<ContactHandle, keyof ContactCounts>();
  private creates: { handle: ContactHandle; row: NewContact }[] = [];
  private merges: { handle: ContactHandle; draft: ContactDraft }[] = [];
  private pendingChars = 0;
  /** Contacts written again after their insert (merged into): their stored keep-in-touch dates may be stale. */
  private readonly rewritten = new Set<string>();
  /**
   * What matching keys are made of, as last written to each contact: finishImport() computes the
   * keys from these instead of reading 30,000 rows back (refreshMatchKeys). Only these seven
   * fields are kept, never a whole row with its photo and notes.
   */
  private readonly keyFields = new Map<string, KeyFields>();

  private constructor(
    private readonly tx: Tx,
    private readonly accountId: string,
    private readonly now: Date,
  ) {}

  static async open(tx: Tx, accountId: string, now: Date): Promise<ContactBatcher> {
    const batcher = new ContactBatcher(tx, accountId, now);
    for (const row of await readKeyFields(tx, accountId, null)) {
      batcher.index.add({ id: row.id, createdHere: false, pendingInsert: false, linkedinKey: row.linkedinKey ?? null }, row);
    }
    return batcher;
  }

  /** Matches or creates the draft's contact; the returned id is final (written by flush()). */
  async add(draft: ContactDraft): Promise<ContactHandle> {
    let handle = this.index.match(draft);
    if (!handle) {
      const fields = fieldsFromDraft(draft);
      handle = { id: randomUUID(), createdHere: true, pendingInsert: true, linkedinKey: fields.linkedinKey };
      this.creates.push({ handle, row: { id: handle.id, fields, circle: draft.circle, source: draft.source } });
      this.outcomes.set(handle, 'created');
    } else {
      this.merges.push({ handle, draft });
      if (!this.outcomes.has(handle)) this.outcomes.set(handle, 'unchanged');
    }
    // The draft may know them by a new e-mail or URL: later rows should find them by it too.
    this.index.add(handle, draft);
    this.pendingChars += (draft.photo?.length ?? 0) + (draft.notes?.length ?? 0);
    if (this.creates.length + this.merges.length >= IMPORT_BATCH_ROWS || this.pendingChars >= IMPORT_BATCH_CHARS) await this.flush();
    return handle;
  }

  /** Writes the open batch. Call before anything that references the contacts by id. */
  async flush() {
    const creates = this.creates;
    const merges = this.merges;
    this.creates = [];
    this.merges = [];
    this.pendingChars = 0;
    const pending = new Map(creates.map((c) => [c.handle, c.row.fields]));
    const toLoad = [...new Set(merges.map((m) => m.handle).filter((h) => !pending.has(h)).map((h) => h.id))];
    const loaded = await loadMergeRows(this.tx, this.accountId, toLoad);
    const working = new Map<ContactHandle, MergeFields>();
    const changed = new Set<ContactHandle>();
    for (const { handle, draft } of merges) {
      const current = pending.get(handle) ?? working.get(handle) ?? loaded.get(handle.id);
      if (!current) continue; // deleted meanwhile: impossible inside the import's transaction
      const next = mergeDraft(current, draft);
      if (!next) {
        if (!pending.has(handle)) working.set(handle, current);
        continue;
      }
      if (pending.has(handle)) {
        pending.set(handle, next);
      } else {
        working.set(handle, next);
        changed.add(handle);
        if (this.outcomes.get(handle) === 'unchanged') this.outcomes.set(handle, 'updated');
      }
      if (next.linkedinKey) handle.linkedinKey ??= next.linkedinKey;
    }
    const inserts = creates.map(({ handle, row }) => ({ ...row, fields: pending.get(handle)! }));
    await insertContacts(this.tx, this.accountId, inserts, this.now);
    for (const { handle } of creates) handle.pendingInsert = false;
    const updates = [...changed].map((h) => ({ id: h.id, fields: working.get(h)! }));
    await updateContacts(this.tx, this.accountId, updates, this.now);
    for (const handle of changed) this.rewritten.add(handle.id);
    for (const { id, fields } of [...inserts, ...updates]) this.keyFields.set(id, keyFieldsOf(fields));
  }

  /** The matching-key fields of every contact this import wrote, as written (call after flush()). */
  writtenKeyFields(): ReadonlyMap<string, KeyFields> {
    return this.keyFields;
  }

  /** The contacts this import created or changed (written: call after flush()). */
  changedIds(): string[] {
    const ids: string[] = [];
    for (const [handle, outcome] of this.outcomes) if (outcome !== 'unchanged') ids.push(handle.id);
    return ids;
  }

  /** The contacts this import inserted (they held no matching keys before it). */
  createdIds(): Set<string> {
    const ids = new Set<string>();
    for (const [handle, outcome] of this.outcomes) if (outcome === 'created') ids.add(handle.id);
    return ids;
  }

  /**
   * The contacts an UPDATE wrote (existing ones merged into, and new ones merged into after their
   * batch was inserted): the ones whose stored keep-in-touch dates need a refresh. A new contact
   * not written again got them right at its insert.
   */
  rewrittenIds(): string[] {
    return [...this.rewritten];
  }

  counts(): ContactCounts {
    const counts: ContactCounts = { created: 0, updated: 0, unchanged: 0 };
    for (const outcome of this.outcomes.values()) counts[outcome]++;
    return counts;
  }
}
