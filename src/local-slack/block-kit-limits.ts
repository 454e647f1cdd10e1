/**
 * Slack's Block Kit size limits, checked the way Slack checks them, so that tests catch a builder
 * that works for three rows and breaks for three hundred.
 *
 * Where the numbers come from (checked 2026 against the stored copies of Slack's reference):
 * - views: https://docs.slack.dev/reference/views/modal-views — title/submit/close ≤ 24, ≤ 100
 *   blocks, private_metadata ≤ 3000, callback_id ≤ 255; external_id ≤ 255 (views.open usage info).
 * - blocks: https://api.slack.com/reference/block-kit/blocks — "up to 50 blocks in each message,
 *   and 100 blocks in modals or Home tabs"; actions ≤ 25 elements; block_id ≤ 255; section text
 *   ≤ 3000, fields ≤ 10 of ≤ 2000 each; header text ≤ 150; context ≤ 10 elements.
 * - elements: docs.slack.dev/reference/block-kit/block-elements — button text ≤ 75, value ≤ 2000,
 *   url ≤ 3000, accessibility_label ≤ 75; static select ≤ 100 options or option groups, placeholder
 *   ≤ 150; checkboxes and radio buttons ≤ 10 options; action_id ≤ 255.
 * - composition objects: https://api.slack.com/reference/block-kit/composition-objects — option
 *   text ≤ 75, description ≤ 75; option group label ≤ 75 and ≤ 100 options; confirm dialog title
 *   ≤ 100, text ≤ 300, confirm/deny ≤ 30.
 * - option `value`: @slack/types (3.x) documents 75; docs.slack.dev now says 150. We hold 75, the
 *   number our platform contract (shared/slack-platform.md) promises, so a builder that passes here
 *   passes on either.
 *
 * Lengths are counted in UTF-16 code units (String#length), which is never less than Slack's count.
 * Violation messages copy Slack's wording ("must be less than 25 characters", "no more than 50 items
 * allowed") and its JSON pointers, as seen in real `response_metadata.messages`.
 */

export type BlockKitSurface = "modal" | "home" | "message";

export const BLOCK_KIT_LIMITS = {
  modalTitle: 24,
  modalButton: 24,
  viewBlocks: 100,
  messageBlocks: 50,
  privateMetadata: 3000,
  id: 255,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  actionsElements: 25,
  contextElements: 10,
  selectOptions: 100,
  selectPlaceholder: 150,
  optionText: 75,
  optionValue: 75,
  choiceOptions: 10,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

export interface BlockKitViolation {
  /** JSON pointer into the payload, as Slack reports it, e.g. `/blocks/3/text/text`. */
  pointer: string;
  message: string;
}

const L = BLOCK_KIT_LIMITS;

/**
 * What Slack would reject in `payload`: a view object for "modal" / "home", a message (an object
 * with `blocks`) or a bare blocks array for "message". JSON strings are accepted wherever Slack
 * accepts them (form-encoded `view` and `blocks`). Each problem reads like Slack's own:
 * `must be less than 25 characters [json-pointer:/title/text]`.
 */
export function blockKitProblems(surface: BlockKitSurface, payload: unknown): string[] {
  return blockKitViolations(surface, payload).map((v) => `${v.message} [json-pointer:${v.pointer}]`);
}

export function blockKitViolations(surface: BlockKitSurface, payload: unknown): BlockKitViolation[] {
  const out: BlockKitViolation[] = [];
  const value = decodeJson(payload);
  if (surface === "message") {
    if (Array.isArray(value)) checkBlocks(out, value, L.messageBlocks, "");
    else checkBlocks(out, decodeJson(field(value, "blocks")), L.messageBlocks, "/blocks");
    return out;
  }
  if (!isRecord(value)) {
    out.push({ pointer: "", message: "must be a view object" });
    return out;
  }
  if (value.type !== surface) out.push({ pointer: "/type", message: `must be "${surface}"` });
  if (surface === "modal") {
    if (!isRecord(value.title)) out.push({ pointer: "", message: "missing required field: title" });
    for (const key of ["title", "submit", "close"] as const) {
      maxLength(out, field(value[key], "text"), L.modalButton, `/${key}/text`);
    }
  }
  maxLength(out, value.private_metadata, L.privateMetadata, "/private_metadata");
  maxLength(out, value.callback_id, L.id, "/callback_id");
  maxLength(out, value.external_id, L.id, "/external_id");
  if (!Array.isArray(decodeJson(value.blocks))) {
    out.push({ pointer: "", message: "missing required field: blocks" });
  }
  checkBlocks(out, decodeJson(value.blocks), L.viewBlocks, "/blocks");
  return out;
}

function checkBlocks(out: BlockKitViolation[], blocks: unknown, max: number, at: string): void {
  if (!Array.isArray(blocks)) return;
  maxItems(out, blocks, max, at);
  blocks.forEach((block, i) => {
    checkBlock(out, block, `${at}/${i}`);
  });
}

function checkBlock(out: BlockKitViolation[], block: unknown, at: string): void {
  if (!isRecord(block)) return;
  maxLength(out, block.block_id, L.id, `${at}/block_id`);
  switch (block.type) {
    case "section": {
      maxLength(out, field(block.text, "text"), L.sectionText, `${at}/text/text`);
      const fields = block.fields;
      if (Array.isArray(fields)) {
        maxItems(out, fields, L.sectionFields, `${at}/fields`);
        fields.forEach((f, i) => {
          maxLength(out, field(f, "text"), L.sectionFieldText, `${at}/fields/${i}/text`);
        });
      }
      checkElement(out, block.accessory, `${at}/accessory`);
      break;
    }
    case "header":
      maxLength(out, field(block.text, "text"), L.headerText, `${at}/text/text`);
      break;
    case "actions":
      checkElements(out, block.elements, L.actionsElements, `${at}/elements`);
      break;
    case "context":
      if (Array.isArray(block.elements)) maxItems(out, block.elements, L.contextElements, `${at}/elements`);
      break;
    case "input":
      checkElement(out, block.element, `${at}/element`);
      break;
  }
}

function checkElements(out: BlockKitViolation[], elements: unknown, max: number, at: string): void {
  if (!Array.isArray(elements)) return;
  maxItems(out, elements, max, at);
  elements.forEach((element, i) => {
    checkElement(out, element, `${at}/${i}`);
  });
}

function checkElement(out: BlockKitViolation[], element: unknown, at: string): void {
  if (!isRecord(element)) return;
  maxLength(out, element.action_id, L.id, `${at}/action_id`);
  checkConfirm(out, element.confirm, `${at}/confirm`);
  const options = element.options;
  switch (element.type) {
    case "button":
      maxLength(out, field(element.text, "text"), L.buttonText, `${at}/text/text`);
      maxLength(out, element.value, L.buttonValue, `${at}/value`);
      maxLength(out, element.url, L.url, `${at}/url`);
      maxLength(out, element.accessibility_label, L.buttonText, `${at}/accessibility_label`);
      return;
    case "static_select":
    case "multi_static_select": {
      maxLength(out, field(element.placeholder, "text"), L.selectPlaceholder, `${at}/placeholder/text`);
      if (Array.isArray(options)) maxItems(out, options, L.selectOptions, `${at}/options`);
      const groups = element.option_groups;
      if (Array.isArray(groups)) {
        maxItems(out, groups, L.selectOptions, `${at}/option_groups`);
        groups.forEach((group, g) => {
          const p = `${at}/option_groups/${g}`;
          maxLength(out, field(field(group, "label"), "text"), L.optionText, `${p}/label/text`);
          const groupOptions = field(group, "options");
          if (Array.isArray(groupOptions)) maxItems(out, groupOptions, L.selectOptions, `${p}/options`);
          checkOptions(out, groupOptions, `${p}/options`);
        });
      }
      break;
    }
    case "checkboxes":
    case "radio_buttons":
      if (Array.isArray(options)) maxItems(out, options, L.choiceOptions, `${at}/options`);
      break;
  }
  checkOptions(out, options, `${at}/options`);
}

function checkOptions(out: BlockKitViolation[], options: unknown, at: string): void {
  if (!Array.isArray(options)) return;
  options.forEach((option, i) => {
    const p = `${at}/${i}`;
    maxLength(out, field(field(option, "text"), "text"), L.optionText, `${p}/text/text`);
    maxLength(out, field(option, "value"), L.optionValue, `${p}/value`);
    maxLength(out, field(field(option, "description"), "text"), L.optionText, `${p}/description/text`);
    maxLength(out, field(option, "url"), L.url, `${p}/url`);
  });
}

function checkConfirm(out: BlockKitViolation[], confirm: unknown, at: string): void {
  if (!isRecord(confirm)) return;
  maxLength(out, field(confirm.title, "text"), L.confirmTitle, `${at}/title/text`);
  maxLength(out, field(confirm.text, "text"), L.confirmText, `${at}/text/text`);
  maxLength(out, field(confirm.confirm, "text"), L.confirmButton, `${at}/confirm/text`);
  maxLength(out, field(confirm.deny, "text"), L.confirmButton, `${at}/deny/text`);
}

function maxLength(out: BlockKitViolation[], value: unknown, max: number, pointer: string): void {
  if (typeof value === "string" && value.length > max) {
    out.push({ pointer, message: `must be less than ${max + 1} characters` });
  }
}

function maxItems(out: BlockKitViolation[], value: unknown[], max: number, pointer: string): void {
  if (value.length > max) out.push({ pointer, message: `no more than ${max} items allowed` });
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Form-encoded Web API calls carry `view` and `blocks` as JSON strings. */
function decodeJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
