import type { Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from "@slack/types";
import type { Catalog } from "../copy/en.ts";
import { truncate } from "../copy/format.ts";

/** Slack's limits for a message, which every builder here holds for any amount of data. */
export const MESSAGE_BLOCKS_MAX = 50;
export const SECTION_TEXT_MAX = 3000;
export const HEADER_TEXT_MAX = 150;
export const CONTEXT_ELEMENTS_MAX = 10;
/** A notification shows a line or two; the fallback is a sentence, not the whole message. */
const FALLBACK_TEXT_MAX = 300;
/** No entry of a list may fill a section alone, so "…and N more" always fits after the kept ones. */
const ITEM_MAX = 1000;
const BUTTON_TEXT_MAX = 75;

/** A message as `chat.postMessage` and `respond` take it: `text` is the notification fallback. */
export interface Message {
  text: string;
  blocks: KnownBlock[];
}

export function message(text: string, blocks: KnownBlock[]): Message {
  return { text: truncate(text, FALLBACK_TEXT_MAX), blocks: blocks.slice(0, MESSAGE_BLOCKS_MAX) };
}

export function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(text, SECTION_TEXT_MAX) } };
}

export function header(text: string): HeaderBlock {
  return { type: "header", text: { type: "plain_text", text: truncate(text, HEADER_TEXT_MAX), emoji: true } };
}

export function context(texts: string[]): ContextBlock {
  return {
    type: "context",
    elements: texts
      .slice(0, CONTEXT_ELEMENTS_MAX)
      .map((text) => ({ type: "mrkdwn" as const, text: truncate(text, SECTION_TEXT_MAX) })),
  };
}

/**
 * Packs list entries (each may span lines) into as few sections as hold them, at most `maxBlocks`;
 * entries that do not fit are counted in a closing "…and N more". `heading` opens the first section
 * and is not counted as an entry.
 */
export function packSections(
  t: Catalog,
  items: readonly string[],
  maxBlocks: number,
  options: { heading?: string } = {},
): SectionBlock[] {
  if (items.length === 0 && !options.heading) return [];
  const chunks: string[][] = [];
  let current: string[] = options.heading ? [truncate(options.heading, ITEM_MAX)] : [];
  let length = current[0]?.length ?? 0;
  for (const raw of items) {
    const item = truncate(raw, ITEM_MAX);
    if (current.length > 0 && length + 1 + item.length > SECTION_TEXT_MAX) {
      chunks.push(current);
      current = [];
      length = -1;
    }
    current.push(item);
    length += 1 + item.length;
  }
  if (current.length > 0) chunks.push(current);

  const limit = Math.max(1, maxBlocks);
  if (chunks.length <= limit) return chunks.map((lines) => section(lines.join("\n")));
  const kept = chunks.slice(0, limit);
  const last = kept[kept.length - 1] ?? [];
  const headingLines = options.heading ? 1 : 0;
  let shown = kept.reduce((sum, lines) => sum + lines.length, 0) - headingLines;
  const more = () => t["list.more"]({ count: items.length - shown });
  while (last.length > 1 && [...last, more()].join("\n").length > SECTION_TEXT_MAX) {
    last.pop();
    shown -= 1;
  }
  last.push(more());
  return kept.map((lines) => section(lines.join("\n")));
}

/** How many blocks each of several lists may take, sharing what the fixed blocks leave. */
export function shareBlocks(fixedBlocks: number, lists: number): number {
  return Math.max(1, Math.floor((MESSAGE_BLOCKS_MAX - fixedBlocks) / Math.max(1, lists)));
}

/** A button whose value carries an id only: the server reads the state again when it is pressed. */
export function button(text: string, actionId: string, value: string, style?: "primary" | "danger"): Button {
  return {
    type: "button",
    text: { type: "plain_text", text: truncate(text, BUTTON_TEXT_MAX), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}
