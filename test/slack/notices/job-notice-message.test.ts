import { describe, expect, it } from "vitest";
import type { Notice } from "../../../src/licensing/outbox/notices.ts";
import { blockKitViolations } from "../../../src/local-slack/block-kit-limits.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { buildJobNoticeMessage } from "../../../src/slack/notices/job-notice-message.ts";
import { ids } from "../../../src/slack/shared/ids.ts";

const long = (prefix: string) => `${prefix} ${"x".repeat(200)}`.slice(0, 200);
const many = <T>(count: number, make: (i: number) => T) => Array.from({ length: count }, (_, i) => make(i));
const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

const notices: Notice[] = [
  {
    kind: "restore_reminders",
    items: many(500, (i) => ({
      windowId: id(i),
      person: long(`Person ${i} <b>&`),
      product: long("Product"),
      purgeAt: "2026-04-01T10:00:00.000Z",
      daysLeft: 7,
      late: i % 2 === 0,
      data: many(10, (j) => ({ service: long(`Service ${j}`), kind: "mailbox", mailboxSizeMb: 2048 })),
    })),
  },
  {
    kind: "windows_purged",
    items: many(500, (i) => ({
      person: long(`P${i}`),
      product: long("X"),
      purgeAt: "2026-04-01T10:00:00.000Z",
    })),
  },
  {
    kind: "mailbox_warnings",
    items: many(300, (i) => ({
      mailboxId: id(i),
      address: long(`room-${i}@example.com`),
      lockAt: "2026-04-01T10:00:00.000Z",
      daysLeft: 1,
      late: false,
      sizeMb: 12_000,
    })),
  },
  { kind: "mailboxes_locked", items: many(300, (i) => ({ address: long(`room-${i}@example.com`) })) },
  {
    kind: "requests_waiting",
    items: many(200, (i) => ({
      requestId: id(i),
      requester: long("Requester"),
      person: long("Person"),
      product: long("Product"),
      createdAt: "2026-03-01T10:00:00.000Z",
    })),
  },
  {
    kind: "request_expired",
    requestId: id(1),
    person: long("Person"),
    product: long("Product"),
    createdAt: "2026-03-01T10:00:00.000Z",
  },
  {
    kind: "low_seats",
    items: many(80, (i) => ({ product: long(`Product ${i}`), available: 0, purchased: 10 })),
  },
];

describe("the daily jobs' messages", () => {
  it.each(notices.map((n) => [n.kind, n] as const))(
    "%s stays within Slack's limits with the most data",
    (_, notice) => {
      const built = buildJobNoticeMessage(en, notice);
      expect(blockKitViolations("message", built)).toEqual([]);
      expect(built.text.length).toBeGreaterThan(0);
    },
  );

  it("lists a restore reminder with what is lost, the date per reader, and the buttons that act", () => {
    const built = buildJobNoticeMessage(en, {
      kind: "restore_reminders",
      items: [
        {
          windowId: id(1),
          person: "Maja <script>",
          product: "Office",
          purgeAt: "2026-04-01T10:00:00.000Z",
          daysLeft: 3,
          late: true,
          data: [{ service: "Exchange Online", kind: "mailbox", mailboxSizeMb: 2560 }],
        },
      ],
    });
    const json = JSON.stringify(built.blocks);
    expect(json).toContain("Maja &lt;script&gt;");
    expect(json).toContain("Exchange Online (2.5 GB)");
    expect(json).toContain("<!date^1775037600^{date_short} {time}|1 Apr 2026, 10:00 UTC>");
    expect(json).toContain("late");
    const actions = built.blocks.find((b) => b.type === "actions");
    expect(actions).toMatchObject({
      elements: [
        { action_id: ids.window.restoreAction, value: id(1) },
        { action_id: ids.window.letExpireAction, value: id(1) },
      ],
    });
  });

  it("says how many more there are when a digest outgrows one message", () => {
    const built = buildJobNoticeMessage(en, notices[0] as Notice);
    expect(JSON.stringify(built.blocks)).toMatch(/…and 477 more: `\/license show`/);
  });
});

describe("a reminder rebuilt after some of its buttons were used", () => {
  const reminder: Notice = {
    kind: "restore_reminders",
    items: many(2, (i) => ({
      windowId: id(i),
      person: `Person ${i}`,
      product: "Office",
      purgeAt: "2026-04-01T10:00:00.000Z",
      daysLeft: 3,
      late: false,
      data: [],
    })),
  };

  it("shows a settled row's outcome in place of its buttons, and keeps the other rows' buttons", () => {
    const message = buildJobNoticeMessage(en, reminder, (subject) =>
      subject.kind === "restore_window" && subject.id === id(0) ? "*Restored by <@U1>.*" : undefined,
    );
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("Person 0");
    expect(text).toContain("*Restored by <@U1>.*");
    expect(text).not.toContain(`"value":"${id(0)}"`);
    expect(text).toContain(`"value":"${id(1)}"`);
    expect(blockKitViolations("message", { blocks: message.blocks })).toEqual([]);
  });

  it("as sent, every row keeps its buttons", () => {
    const text = JSON.stringify(buildJobNoticeMessage(en, reminder).blocks);
    expect(text).toContain(`"value":"${id(0)}"`);
    expect(text).toContain(`"value":"${id(1)}"`);
  });
});
