import { cutToUnits, neutralise, wellFormed } from "../../licensing/text.ts";
import type { Catalog } from "./en.ts";

const instantParts = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions;

/**
 * An instant as one reader reads it, in their own time zone with the zone named: "2 Jan 2027,
 * 09:00 CET". Every date and time a person reads is shown this one way, so the end of a window
 * never reads as two different days in two messages.
 */
export function formatInstant(t: Catalog, at: Date, timeZone: string): string {
  const locale = t["format.locale"]();
  try {
    return new Intl.DateTimeFormat(locale, { ...instantParts, timeZone }).format(at);
  } catch {
    // An unknown time zone from a profile must not break the message: UTC, and it says so.
    return new Intl.DateTimeFormat(locale, { ...instantParts, timeZone: "UTC" }).format(at);
  }
}

/**
 * An instant in a message many people read (a channel post, a notice): Slack shows each reader
 * their own time zone; clients that cannot, and the console, show the same instant in UTC.
 */
export function formatInstantForEachReader(t: Catalog, at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `<!date^${seconds}^{date_short} {time}|${formatInstant(t, at, "UTC")}>`;
}

/** A mailbox size as people say it: 512 MB, 2.5 GB. */
/** A count as the reader writes numbers: 1,000 in English, 1 000 in Swedish. */
export function formatNumber(t: Catalog, value: number): string {
  return new Intl.NumberFormat(t["format.locale"]()).format(value);
}

export function formatSize(megabytes: number, t?: Catalog): string {
  const size = new Intl.NumberFormat(t ? t["format.locale"]() : "en-GB", {
    useGrouping: false,
    maximumFractionDigits: 3,
  });
  if (megabytes < 1024) return `${size.format(megabytes)} MB`;
  const gigabytes = megabytes / 1024;
  return `${size.format(Number.isInteger(gigabytes) ? gigabytes : Number(gigabytes.toFixed(1)))} GB`;
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
