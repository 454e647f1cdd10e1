import { cutToUnits, neutralise, wellFormed } from "../../licensing/text.ts";

/** A date as the person reads it, in their own time zone. */
export function formatDate(date: Date, timeZone: string, locale = "en-GB"): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "long" }).format(date);
  } catch {
    // An unknown time zone from a profile must not break the message: fall back to UTC.
    return new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "long" }).format(date);
  }
}

/** A mailbox size as people say it: 512 MB, 2.5 GB. */
export function formatSize(megabytes: number): string {
  if (megabytes < 1024) return `${megabytes} MB`;
  const gigabytes = megabytes / 1024;
  return `${Number.isInteger(gigabytes) ? gigabytes : gigabytes.toFixed(1)} GB`;
}

/**
 * Cuts text to Slack's limit for a field (in UTF-16 units, as Slack counts), saying that it was
 * cut. The cut falls between characters, and the result is well-formed: half an emoji is not text.
 */
export function truncate(text: string, max: number): string {
  const whole = wellFormed(text);
  return whole.length <= max ? whole : `${cutToUnits(whole, max - 1)}…`;
}

/**
 * Text from people, directories and catalogs as a plain_text field shows it: neutralised, so no
 * bidirectional override reorders it and no invisible character hides in it. Every piece of such
 * text reaches Slack through this function, directly or through `escapeMrkdwn`.
 */
export function plainText(text: string): string {
  return neutralise(text);
}

/** Text from people and catalogs, made safe for mrkdwn: neutralised, and &, < and > escaped. */
export function escapeMrkdwn(text: string): string {
  return plainText(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
