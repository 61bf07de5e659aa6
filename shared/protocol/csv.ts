/**
 * CSV text that opens safely in a spreadsheet, written once so that the server's export
 * (GET /api/results/:id.csv) and the browser's (the room debrief's CSV) escape alike. Pure.
 */

/** A number as JavaScript writes one, sign included: left as it is, since money can be negative. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
/** What a spreadsheet may take for the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@|\t\r]/;

/**
 * One CSV field: quoted when it holds a separator, a quote or a line break. Text that a
 * spreadsheet would run as a formula (a player named `=HYPERLINK(…)`) gets a leading `'`, which
 * makes it plain text, and is quoted.
 */
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: a header line, then one line per row, each ended with CRLF (RFC 4180). */
export function csvText(columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return [columns, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
