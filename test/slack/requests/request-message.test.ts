import { describe, expect, it } from "vitest";
import type { RequestSummary } from "../../../src/licensing/requests/load-request-summary.ts";
import { seatUsage } from "../../../src/licensing/seat-usage.ts";
import { blockKitProblems } from "../../../src/local-slack/block-kit-limits.ts";
import { en } from "../../../src/slack/copy/en.ts";
import { buildDecisionModal } from "../../../src/slack/requests/request-decision-modal.ts";
import { alreadyDecidedText, buildRequestMessage } from "../../../src/slack/requests/request-message.ts";
import { buildRequestOutcomeMessage } from "../../../src/slack/requests/request-outcome-message.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { allText, expectWithinMessageLimits, moreCount } from "../shared/message-limits.ts";

const REQUEST_ID = "0b6f3c1e-8f59-4a55-9d0e-3f7c2a1b9d41";
const long = (label: string, length = 200) =>
  `${label} ${"<&> very long words ".repeat(20)}`.slice(0, length);
const plan = (i: number, name = `Service ${i}`) => ({ key: `s${i}`, name, kind: "mailbox" as const });

function summary(over: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id: REQUEST_ID,
    workspaceId: "T1",
    workspaceActive: true,
    status: "pending",
    reason: "Starting in sales on Monday",
    createdAt: new Date("2026-03-02T10:00:00Z"),
    requester: { id: "r1", name: "Rita Requester", slackUserId: "UREQ" },
    person: { id: "p1", name: "Per Person", slackUserId: "UPER", usageLocation: "CN" },
    product: { id: "o1", key: "office", name: "Office 365 Small Business Premium" },
    seats: seatUsage(10, 4),
    provisioned: [plan(1, "Exchange Online"), plan(2, "SharePoint Online")],
    skipped: [{ ...plan(3, "Lync Online"), reason: "UNAVAILABLE_IN_LOCATION", location: "CN" }],
    decision: null,
    ...over,
  };
}

/** A request whose every text is as long as people and catalogs can make it. */
function huge(over: Partial<RequestSummary> = {}): RequestSummary {
  return summary({
    reason: long("Because", 1000),
    requester: { id: "r1", name: long("Requester"), slackUserId: "UREQ" },
    person: { id: "p1", name: long("Person"), slackUserId: "UPER", usageLocation: "CN" },
    product: { id: "o1", key: "office", name: long("Product") },
    provisioned: Array.from({ length: 300 }, (_, i) => plan(i, long(`Service ${i}`))),
    skipped: Array.from({ length: 300 }, (_, i) => ({
      ...plan(i, long(`Skipped ${i}`)),
      reason: "UNAVAILABLE_IN_LOCATION" as const,
      location: "CN",
    })),
    ...over,
  });
}

const approved = (note: string | null): Partial<RequestSummary> => ({
  status: "approved",
  decision: { by: { name: "Ada Admin", slackUserId: "UADA" }, at: new Date("2026-03-03T08:30:00Z"), note },
});

describe("buildRequestMessage", () => {
  it("shows who asks, for whom, why, what approval turns on and skips, the seats, and both buttons", () => {
    const message = buildRequestMessage(en, summary());
    const text = allText(message);
    expect(text).toContain("<@UREQ> asks for *Office 365 Small Business Premium* for <@UPER>.");
    expect(text).toContain("*Reason:* Starting in sales on Monday");
    expect(text).toContain("*Approving turns on:* Exchange Online, SharePoint Online");
    expect(text).toContain("*Skipped:* Lync Online: not available in their usage location CN.");
    expect(text).toContain("6 of 10 available");
    expect(text).toMatch(/Filed <!date\^1772445600\^\{date_short\} \{time\}\|2 Mar 2026, 10:00 UTC>/);
    const actions = message.blocks.find((b) => b.type === "actions");
    expect(actions).toMatchObject({
      elements: [
        { action_id: ids.request.approveAction, value: REQUEST_ID, style: "primary" },
        { action_id: ids.request.denyAction, value: REQUEST_ID, style: "danger" },
      ],
    });
  });

  it("once decided has no buttons and says who decided and when, in each reader's time zone", () => {
    const message = buildRequestMessage(en, summary(approved("Welcome aboard")));
    expect(message.blocks.some((b) => b.type === "actions")).toBe(false);
    const text = allText(message);
    expect(text).toContain(
      "Approved by <@UADA> at <!date^1772526600^{date_short} {time}|3 Mar 2026, 08:30 UTC>.",
    );
    expect(text).toContain("*Note:* Welcome aboard");
    const denied = allText(buildRequestMessage(en, summary({ ...approved("No budget"), status: "denied" })));
    expect(denied).toContain("Denied by <@UADA>");
    expect(denied).toContain("*Reason:* No budget");
  });

  it("says when someone asks for themselves, when no reason was given, and when no location is known", () => {
    const text = allText(
      buildRequestMessage(
        en,
        summary({
          reason: "",
          person: { id: "r1", name: "Rita", slackUserId: "UREQ", usageLocation: null },
          provisioned: [],
          skipped: [],
        }),
      ),
    );
    expect(text).toContain("<@UREQ> asks for *Office 365 Small Business Premium*.");
    expect(text).toContain("No reason given");
    expect(text).toContain("No usage location");
  });

  it("escapes what people typed, so a reason cannot mention @channel or forge a link", () => {
    const text = allText(
      buildRequestMessage(en, summary({ reason: "<!channel> <https://evil|click> & more" })),
    );
    expect(text).toContain("&lt;!channel&gt; &lt;https://evil|click&gt; &amp; more");
    expect(text).not.toContain("<!channel>");
  });

  it("holds Slack's limits for 200-character names, a 1000-character reason and 300 services", () => {
    for (const request of [huge(), huge(approved(long("Note", 1000)))]) {
      const message = buildRequestMessage(en, request);
      expectWithinMessageLimits(message);
      expect(blockKitProblems("message", message)).toEqual([]);
      const text = allText(message);
      expect(moreCount(text)).toBeGreaterThan(0);
    }
  });
});

describe("buildDecisionModal", () => {
  const meta = { workspaceId: "T1", requestId: REQUEST_ID };

  it("approving: an optional note, the seats left and what will be provisioned", () => {
    const view = buildDecisionModal(en, summary(), "approve", meta);
    const all = JSON.stringify(view.blocks);
    expect(view).toMatchObject({
      callback_id: ids.requestDecision.approveCallbackId,
      submit: { text: "Approve" },
      private_metadata: JSON.stringify(meta),
    });
    expect(all).toContain("6 of 10 available");
    expect(all).toContain("*Approving turns on:* Exchange Online, SharePoint Online");
    expect(view.blocks.at(-1)).toMatchObject({ block_id: ids.requestDecision.noteBlock, optional: true });
    expect(all).not.toContain("No seats are left");
  });

  it("approving with no seat left warns that it will fail", () => {
    const view = buildDecisionModal(en, summary({ seats: seatUsage(10, 10) }), "approve", meta);
    expect(JSON.stringify(view.blocks)).toContain("No seats are left");
  });

  it("denying requires a reason", () => {
    const view = buildDecisionModal(en, summary(), "deny", meta);
    expect(view).toMatchObject({ callback_id: ids.requestDecision.denyCallbackId, submit: { text: "Deny" } });
    expect(view.blocks.at(-1)).toMatchObject({ block_id: ids.requestDecision.noteBlock, optional: false });
  });

  it("holds Slack's modal limits for the largest data", () => {
    for (const decision of ["approve", "deny"] as const) {
      const view = buildDecisionModal(en, huge({ seats: seatUsage(10, 10) }), decision, meta);
      expect(blockKitProblems("modal", view)).toEqual([]);
    }
  });
});

describe("buildRequestOutcomeMessage", () => {
  it("tells the requester the outcome, by whom, the note and what was turned on", () => {
    const text = allText(
      buildRequestOutcomeMessage(en, summary(approved("Enjoy")), { turnedOn: ["Exchange Online"] }),
    );
    expect(text).toContain(
      "Your request for *Office 365 Small Business Premium* for <@UPER> was approved by <@UADA>.",
    );
    expect(text).toContain("*Note:* Enjoy");
    expect(text).toContain("Turned on: Exchange Online.");
  });

  it("gives the reason of a denial", () => {
    const message = buildRequestOutcomeMessage(
      en,
      summary({ ...approved("No budget this year"), status: "denied" }),
      {
        turnedOn: null,
      },
    );
    expect(allText(message)).toContain("was denied by <@UADA>");
    expect(allText(message)).toContain("*Reason:* No budget this year");
  });

  it("holds Slack's limits for the largest data", () => {
    const request = huge(approved(long("Note", 1000)));
    const message = buildRequestOutcomeMessage(en, request, {
      turnedOn: request.provisioned.map((s) => s.name),
    });
    expectWithinMessageLimits(message);
    expect(blockKitProblems("message", message)).toEqual([]);
  });
});

describe("alreadyDecidedText", () => {
  it("names who decided and when", () => {
    expect(alreadyDecidedText(en, summary(approved(null)))).toMatch(
      /^That request was already approved by <@UADA> at <!date\^1772526600\^/,
    );
  });
});
