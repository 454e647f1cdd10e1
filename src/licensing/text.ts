/**
 * Text that people type and directories send, made fit to store and to show (house rule 15):
 * well-formed, bounded by what a person counts as characters, cut only between them, and shown
 * without the invisible controls that reorder or hide what is written.
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

// Controls that change the order in which text is shown (embeddings, overrides, isolates, marks),
// so "\u202Egnp.exe" reads "exe.png", and characters that show nothing at all.
const BIDI_CONTROLS = "\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C";
const INVISIBLE = "\u200B\u2060\uFEFF";
const HIDDEN = new RegExp(`[${BIDI_CONTROLS}${INVISIBLE}]`, "g");

// The zero-width joiner and non-joiner do shape text: the joiner binds an emoji sequence (👩‍💻, the
// family emoji, 🏳️‍🌈) into one picture, and both choose letter forms in Arabic and Indic scripts
// (Persian writes "می\u200Cخواهم" with a non-joiner). There they stay; anywhere else they only hide a
// difference (between Latin letters, say), so they go.
const JOINING_SCRIPTS =
  "\\p{sc=Arabic}\\p{sc=Syriac}\\p{sc=Nko}\\p{sc=Mongolian}\\p{sc=Devanagari}\\p{sc=Bengali}" +
  "\\p{sc=Gurmukhi}\\p{sc=Gujarati}\\p{sc=Oriya}\\p{sc=Tamil}\\p{sc=Telugu}\\p{sc=Kannada}" +
  "\\p{sc=Malayalam}\\p{sc=Sinhala}";
const EMOJI_JOINER =
  "(?<=\\p{Extended_Pictographic}[\\u{1F3FB}-\\u{1F3FF}\\uFE0F]?)\\u200D(?=\\p{Extended_Pictographic})";
const SCRIPT_JOINER = `(?<=[${JOINING_SCRIPTS}]\\p{M}*)[\\u200C\\u200D](?=[${JOINING_SCRIPTS}])`;
const JOINER = new RegExp(`(${EMOJI_JOINER}|${SCRIPT_JOINER})|[\\u200C\\u200D]`, "gu");

/**
 * Text as it may be shown to someone else: well-formed, without bidirectional controls or
 * zero-width characters, so what reads on screen is what was written, in that order. Text is
 * stored as typed and neutralised here, when shown, so one rule covers every place it appears.
 */
export function neutralise(text: string): string {
  return wellFormed(text)
    .replace(HIDDEN, "")
    .replace(JOINER, (_joiner, kept: string | undefined) => kept ?? "");
}
