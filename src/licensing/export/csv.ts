export type CsvCell = string | number | boolean | Date | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (CSV injection), and tab/CR that do too. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 text: CRLF between records, a field quoted when it holds a comma, quote, CR or LF, and
 * quotes doubled inside. Text that a spreadsheet would run as a formula gets a leading `'`, since
 * names and reasons come from people.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows]
    .map((row) => row.map(field).join(","))
    .join("\r\n")
    .concat("\r\n");
}

function field(cell: CsvCell): string {
  const text = cellText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
