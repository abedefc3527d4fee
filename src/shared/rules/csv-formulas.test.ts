import { describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from './csv-formulas.js';

describe('CSV formula guard', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+34 600 111 222', '+34 600 111 222'],
    ['+1 (415) 555-0134', '+1 (415) 555-0134'],
    ['-5', '-5'],
    ["'+34 600 111 222", "''+34 600 111 222"],
    ['-2+3', "'-2+3"],
    ['+34 600 111 222 ext. 5', "'+34 600 111 222 ext. 5"],
    ['+', "'+"],
    ['-', "'-"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ["'=1+1", "''=1+1"],
    ['Ana García', 'Ana García'],
    ["O'Brien", "O'Brien"],
    ["'quoted'", "'quoted'"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written as %j and read back unchanged', (value, written) => {
    expect(guardFormula(value)).toBe(written);
    expect(unguardFormula(guardFormula(value))).toBe(value);
  });
});
