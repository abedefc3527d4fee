import { describe, expect, it } from 'vitest';
import { ImportError } from './errors.js';
import { csvRows } from './csv-records.js';

async function* once(text: string) {
  yield text;
}

async function rowsOf(text: string) {
  const rows = [];
  for await (const row of csvRows(once(text), 'test.csv')) rows.push(row);
  return rows;
}

describe('csvRows', () => {
  it('gives each record the line it starts on, across quoted line breaks, blank lines and CRLF', async () => {
    const text = 'Name,Note\r\nAna,"one\r\ntwo\r\nthree"\r\n\r\n\r\nBruno,plain\r\n"Carmen","a\r\nb"\r\nDaniel,last';
    expect(await rowsOf(text)).toEqual([
      { line: 1, cells: ['Name', 'Note'] },
      { line: 2, cells: ['Ana', 'one\r\ntwo\r\nthree'] },
      { line: 7, cells: ['Bruno', 'plain'] },
      { line: 8, cells: ['Carmen', 'a\r\nb'] },
      { line: 10, cells: ['Daniel', 'last'] },
    ]);
  });

  it('counts a line break inside a quoted field once, LF or CRLF (csv-parse counts a CRLF twice)', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `Name,Note${eol}Ana,"one${eol}two"${eol}Bruno,"x${eol}y${eol}z"${eol}Carla,last${eol}`;
      expect((await rowsOf(text)).map((r) => r.line), JSON.stringify(eol)).toEqual([1, 2, 4, 7]);
    }
  });

  it('keeps records of another length than the header (a preamble, a short row)', async () => {
    expect(await rowsOf('Notes:\n\nA,B,C\n1,2,3\n4\n')).toEqual([
      { line: 1, cells: ['Notes:'] },
      { line: 3, cells: ['A', 'B', 'C'] },
      { line: 4, cells: ['1', '2', '3'] },
      { line: 5, cells: ['4'] },
    ]);
  });

  it('names the line of a quote never closed', async () => {
    const error = await rowsOf('Name,Note\nAna,ok\nBruno,"never closed\nmore').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'malformed', message: expect.stringContaining('never closed') });
  });
});
