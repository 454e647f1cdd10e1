/** What a person typed as a mailbox size, in whole megabytes, or why it is not one. */
export type ParsedSize = { ok: true; sizeMb: number } | { ok: false; problem: "invalid" | "too_big" };

/** 100 TB: far above any mailbox, and small enough to stay an exact integer column value. */
export const MAX_MAILBOX_SIZE_MB = 100 * 1024 * 1024;

const SIZE = /^(\d{1,9}(?:[.,]\d{1,3})?)\s*(gb|g|gib|mb|m|mib|tb|t|tib)?$/i;

/**
 * "12.5", "12,5 GB", "800 MB", "1 TB": a bare number is gigabytes, because quotas are spoken of in
 * gigabytes; a comma is read as a decimal point, as many locales write it.
 */
export function parseMailboxSize(text: string): ParsedSize {
  const match = SIZE.exec(text.trim());
  if (!match?.[1]) return { ok: false, problem: "invalid" };
  const amount = Number(match[1].replace(",", "."));
  const unit = (match[2] ?? "gb").toLowerCase()[0];
  const megabytes = Math.round(amount * (unit === "m" ? 1 : unit === "t" ? 1024 * 1024 : 1024));
  if (!Number.isSafeInteger(megabytes)) return { ok: false, problem: "invalid" };
  if (megabytes > MAX_MAILBOX_SIZE_MB) return { ok: false, problem: "too_big" };
  return { ok: true, sizeMb: megabytes };
}
