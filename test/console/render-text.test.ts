import { describe, expect, it } from "vitest";
import { ChoiceBook, pickFrom } from "../../src/console/render/choices.ts";
import { cleanMrkdwn } from "../../src/console/render/mrkdwn.ts";
import { renderBlocks, renderMessage, renderView } from "../../src/console/render/render-blocks.ts";

const names: Record<string, string> = { U0ALVA: "alva", U0BO: "bo" };
const nameOf = (id: string) => names[id];
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const plain = (text: string) => ({ type: "plain_text", text });
const button = (text: string, value: string) => ({
  type: "button",
  action_id: `act.${value}`,
  value,
  text: plain(text),
});

function render(blocks: unknown[]) {
  const choices = new ChoiceBook<string>();
  return { lines: renderBlocks(blocks, { nameOf, choices, origin: "here" }), choices };
}

describe("mrkdwn for a terminal", () => {
  it.each([
    ["*Office* for _Bo_ ~now~", "Office for Bo now"],
    ["<@U0BO> and <@U0NOBODY|nobody> and <@U0GONE>", "@bo and @nobody and @U0GONE"],
    ["in <#C123|general> or <#C999>", "in #general or #C999"],
    ["gone on <!date^1767225600^{date_long}|1 January 2026>", "gone on 1 January 2026"],
    ["<!here> look", "@here look"],
    [
      "<https://example.com|the docs> or <https://example.com>",
      "the docs (https://example.com) or https://example.com",
    ],
    ["1 &lt; 2 &amp;&amp; 3 &gt; 2, not &amp;lt;", "1 < 2 && 3 > 2, not &lt;"],
    ["run `/license status` now", "run /license status now"],
    [":white_check_mark: done, :warning: careful, :tada: party", "✓ done, ⚠ careful, :tada: party"],
    ["T_LOCAL and 2*3*4 stay", "T_LOCAL and 2*3*4 stay"],
    ["&gt; quoted\nplain", "│ quoted\nplain"],
  ])("%s", (input, expected) => {
    expect(cleanMrkdwn(input, nameOf)).toBe(expected);
  });
});

describe("blocks as text", () => {
  it("a header is underlined and a divider is a rule", () => {
    const { lines } = render([{ type: "header", text: plain("Seats") }, { type: "divider" }]);
    expect(lines).toEqual(["Seats", "═════", "─".repeat(40)]);
  });

  it("a section shows its text, its fields two to a line and its accessory as a numbered choice", () => {
    const { lines, choices } = render([
      {
        type: "section",
        block_id: "s1",
        text: mrkdwn("*Bo Berg* — <@U0BO>"),
        fields: [mrkdwn("*Seats*"), plain("6 of 10"), mrkdwn("a long field\nover two lines")],
        accessory: button("Restore", "w1"),
      },
    ]);
    expect(lines).toEqual([
      "Bo Berg — @bo",
      `${"Seats".padEnd(36)}  6 of 10`,
      "a long field",
      "over two lines",
      "    [1] Restore",
    ]);
    expect(choices.list).toMatchObject([{ number: 1, label: "Restore", blockId: "s1", origin: "here" }]);
  });

  it("context elements run on one line, images as their alt text", () => {
    const { lines } = render([
      {
        type: "context",
        elements: [
          mrkdwn("5 products"),
          { type: "image", image_url: "https://x/y.png", alt_text: "logo" },
          plain("*as is*"),
        ],
      },
    ]);
    expect(lines).toEqual(["5 products  ·  [logo]  ·  *as is*"]);
  });

  it("actions number their buttons, menus and overflows in order, across blocks", () => {
    const { lines, choices } = render([
      { type: "actions", block_id: "a1", elements: [button("Approve", "r1"), button("Deny", "r1")] },
      {
        type: "actions",
        block_id: "a2",
        elements: [
          { type: "static_select", action_id: "pick", placeholder: plain("Choose a product"), options: [] },
          { type: "overflow", action_id: "more", options: [{ text: plain("Edit"), value: "e" }] },
          { type: "button", action_id: "docs", text: plain("Docs"), url: "https://example.com/docs" },
        ],
      },
    ]);
    expect(lines).toEqual([
      "[1] Approve  [2] Deny",
      "[3] Choose a product ▾  [4] ⋯  [5] Docs → https://example.com/docs",
    ]);
    expect(choices.list.map((c) => [c.number, c.blockId, c.element.action_id])).toEqual([
      [1, "a1", "act.r1"],
      [2, "a1", "act.r1"],
      [3, "a2", "pick"],
      [4, "a2", "more"],
      [5, "a2", "docs"],
    ]);
  });

  it("without a choice book, buttons are shown but not numbered", () => {
    const lines = renderBlocks([{ type: "actions", elements: [button("Approve", "r1")] }], { nameOf });
    expect(lines).toEqual(["[Approve]"]);
  });

  it("inputs show their label, whether optional, their current value or placeholder, and hint", () => {
    const { lines } = render([
      {
        type: "input",
        label: plain("Note"),
        optional: true,
        hint: plain("The requester reads it."),
        element: { type: "plain_text_input", placeholder: plain("Why?") },
      },
      {
        type: "input",
        label: plain("Mode"),
        element: {
          type: "radio_buttons",
          options: [
            { text: plain("Add"), value: "add" },
            { text: plain("Replace"), value: "replace" },
          ],
        },
      },
      {
        type: "input",
        label: plain("Product"),
        element: {
          type: "static_select",
          initial_option: { text: plain("Office"), value: "p1" },
          options: [{ text: plain("Office"), value: "p1" }],
        },
      },
      {
        type: "input",
        label: plain("People"),
        element: { type: "multi_users_select", initial_users: ["U0BO", "U0ALVA"] },
      },
      {
        type: "input",
        label: plain("Seats"),
        element: { type: "number_input", is_decimal_allowed: false, initial_value: "10" },
      },
    ]);
    expect(lines).toEqual([
      "Note (optional): (Why?)",
      "  The requester reads it.",
      "Mode: Add / Replace",
      "Product: Office",
      "People: @bo, @alva",
      "Seats: 10",
    ]);
  });

  it("rich text, image blocks and unknown blocks", () => {
    const { lines } = render([
      {
        type: "rich_text",
        elements: [
          {
            type: "rich_text_section",
            elements: [
              { type: "text", text: "Hi " },
              { type: "user", user_id: "U0ALVA" },
              { type: "link", url: "https://x.example", text: "link" },
            ],
          },
          {
            type: "rich_text_list",
            elements: [{ type: "rich_text_section", elements: [{ type: "text", text: "one" }] }],
          },
          { type: "rich_text_quote", elements: [{ type: "text", text: "said" }] },
        ],
      },
      { type: "image", image_url: "https://x/chart.png", alt_text: "seat chart" },
      { type: "video", title: plain("ignored") },
    ]);
    expect(lines).toEqual(["Hi @alvalink (https://x.example)", "• one", "│ said", "[image: seat chart]"]);
  });

  it("a message without blocks is its text; a view has its title on top", () => {
    expect(renderMessage({ text: "*Removed* from <@U0BO>" }, { nameOf })).toEqual(["Removed from @bo"]);
    expect(
      renderView(
        { title: plain("Remove license"), blocks: [{ type: "section", text: mrkdwn("Sure?") }] },
        { nameOf },
      ),
    ).toEqual(["┌ Remove license ┐", "Sure?"]);
  });
});

describe("picking a choice", () => {
  const items = ["Approve", "Deny", "Apply to all", "Apply to some"];
  it.each([
    ["2", "Deny"],
    ["pick 1", "Approve"],
    ["deny", "Deny"],
    ["pick Apply to all", "Apply to all"],
    ["Appr", "Approve"],
    ["Apply", undefined],
    ["9", undefined],
    ["", undefined],
  ])("%j names %j", (answer, expected) => {
    expect(pickFrom(items, answer, (s) => s)).toBe(expected);
  });

  it("a name that starts a longer one names the shorter, and a key in brackets names its product", () => {
    const products = ["Office 365 (o365)", "Office 365 Premium (office)", "Exchange — mail only"];
    expect(pickFrom(products, "Office 365", (s) => s)).toBe("Office 365 (o365)");
    expect(pickFrom(products, "office", (s) => s)).toBe("Office 365 Premium (office)");
    expect(pickFrom(products, "exchange", (s) => s)).toBe("Exchange — mail only");
  });
});
