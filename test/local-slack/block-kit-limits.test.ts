import { describe, expect, it } from "vitest";
import {
  type BlockKitSurface,
  blockKitProblems,
  BLOCK_KIT_LIMITS as L,
} from "../../src/local-slack/block-kit-limits.ts";

const s = (n: number) => "x".repeat(n);
const plain = (text: string) => ({ type: "plain_text", text });
const modal = (over: Record<string, unknown> = {}) => ({
  type: "modal",
  title: plain("Title"),
  blocks: [],
  ...over,
});
const modalWith = (...blocks: unknown[]) => modal({ blocks });
const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });
const option = (text: string, value = "v") => ({ text: plain(text), value });
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, `v${i}`));
const button = (over: Record<string, unknown> = {}) => ({
  type: "button",
  text: plain("Go"),
  action_id: "go",
  ...over,
});
const actions = (...elements: unknown[]) => ({ type: "actions", elements });
const select = (over: Record<string, unknown>) => ({
  type: "static_select",
  action_id: "pick",
  placeholder: plain("Pick"),
  ...over,
});

interface Case {
  name: string;
  max: number;
  /** A payload of `size`; at `max` it must pass, at `max + 1` fail at `pointer`. */
  build: (size: number) => { surface: BlockKitSurface; payload: unknown };
  pointer: string;
}

const cases: Case[] = [
  { name: "modal title", max: 24, pointer: "/title/text", build: (n) => m(modal({ title: plain(s(n)) })) },
  { name: "modal submit", max: 24, pointer: "/submit/text", build: (n) => m(modal({ submit: plain(s(n)) })) },
  { name: "modal close", max: 24, pointer: "/close/text", build: (n) => m(modal({ close: plain(s(n)) })) },
  {
    name: "blocks per modal",
    max: 100,
    pointer: "/blocks",
    build: (n) => m(modalWith(...Array.from({ length: n }, () => ({ type: "divider" })))),
  },
  {
    name: "blocks per home tab",
    max: 100,
    pointer: "/blocks",
    build: (n) => ({ surface: "home", payload: { type: "home", blocks: dividers(n) } }),
  },
  {
    name: "blocks per message",
    max: 50,
    pointer: "/blocks",
    build: (n) => ({ surface: "message", payload: { blocks: dividers(n) } }),
  },
  {
    name: "private_metadata",
    max: 3000,
    pointer: "/private_metadata",
    build: (n) => m(modal({ private_metadata: s(n) })),
  },
  { name: "callback_id", max: 255, pointer: "/callback_id", build: (n) => m(modal({ callback_id: s(n) })) },
  {
    name: "block_id",
    max: 255,
    pointer: "/blocks/0/block_id",
    build: (n) => m(modalWith({ type: "divider", block_id: s(n) })),
  },
  {
    name: "action_id",
    max: 255,
    pointer: "/blocks/0/elements/0/action_id",
    build: (n) => m(modalWith(actions(button({ action_id: s(n) })))),
  },
  {
    name: "section text",
    max: 3000,
    pointer: "/blocks/0/text/text",
    build: (n) => m(modalWith(section(s(n)))),
  },
  {
    name: "section fields",
    max: 10,
    pointer: "/blocks/0/fields",
    build: (n) => m(modalWith({ type: "section", fields: Array.from({ length: n }, () => plain("f")) })),
  },
  {
    name: "section field text",
    max: 2000,
    pointer: "/blocks/0/fields/1/text",
    build: (n) => m(modalWith({ type: "section", fields: [plain("a"), plain(s(n))] })),
  },
  {
    name: "header text",
    max: 150,
    pointer: "/blocks/0/text/text",
    build: (n) => m(modalWith({ type: "header", text: plain(s(n)) })),
  },
  {
    name: "actions elements",
    max: 25,
    pointer: "/blocks/0/elements",
    build: (n) =>
      m(modalWith(actions(...Array.from({ length: n }, (_, i) => button({ action_id: `b${i}` }))))),
  },
  {
    name: "context elements",
    max: 10,
    pointer: "/blocks/0/elements",
    build: (n) => m(modalWith({ type: "context", elements: Array.from({ length: n }, () => plain("c")) })),
  },
  {
    name: "static_select options",
    max: 100,
    pointer: "/blocks/0/elements/0/options",
    build: (n) => m(modalWith(actions(select({ options: options(n) })))),
  },
  {
    name: "option text",
    max: 75,
    pointer: "/blocks/0/element/options/0/text/text",
    build: (n) => m(modalWith(input(select({ options: [option(s(n))] })))),
  },
  {
    name: "option value",
    max: 75,
    pointer: "/blocks/0/element/options/0/value",
    build: (n) => m(modalWith(input(select({ options: [option("o", s(n))] })))),
  },
  {
    name: "checkboxes options",
    max: 10,
    pointer: "/blocks/0/element/options",
    build: (n) => m(modalWith(input({ type: "checkboxes", action_id: "c", options: options(n) }))),
  },
  {
    name: "radio_buttons options",
    max: 10,
    pointer: "/blocks/0/accessory/options",
    build: (n) =>
      m(
        modalWith({
          ...section("pick"),
          accessory: { type: "radio_buttons", action_id: "r", options: options(n) },
        }),
      ),
  },
  {
    name: "button text",
    max: 75,
    pointer: "/blocks/0/elements/0/text/text",
    build: (n) => m(modalWith(actions(button({ text: plain(s(n)) })))),
  },
  {
    name: "button value",
    max: 2000,
    pointer: "/blocks/0/elements/0/value",
    build: (n) => ({ surface: "message", payload: { blocks: [actions(button({ value: s(n) }))] } }),
  },
];

function m(payload: unknown): { surface: BlockKitSurface; payload: unknown } {
  return { surface: "modal", payload };
}
function dividers(n: number) {
  return Array.from({ length: n }, () => ({ type: "divider" }));
}
function input(element: unknown) {
  return { type: "input", label: plain("Label"), element };
}

describe("blockKitProblems", () => {
  it.each(cases)("$name: $max passes, one more fails at $pointer", ({ max, build, pointer }) => {
    const at = build(max);
    expect(blockKitProblems(at.surface, at.payload)).toEqual([]);
    const over = build(max + 1);
    const problems = blockKitProblems(over.surface, over.payload);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^(must be less than \d+ characters|no more than \d+ items allowed)/);
    expect(problems[0]).toContain(`[json-pointer:${pointer}]`);
  });

  it("words problems the way Slack does", () => {
    expect(blockKitProblems("modal", modal({ title: plain(s(25)) }))).toEqual([
      "must be less than 25 characters [json-pointer:/title/text]",
    ]);
    expect(blockKitProblems("message", { blocks: dividers(51) })).toEqual([
      "no more than 50 items allowed [json-pointer:/blocks]",
    ]);
  });

  it("reads views and blocks sent as JSON strings, as form-encoded calls carry them", () => {
    expect(blockKitProblems("modal", JSON.stringify(modal({ title: plain(s(30)) })))).toHaveLength(1);
    expect(blockKitProblems("message", { blocks: JSON.stringify(dividers(51)) })).toHaveLength(1);
    expect(blockKitProblems("message", dividers(51))).toEqual([
      "no more than 50 items allowed [json-pointer:]",
    ]);
  });

  it("holds a message to 50 blocks but a modal to 100", () => {
    expect(blockKitProblems("modal", modalWith(...dividers(L.messageBlocks + 1)))).toEqual([]);
    expect(blockKitProblems("message", { blocks: dividers(L.messageBlocks + 1) })).toHaveLength(1);
  });

  it("refuses a view of the wrong type or a modal without a title", () => {
    expect(blockKitProblems("home", modal())).toEqual(['must be "home" [json-pointer:/type]']);
    expect(blockKitProblems("modal", { type: "modal", blocks: [] })).toEqual([
      "missing required field: title [json-pointer:]",
    ]);
  });

  it("reports every problem, not only the first", () => {
    const view = modal({
      title: plain(s(25)),
      private_metadata: s(3001),
      blocks: [section(s(3001)), actions(button({ text: plain(s(76)), value: s(2001) }))],
    });
    expect(blockKitProblems("modal", view)).toHaveLength(5);
  });

  it("checks option groups and confirm dialogs", () => {
    const grouped = select({ option_groups: [{ label: plain(s(76)), options: options(101) }] });
    expect(blockKitProblems("modal", modalWith(actions(grouped)))).toEqual([
      "must be less than 76 characters [json-pointer:/blocks/0/elements/0/option_groups/0/label/text]",
      "no more than 100 items allowed [json-pointer:/blocks/0/elements/0/option_groups/0/options]",
    ]);
    const confirm = { title: plain(s(101)), text: plain("Sure?"), confirm: plain("Yes"), deny: plain(s(31)) };
    expect(blockKitProblems("modal", modalWith(actions(button({ confirm }))))).toHaveLength(2);
  });
});
