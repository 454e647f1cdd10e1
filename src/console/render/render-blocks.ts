import { type ChoiceBook, type ElementJson, optionsOf } from "./choices.ts";
import { cleanMrkdwn, type NameOf } from "./mrkdwn.ts";

/** A text object, or the text of one. */
type TextJson = { type?: string; text?: string } | undefined;

interface BlockJson {
  type: string;
  block_id?: string;
  text?: TextJson;
  fields?: TextJson[];
  accessory?: ElementJson;
  elements?: (ElementJson & { alt_text?: string; elements?: unknown[] })[];
  element?: ElementJson;
  label?: TextJson;
  hint?: TextJson;
  optional?: boolean;
  alt_text?: string;
  title?: TextJson;
}

export interface RenderOptions<Origin> {
  nameOf: NameOf;
  /** Buttons and menus are numbered into it; left out, they are shown unnumbered. */
  choices?: ChoiceBook<Origin>;
  origin?: Origin;
}

const RULE = "─".repeat(40);
const COLUMN = 36;

/** Plain text lines for a list of blocks; interactive elements become numbered choices. */
export function renderBlocks<Origin>(blocks: unknown, options: RenderOptions<Origin>): string[] {
  if (!Array.isArray(blocks)) return [];
  return (blocks as BlockJson[]).flatMap((block) => renderBlock(block, options));
}

/** A message as posted: its blocks, or its text when it has none. */
export function renderMessage<Origin>(
  message: { text?: string; blocks?: unknown },
  options: RenderOptions<Origin>,
): string[] {
  const lines = renderBlocks(message.blocks, options);
  if (lines.length > 0) return lines;
  return message.text ? textLines({ type: "mrkdwn", text: message.text }, options.nameOf) : [];
}

/** A modal or Home tab: its title, then its blocks; a modal's buttons are listed after them. */
export function renderView<Origin>(view: Record<string, unknown>, options: RenderOptions<Origin>): string[] {
  const title = plain(view.title as TextJson);
  const lines = title ? [`┌ ${title} ┐`] : [];
  lines.push(...renderBlocks(view.blocks, options));
  return lines;
}

function renderBlock<Origin>(block: BlockJson, options: RenderOptions<Origin>): string[] {
  const { nameOf } = options;
  switch (block.type) {
    case "header": {
      const text = plain(block.text);
      return [text, "═".repeat(Math.min(text.length, 60))];
    }
    case "divider":
      return [RULE];
    case "section": {
      const lines = block.text ? textLines(block.text, nameOf) : [];
      lines.push(...fieldLines((block.fields ?? []).map((f) => textOf(f, nameOf))));
      if (block.accessory) {
        const shown = elementText(block.accessory, block.block_id ?? "", options);
        if (shown) lines.push(`    ${shown}`);
      }
      return lines;
    }
    case "context":
      return [
        (block.elements ?? [])
          .map((e) => (e.type === "image" ? `[${e.alt_text ?? "image"}]` : textOf(e as TextJson, nameOf)))
          .join("  ·  "),
      ];
    case "actions": {
      const shown = (block.elements ?? [])
        .map((e) => elementText(e, block.block_id ?? "", options))
        .filter((s) => s !== "");
      return shown.length > 0 ? [shown.join("  ")] : [];
    }
    case "input": {
      const label = plain(block.label);
      const optional = block.optional ? " (optional)" : "";
      const lines = [`${label}${optional}: ${inputSummary(block.element, nameOf)}`.trimEnd()];
      const hint = plain(block.hint);
      if (hint) lines.push(`  ${hint}`);
      return lines;
    }
    case "image": {
      const title = plain(block.title);
      return [`[image: ${block.alt_text ?? title ?? ""}]`];
    }
    case "rich_text":
      return richText(block.elements ?? [], nameOf).split("\n");
    default:
      return [];
  }
}

/** Short fields side by side in two columns, as Slack lays them out; long ones one to a line. */
function fieldLines(fields: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    const left = fields[i] ?? "";
    const right = fields[i + 1];
    const fits = (s: string) => !s.includes("\n") && s.length < COLUMN;
    if (right !== undefined && fits(left) && fits(right)) lines.push(`${left.padEnd(COLUMN)}  ${right}`);
    else lines.push(...left.split("\n"), ...(right === undefined ? [] : right.split("\n")));
  }
  return lines;
}

/** An interactive element as `[n] Label`, numbered when a ChoiceBook is given. */
function elementText<Origin>(element: ElementJson, blockId: string, options: RenderOptions<Origin>): string {
  if (element.type === "image") return `[${(element.alt_text as string | undefined) ?? "image"}]`;
  const label = elementLabel(element);
  if (label === "") return "";
  const number =
    options.choices && options.origin !== undefined
      ? options.choices.add(label, element, blockId, options.origin)
      : undefined;
  const tag = number === undefined ? "[" : `[${number}] `;
  const link = element.type === "button" && element.url ? ` → ${element.url}` : "";
  return `${tag}${label}${number === undefined ? "]" : ""}${link}`;
}

/** What a person sees on an element before pressing it: a button's text, a menu's placeholder. */
export function elementLabel(element: ElementJson): string {
  if (element.type === "button") return element.text?.text ?? "";
  if (element.type === "overflow") return "⋯";
  const placeholder = element.placeholder?.text;
  const first = optionsOf(element)[0]?.text.text;
  return `${placeholder ?? first ?? "Choose"} ▾`;
}

/** An input's current state: its initial value or choice, else its placeholder. */
function inputSummary(element: ElementJson | undefined, nameOf: NameOf): string {
  if (!element) return "";
  const initial =
    (element.initial_value as string | undefined) ??
    (element.initial_option as { text?: { text?: string } } | undefined)?.text?.text ??
    (element.initial_options as { text?: { text?: string } }[] | undefined)
      ?.map((o) => o.text?.text ?? "")
      .join(", ") ??
    (element.initial_user
      ? `@${nameOf(element.initial_user as string) ?? element.initial_user}`
      : undefined) ??
    (element.initial_users as string[] | undefined)?.map((u) => `@${nameOf(u) ?? u}`).join(", ");
  if (initial !== undefined && initial !== "") return initial;
  const options = optionsOf(element);
  if (element.type === "radio_buttons" || element.type === "checkboxes") {
    return options.map((o) => o.text.text ?? "").join(" / ");
  }
  const placeholder = element.placeholder?.text;
  return placeholder ? `(${placeholder})` : "";
}

function textLines(text: TextJson, nameOf: NameOf): string[] {
  return textOf(text, nameOf).split("\n");
}

function textOf(text: TextJson, nameOf: NameOf): string {
  if (!text?.text) return "";
  return text.type === "mrkdwn" ? cleanMrkdwn(text.text, nameOf) : text.text;
}

function plain(text: TextJson): string {
  return text?.text ?? "";
}

interface RichElement {
  type: string;
  text?: string;
  user_id?: string;
  channel_id?: string;
  url?: string;
  name?: string;
  elements?: RichElement[];
  style?: string;
}

/** Rich text flattened: sections run on, lists get bullets, quotes a bar, code blocks as they are. */
function richText(elements: unknown[], nameOf: NameOf): string {
  return (elements as RichElement[])
    .map((e) => {
      const inner = (e.elements ?? []).map((child) => richInline(child, nameOf));
      switch (e.type) {
        case "rich_text_list":
          return (e.elements ?? [])
            .map((item) => `• ${(item.elements ?? []).map((c) => richInline(c, nameOf)).join("")}`)
            .join("\n");
        case "rich_text_quote":
          return inner
            .join("")
            .split("\n")
            .map((l) => `│ ${l}`)
            .join("\n");
        default:
          return inner.join("");
      }
    })
    .join("\n");
}

function richInline(e: RichElement, nameOf: NameOf): string {
  switch (e.type) {
    case "text":
      return e.text ?? "";
    case "user":
      return `@${nameOf(e.user_id ?? "") ?? e.user_id}`;
    case "channel":
      return `#${e.channel_id}`;
    case "link":
      return e.text ? `${e.text} (${e.url})` : (e.url ?? "");
    case "emoji":
      return `:${e.name}:`;
    default:
      return e.text ?? "";
  }
}
