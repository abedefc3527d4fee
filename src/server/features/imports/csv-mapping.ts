// A generic CSV's column mapping (`{"column name": "contactField"}`) as the user sends it: the
// upload's `mapping` field or the CLI's `--mapping` file. Read and checked here only; each caller
// words the refusal for its own audience (a 400 naming the field, a line on the terminal).
import { CsvMapping } from '#shared/schemas/imports.js';

export class CsvMappingError extends Error {
  constructor(
    /** `not_json`: the text is no JSON at all; `not_a_mapping`: JSON, but not column → field. */
    readonly kind: 'not_json' | 'not_a_mapping',
    message: string,
  ) {
    super(message);
  }
}

/** The fields a column may be mapped to, for messages. */
export const mappableFields = CsvMapping.valueType.options;

export function parseCsvMapping(text: string): CsvMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CsvMappingError('not_json', (error as Error).message);
  }
  const parsed = CsvMapping.safeParse(json);
  if (!parsed.success) throw new CsvMappingError('not_a_mapping', `maps columns to ${mappableFields.join(', ')}`);
  return parsed.data;
}
