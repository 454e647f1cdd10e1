import type { ProductSeats } from "../licensing/get-seat-usage.ts";

/** A plain-text table of every product's seats, for the terminal. */
export function formatSeatTable(rows: ProductSeats[]): string {
  if (rows.length === 0) return "No products yet.";
  const header = ["Product", "Key", "Available", "Default"];
  const body = rows.map((r) => [r.name, r.key, r.sentence, r.isDefault ? "yes" : ""]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
