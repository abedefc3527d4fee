import { describe, expect, it } from 'vitest';
import { ImportError } from './errors.js';
import { csvRows } from './csv-records.js';

async function* once(text: string) {
  yield text;
}

/** The text in pieces of the given sizes, in turn (the last size repeats). */
async function* inPieces(text: string, sizes: number[]) {
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[Math.min(i, sizes.length - 1)]!;
    yield text.slice(at, at + size);
    at += size;
  }
}

async function rowsOf(text: string | AsyncIterable<string>) {
  const rows = [];
  for await (const row of csvRows(typeof text === 'string' ? once(text) : text, 'test.csv')) rows.push(row);
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

  it('counts a line break inside a quoted field once, LF or CRLF', async () => {
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

  it('names the line a record with a quote never closed starts on', async () => {
    const error = await rowsOf('Name,Note\nAna,ok\n\nBruno,"never closed\nmore\nand more').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'malformed', at: { line: 4 }, reason: expect.stringContaining('never closed') });
  });

  it('refuses text after a closing quote, naming its line, and keeps a quote inside an unquoted field as text', async () => {
    const error = await rowsOf('Name,Note\r\nAna,"ok"\r\nBruno,"said "hi" twice"\r\nCarla,x\r\n').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'malformed', at: { line: 3 }, reason: expect.stringContaining('closing quote') });
    expect(await rowsOf('Name,Height\nAna,5\'10"\n')).toEqual([
      { line: 1, cells: ['Name', 'Height'] },
      { line: 2, cells: ['Ana', '5\'10"'] },
    ]);
  });

  it('gives the same records and lines however the text arrives in pieces, a BOM and a split CRLF included', async () => {
    const text = '\uFEFFName;Note\r\nAna;"one\r\ntwo; ""quoted"""\r\n\r\nBruno;plain\r\n"Carmen";"a\nb"\r\nDaniel;last';
    const whole = await rowsOf(text);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 5, 6, 8]);
    expect(whole[0]!.cells).toEqual(['Name', 'Note']);
    expect(whole[1]!.cells).toEqual(['Ana', 'one\r\ntwo; "quoted"']);
    for (const sizes of [[1], [2], [3], [7], [10, 1], [1, 4, 9]]) {
      expect(await rowsOf(inPieces(text, sizes)), JSON.stringify(sizes)).toEqual(whole);
    }
  });

  it('reads a file whose lines end in a lone CR (old Mac exports)', async () => {
    expect(await rowsOf('A,B\r1,"x\ry"\r2,z\r')).toEqual([
      { line: 1, cells: ['A', 'B'] },
      { line: 2, cells: ['1', 'x\ry'] },
      { line: 4, cells: ['2', 'z'] },
    ]);
  });

  it('refuses a record over 5 MB without reading the rest of the file into it', async () => {
    let pieces = 0;
    async function* endless() {
      yield 'Name,Note\nAna,"opens\n';
      for (; pieces < 1000; pieces++) yield 'x'.repeat(64 * 1024);
    }
    const error = await rowsOf(endless()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'malformed', at: { line: 2 }, reason: expect.stringContaining('longer than 5 MB') });
    expect(pieces).toBeLessThan(100);
  });

  it('names the right line for a record over 5 MB that follows complete records in the same piece', async () => {
    const text = `H\r\nBea,"1\r\n2"\r\nBruno,"o\r\np\r\nq\r\nr\r\n${'x'.repeat(5_100_000)}`;
    const error = await rowsOf(text).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'malformed', at: { line: 4 }, reason: expect.stringContaining('longer than 5 MB') });
  });
});
