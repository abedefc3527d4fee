// CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`,
// `-` or `@` (or a tab or carriage return before one) as a formula. Exports write such a cell
// with a leading `'`, which spreadsheets show as text; imports of Círculo's own CSV take it off.
// A value that itself starts with `'` before one of those gets one more `'`, so the guard can
// always be taken off exactly: guard and unguard are inverses for every string.

//
// A phone number or a plain signed number (`+34 600 111 222`, `-5`) is left as it is: made only
// of digits, spaces and `( ) . / -`, it can name no function and fetch nothing, and an apostrophe
// in front of every international number would follow the contact into Google or Outlook.

const FORMULA_START = /^'*[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-][\d\s()./-]*\d[\d\s()./-]*$/;

/** Starts like a formula, possibly behind apostrophes a previous guard added. */
export const isFormulaLike = (cell: string): boolean => FORMULA_START.test(cell);

/** The cell as a spreadsheet can open it safely. */
export const guardFormula = (cell: string): string => (isFormulaLike(cell) && !SIGNED_NUMBER.test(cell) ? `'${cell}` : cell);

/** The cell as it was before guardFormula. */
export const unguardFormula = (cell: string): string => (cell.startsWith("'") && isFormulaLike(cell.slice(1)) ? cell.slice(1) : cell);
