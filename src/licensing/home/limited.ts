/** The first rows of a list, and how many there are in all, so a view can say "and N more". */
export interface Limited<T> {
  total: number;
  rows: T[];
}

/** Rows that carry the whole list's count (`count(*) over ()`), split into that count and the rows. */
export function limited<R extends { total: number | string }, T>(rows: R[], map: (row: R) => T): Limited<T> {
  return { total: Number(rows[0]?.total ?? 0), rows: rows.map(map) };
}

/** Timestamps arrive as Date from one driver and as text from the other, or from inside JSON. */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}
