import type { Button, ContextBlock, DividerBlock, HomeView, KnownBlock, SectionBlock } from "@slack/types";
import { truncate } from "../copy/format.ts";

export { button } from "../shared/message-parts.ts";

/** Slack's limits for a Home tab, which the home builders hold for any amount of data. */
export const HOME_BLOCKS_MAX = 100;
const SECTION_TEXT_MAX = 3000;
/** A name from a catalog or a profile may run to hundreds of characters; a line keeps its start. */
export const NAME_IN_LINE_MAX = 80;

export function homeView(blocks: KnownBlock[]): HomeView {
  return { type: "home", blocks: blocks.slice(0, HOME_BLOCKS_MAX) };
}

export const divider = (): DividerBlock => ({ type: "divider" });

/** A list row that acts on itself: its words and one button beside them. */
export function sectionWithButton(text: string, accessory: Button): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(text, SECTION_TEXT_MAX) }, accessory };
}

export function note(text: string): ContextBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: truncate(text, SECTION_TEXT_MAX) }] };
}

/** A name for one line of a list: cut to a readable length before it is escaped for mrkdwn. */
export function shortName(name: string): string {
  return truncate(name, NAME_IN_LINE_MAX);
}
