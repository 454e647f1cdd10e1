/**
 * Text that people type and directories send, made fit to store and to show (house rule 15):
 * well-formed, bounded by what a person counts as characters, and cut only between them.
 */

// Half of a surrogate pair on its own is not text: Postgres refuses it in jsonb, and an emoji cut
// in two by a UTF-16 slice leaves one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with each lone surrogate replaced by U+FFFD, as `String.prototype.toWellFormed` does;
 * that method is ES2024, beyond the library this project compiles against.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

// Grapheme clusters are the same in every locale for the purposes here (Unicode's extended rules).
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** How many characters a person sees: grapheme clusters, so 👍🏽 and é are one each. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/**
 * A grapheme may stack combining marks without end, so a limit in characters alone would not
 * bound what is stored: text is also refused past this many UTF-16 units per character allowed.
 * Four covers flags and emoji with skin tones; Slack's own inputs stop long before.
 */
const UNITS_PER_CHARACTER = 4;

/** Whether text is within `max` characters as a person counts them (and within a stored size). */
export function fitsCharacters(text: string, max: number): boolean {
  if (text.length <= max) return true;
  return text.length <= max * UNITS_PER_CHARACTER && characterCount(text) <= max;
}

/**
 * The longest start of the text that is at most `maxUnits` UTF-16 units (what Slack's limits and
 * `String.length` count), ending between two characters, never inside one.
 */
export function cutToUnits(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  let end = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (end + segment.length > maxUnits) break;
    end += segment.length;
  }
  return text.slice(0, end);
}
