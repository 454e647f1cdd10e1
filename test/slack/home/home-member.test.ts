import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import type { PersonLicenses } from "../../../src/licensing/get-person-licenses.ts";
import type { OwnRequestRow } from "../../../src/licensing/home/list-own-requests.ts";
import { blockKitProblems } from "../../../src/local-slack/block-kit-limits.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { buildMemberHome } from "../../../src/slack/home/home-member.ts";
import { ids } from "../../../src/slack/shared/ids.ts";

const at = new Date("2026-03-02T10:00:00Z");
const long = (prefix: string, i: number) => `${prefix} ${i} & ${"y".repeat(200)}`.slice(0, 200);
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const service = (j: number) => ({
  key: `s${j}`,
  name: long("Service", j),
  kind: "mailbox" as const,
  mailboxSizeMb: j === 0 ? 512 : null,
  devices: j === 1 ? ["Mac", "PC"] : [],
});

function licenses(count: number): PersonLicenses {
  return {
    ok: true,
    person: { id: uuid(1), name: "Member", slackUserId: "U1", usageLocation: "SE", active: true },
    licenses: Array.from({ length: count }, (_, i) => ({
      product: { id: uuid(i), key: `p${i}`, name: long("Product", i) },
      assignedAt: at,
      enabled: Array.from({ length: 6 }, (_, j) => service(j)),
      skipped: [],
    })),
    openWindows: Array.from({ length: count }, (_, i) => ({
      windowId: uuid(i),
      product: { id: uuid(i), key: `w${i}`, name: long("Removed", i) },
      removedAt: at,
      purgeAt: new Date("2026-03-30T10:00:00Z"),
      daysLeft: 28,
      retained: [],
    })),
  };
}

const request = (i: number, status: OwnRequestRow["status"], forPerson = false): OwnRequestRow => ({
  id: uuid(i),
  status,
  product: { id: uuid(i), name: long("Asked", i) },
  forPerson: forPerson ? { name: long("Colleague", i), slackUserId: "U2" } : null,
  createdAt: at,
  decidedAt: null,
});

type AnyBlock = KnownBlock & {
  text?: { text: string };
  elements?: { text?: string }[];
  accessory?: { action_id?: string };
};
const texts = (blocks: readonly unknown[]) =>
  (blocks as AnyBlock[]).flatMap((b) => [b.text?.text, ...(b.elements ?? []).map((e) => e.text)]).join("\n");

describe("a member's Home tab", () => {
  it("holds Slack's limits with 80 licenses, 80 restore windows and 500 requests", () => {
    const view = buildMemberHome(
      en,
      {
        licenses: licenses(80),
        requests: {
          total: 500,
          rows: Array.from({ length: 20 }, (_, i) => request(i, "pending", i % 2 === 0)),
        },
      },
      { timeZone: "Europe/Stockholm" },
    );
    expect(blockKitProblems("home", view)).toEqual([]);
    expect(texts(view.blocks)).toContain("…and 480 older.");
  });

  it("shows their licenses with what is on, what can be restored, and where each request stands", () => {
    const mine = licenses(1);
    const view = buildMemberHome(
      en,
      { licenses: mine, requests: { total: 2, rows: [request(1, "pending"), request(2, "denied", true)] } },
      { timeZone: "Europe/Stockholm" },
    );
    const text = texts(view.blocks);
    expect(text).toMatch(/\*Product 0 &amp; y+…\*: Service 0 &amp; y+… \(mailbox 512 MB\)/);
    expect(text).toContain("(mailbox 512 MB)");
    expect(text).toContain("(2 devices)");
    expect(text).toContain(
      "removed; it can be restored until 30 Mar 2026, 12:00 CEST; deleted after that. An admin can restore it.",
    );
    expect(text).toMatch(/\*Asked 1 .*\*: waiting for an admin · asked on 2 Mar 2026, 11:00 CET/);
    expect(text).toMatch(/\*Asked 2 .*\* for \*Colleague 2 .*\*: denied/);
    const accessory = (view.blocks as AnyBlock[]).find((b) => b.accessory)?.accessory;
    expect(accessory?.action_id).toBe(ids.home.requestLicenseAction);
  });

  it("offers the request button to someone the directory does not know yet", () => {
    const view = buildMemberHome(
      en,
      { licenses: null, requests: { total: 0, rows: [] } },
      { timeZone: "UTC" },
    );
    const text = texts(view.blocks);
    expect(text).toContain("You hold no licenses yet.");
    expect(text).toContain("You have not asked for a license.");
    expect(blockKitProblems("home", view)).toEqual([]);
  });
});
