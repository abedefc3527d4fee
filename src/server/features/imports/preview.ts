// The first rows of a CSV and what it looks like (Google, Outlook, or anything else), for the
// web app's mapping step: the user sees the columns and a few people before choosing.
import type { CsvPreview } from '#shared/schemas/imports.js';
import { createReadStream } from 'node:fs';
import { ImportError } from './errors.js';
import { csvRows } from './csv-records.js';
import { detectCsvFormat, suggestMapping } from './parsers/contacts-csv.js';
import { decodeText } from './text.js';
import type { DiskFile } from './pipeline.js';

const PREVIEW_ROWS = 5;

export async function previewCsv(disk: DiskFile): Promise<CsvPreview> {
  let header: string[] | undefined;
  let delimiter = ',';
  const rows: string[][] = [];
  for await (const row of csvRows(decodeText(createReadStream(disk.path), disk.name), disk.name, (d) => (delimiter = d))) {
    if (!header) {
      header = row.cells;
      continue;
    }
    rows.push(header.map((_, i) => row.cells[i] ?? ''));
    if (rows.length >= PREVIEW_ROWS) break;
  }
  if (!header) throw new ImportError('empty', 'the file is empty', disk.name);
  const format = detectCsvFormat(header);
  return {
    format,
    delimiter,
    headers: header,
    rows,
    suggestedMapping: format === 'generic' ? suggestMapping(header) : {},
  };
}
