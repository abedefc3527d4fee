// Streams text read from one consistent snapshot of the database. Exports of a heavy account
// (300,000 interactions) go out batch by batch through a cursor, so memory holds one batch, not
// the account; a read-only repeatable-read transaction keeps every batch on the same snapshot,
// so a backup taken while the user works never refers to a record it does not contain.
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../db/database.js';

/** How long a reader may stop reading before the export gives up (it holds a transaction open). */
const STALLED_READER_MS = 60_000;

export type Write = (text: string) => Promise<void>;

/**
 * Runs `produce` in a read-only snapshot and returns what it writes as a stream. A failure
 * half-way destroys the stream with the error, so the reader sees a failed download, never a
 * truncated file that looks complete.
 */
export function snapshotStream(db: Db, produce: (tx: Tx, write: Write) => Promise<void>): Readable {
  const out = new PassThrough();
  const write: Write = async (text) => {
    if (out.destroyed) throw new Error('The export was cancelled by its reader.');
    if (!out.write(text)) await drained(out);
  };
  db.transaction(async (tx) => produce(tx, write), { isolationLevel: 'repeatable read', accessMode: 'read only' })
    .then(() => out.end())
    .catch((error: Error) => out.destroy(error));
  return out;
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => finish();
    const onClose = () => finish(new Error('The export was cancelled by its reader.'));
    const timer = setTimeout(() => finish(new Error('The reader stopped reading the export.')), STALLED_READER_MS);
    stream.on('drain', onDrain);
    stream.on('close', onClose);
  });
}

let cursorCount = 0;

/** The rows of `query`, a batch at a time, through a server-side cursor (inside a transaction). */
export async function* cursorBatches<T>(tx: Tx, query: SQL, batchSize = 1000): AsyncGenerator<T[]> {
  cursorCount += 1;
  const name = sql.identifier(`circulo_export_${cursorCount}`);
  await tx.execute(sql`declare ${name} no scroll cursor for ${query}`);
  for (;;) {
    const rows = await queryRows<T>(tx, sql`fetch ${sql.raw(String(batchSize))} from ${name}`);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) break;
  }
  await tx.execute(sql`close ${name}`);
}
