import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import type { AdminHome } from "../../../src/licensing/home/get-admin-home.ts";
import { seatUsage } from "../../../src/licensing/seat-usage.ts";
import { blockKitProblems } from "../../../src/local-slack/block-kit-limits.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { buildAdminHome } from "../../../src/slack/home/home-admin.ts";
import { ids } from "../../../src/slack/shared/ids.ts";

const now = new Date("2026-03-02T10:00:00Z");
const long = (prefix: string, i: number) => `${prefix} ${i} <&> ${"x".repeat(200)}`.slice(0, 200);
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

function largeHome(): AdminHome {
  return {
    soonDays: 7,
    defaultUsageLocation: "SE",
    seats: {
      total: 80,
      full: 20,
      available: 400,
      purchased: 800,
      rows: Array.from({ length: 80 }, (_, i) => ({
        productId: uuid(i),
        key: `p${i}`,
        name: long("Product", i),
        isDefault: i % 2 === 0,
        ...seatUsage(10, i % 11),
      })),
    },
    requests: {
      total: 500,
      rows: Array.from({ length: 500 }, (_, i) => ({
        id: uuid(i),
        requester: { name: long("Requester", i), slackUserId: `UR${i}` },
        person: { name: long("Person", i), slackUserId: `UP${i}` },
        product: { id: uuid(i), name: long("Product", i) },
        reason: "because ".repeat(200),
        createdAt: now,
        expiresAt: now,
      })),
    },
    windows: {
      total: 500,
      rows: Array.from({ length: 500 }, (_, i) => ({
        id: uuid(i),
        person: { id: uuid(i), name: long("Person", i), slackUserId: `UP${i}` },
        product: { id: uuid(i), name: long("Product", i) },
        removedAt: now,
        purgeAt: new Date(now.getTime() + (i % 7) * 86_400_000),
        lost: Array.from({ length: 20 }, (_, j) => ({
          service: { key: `s${j}`, name: long("Service", j), kind: "mailbox" as const },
          description: long("Data", j),
          mailboxSizeMb: j % 2 === 0 ? 2560 : null,
          devices: j % 3,
        })),
      })),
    },
    mailboxes: {
      total: 500,
      rows: Array.from({ length: 500 }, (_, i) => ({
        id: uuid(i),
        address: `${"room".repeat(50)}-${i}@example.com`,
        kind: "room" as const,
        sizeMb: 11_000,
        quotaMb: 10_240,
        lockAt: now,
      })),
    },
  };
}

const emptyHome: AdminHome = {
  soonDays: 7,
  defaultUsageLocation: null,
  seats: { total: 0, full: 0, available: 0, purchased: 0, rows: [] },
  requests: { total: 0, rows: [] },
  windows: { total: 0, rows: [] },
  mailboxes: { total: 0, rows: [] },
};

type AnyBlock = KnownBlock & {
  text?: { text: string };
  elements?: { text?: string | { text: string }; action_id?: string; value?: string }[];
  accessory?: { action_id?: string; value?: string };
};

const texts = (blocks: readonly unknown[]) =>
  (blocks as AnyBlock[])
    .flatMap((b) => [
      b.text?.text,
      ...(b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : "")),
    ])
    .join("\n");

const buttons = (blocks: readonly unknown[], actionId: string) =>
  (blocks as AnyBlock[]).flatMap((b) =>
    [b.accessory, ...(b.elements ?? [])].filter((e) => e?.action_id === actionId).map((e) => e?.value),
  );

describe("the admin's Home tab", () => {
  it("holds Slack's Home tab limits with 80 products, 500 requests, 500 windows and 500 mailboxes", () => {
    const view = buildAdminHome(en, largeHome(), { timeZone: "Europe/Stockholm", now });
    expect(blockKitProblems("home", view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = texts(view.blocks);
    expect(text.match(/ of 10 available/g)).toHaveLength(80);
    expect(text).toContain("…and 490 more requests waiting");
    expect(text).toContain("…and 475 more ending later");
    expect(text).toContain("`/license mailboxes`");
    expect(buttons(view.blocks, ids.window.restoreAction)).toHaveLength(25);
    expect(buttons(view.blocks, ids.request.approveAction)).toHaveLength(10);
    expect(buttons(view.blocks, ids.mailbox.licenseAction)).toHaveLength(10);
  });

  it("names the workspace's default usage location", () => {
    const view = buildAdminHome(en, { ...emptyHome, defaultUsageLocation: "SE" }, { timeZone: "UTC", now });
    expect(texts(view.blocks)).toContain("Default usage location: SE");
  });

  it("lists every product, the fewest seats left first, with the bar and the summary", () => {
    const home = largeHome();
    home.seats.rows = [
      { productId: uuid(1), key: "a", name: "Full one", isDefault: false, ...seatUsage(10, 10) },
      { productId: uuid(2), key: "b", name: "Half one", isDefault: false, ...seatUsage(10, 5) },
    ];
    home.seats.total = 3;
    const text = texts(buildAdminHome(en, home, { timeZone: "UTC", now }).blocks);
    expect(text).toMatch(
      /`▰{10}` \*Full one\*: 0 of 10 available\n`▰{5}▱{5}` \*Half one\*: 5 of 10 available/,
    );
    expect(text).toContain("…and 1 product with more seats left. `/license status` lists them all.");
  });

  it("names a window's person, product, what is lost and the date, with a Restore button carrying its id", () => {
    const home = emptyHome;
    const view = buildAdminHome(
      en,
      {
        ...home,
        windows: {
          total: 1,
          rows: [
            {
              id: uuid(7),
              person: { id: uuid(1), name: "Ann <Admin>", slackUserId: "U1" },
              product: { id: uuid(2), name: "Office" },
              removedAt: now,
              purgeAt: new Date("2026-03-05T10:00:00Z"),
              lost: [
                {
                  service: { key: "exchange", name: "Exchange Online", kind: "mailbox" },
                  description: "Mailbox",
                  mailboxSizeMb: 2560,
                  devices: 0,
                },
                {
                  service: { key: "apps", name: "Office apps", kind: "office_apps" },
                  description: "Installs",
                  mailboxSizeMb: null,
                  devices: 2,
                },
              ],
            },
          ],
        },
      },
      { timeZone: "Europe/Stockholm", now },
    );
    const text = texts(view.blocks);
    expect(text).toContain(
      "*Ann &lt;Admin&gt;* · *Office*: can be restored until 5 Mar 2026, 11:00 CET (3 days left); deleted after that\n" +
        "Loses: Exchange Online: Mailbox (2.5 GB); Office apps: Installs (2 devices)",
    );
    expect(buttons(view.blocks, ids.window.restoreAction)).toEqual([uuid(7)]);
  });

  it("says so when nothing waits, and still offers the bulk and products buttons", () => {
    const view = buildAdminHome(en, emptyHome, { timeZone: "UTC", now });
    const text = texts(view.blocks);
    expect(text).toContain("No requests are waiting.");
    expect(text).toContain("No removed license's data is deleted within 7 days.");
    expect(text).toContain("No mailbox locks within 7 days.");
    expect(text).toContain("No default usage location");
    expect(text).toContain("`/license location default CC`");
    expect(buttons(view.blocks, ids.home.openBulkAction)).toHaveLength(1);
    expect(buttons(view.blocks, ids.home.openProductsAction)).toHaveLength(1);
    expect(blockKitProblems("home", view)).toEqual([]);
  });
});
