import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, auditLog, licenseRequests } from "../../../src/db/schema/index.ts";
import { type Actor, systemActor } from "../../../src/licensing/actor.ts";
import { setGrantedAdmin } from "../../../src/licensing/directory/set-granted-admin.ts";
import { cancelRequest } from "../../../src/licensing/requests/cancel-request.ts";
import { decideRequest } from "../../../src/licensing/requests/decide-request.ts";
import { expireRequests } from "../../../src/licensing/requests/expire-requests.ts";
import { fileRequest } from "../../../src/licensing/requests/file-request.ts";
import { useTestDatabase } from "../../helpers/database.ts";
import { createFixture, singleProductCatalog } from "../../helpers/factories.ts";

const t = useTestDatabase({ poolMax: 8 });

const as = (userId: string, source: Actor["source"] = "button"): Actor => ({ userId, source });

async function workspaceWithPeople(seats = 3) {
  const f = await createFixture(t.db, { catalog: singleProductCatalog(seats) });
  const [member, other] = await f.addPeople([
    { slackUserId: "UMEMBER", name: "Member" },
    { slackUserId: "UOTHER", name: "Other" },
    { slackUserId: "UADMIN1", name: "Admin One", isSlackAdmin: true },
    { slackUserId: "UADMIN2", name: "Admin Two", isSlackAdmin: true },
  ]);
  const productId = await f.productId("mail");
  return { f, member: member as string, other: other as string, productId };
}

describe("fileRequest", () => {
  it("files one pending request per person and product, for oneself or someone else", async () => {
    const { f, other, productId } = await workspaceWithPeople();
    const base = { workspaceId: f.workspaceId, productId, actor: as("UMEMBER", "command") };
    const own = await fileRequest(t.db, f.clock, { ...base, reason: "  I need mail  " });
    expect(own).toMatchObject({ ok: true, expiresAt: new Date("2026-04-01T10:00:00Z") });
    if (!own.ok) throw new Error("unreachable");
    expect(await fileRequest(t.db, f.clock, { ...base, reason: "again" })).toMatchObject({
      ok: false,
      code: "DUPLICATE_REQUEST",
      product: { id: productId },
      requestId: own.requestId,
    });
    expect(
      await fileRequest(t.db, f.clock, { ...base, personId: other, reason: "for a colleague" }),
    ).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(licenseRequests).where(eq(licenseRequests.id, own.requestId));
    expect(row).toMatchObject({ status: "pending", reason: "I need mail" });
  });

  it("refuses strangers, unknown products and people who already hold the product", async () => {
    const { f, productId } = await workspaceWithPeople();
    const base = { workspaceId: f.workspaceId, productId, reason: "" };
    expect(await fileRequest(t.db, f.clock, { ...base, actor: as("USTRANGER") })).toEqual({
      ok: false,
      code: "UNKNOWN_PERSON",
    });
    expect(await fileRequest(t.db, f.clock, { ...base, productId: "x", actor: as("UMEMBER") })).toEqual({
      ok: false,
      code: "UNKNOWN_PRODUCT",
    });
    const filed = await fileRequest(t.db, f.clock, { ...base, actor: as("UMEMBER") });
    if (!filed.ok) throw new Error(filed.code);
    await decideRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      requestId: filed.requestId,
      decision: "approve",
      actor: as("UADMIN1"),
    });
    expect(await fileRequest(t.db, f.clock, { ...base, actor: as("UMEMBER") })).toMatchObject({
      ok: false,
      code: "ALREADY_ASSIGNED",
      product: { id: productId },
    });
  });
});

describe("fileRequest: only when someone else could decide it", () => {
  const filedRequests = async (workspaceId: string) =>
    t.db.select().from(licenseRequests).where(eq(licenseRequests.workspaceId, workspaceId));
  const refusals = async (workspaceId: string) =>
    (await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, workspaceId)))
      .filter((a) => a.action === "refused")
      .map((a) => [a.actor, a.after]);

  it("refuses an admin, who assigns instead, and records the attempt", async () => {
    const { f, other, productId } = await workspaceWithPeople();
    const base = { workspaceId: f.workspaceId, productId, reason: "", actor: as("UADMIN1", "command") };
    expect(await fileRequest(t.db, f.clock, base)).toMatchObject({
      ok: false,
      code: "REQUESTER_ADMINISTERS",
      product: { id: productId },
    });
    expect(await fileRequest(t.db, f.clock, { ...base, personId: other })).toMatchObject({
      ok: false,
      code: "REQUESTER_ADMINISTERS",
    });
    expect(await filedRequests(f.workspaceId)).toEqual([]);
    expect(await refusals(f.workspaceId)).toEqual([
      ["UADMIN1", { attempted: "file-request", reason: "REQUESTER_ADMINISTERS" }],
      ["UADMIN1", { attempted: "file-request", reason: "REQUESTER_ADMINISTERS" }],
    ]);
  });

  it("creates no request when no one administers licenses, a deactivated admin counting for no one", async () => {
    const f = await createFixture(t.db, { catalog: singleProductCatalog(3) });
    await f.addPeople([
      { slackUserId: "UMEMBER", name: "Member" },
      // The fixture's only admin, deactivated.
      { slackUserId: "UADMIN", name: "Fixture Admin", isSlackAdmin: true, active: false },
    ]);
    const productId = await f.productId("mail");
    const base = { workspaceId: f.workspaceId, productId, reason: "", actor: as("UMEMBER", "command") };
    expect(await fileRequest(t.db, f.clock, base)).toEqual({ ok: false, code: "NO_APPROVER" });
    expect(await filedRequests(f.workspaceId)).toEqual([]);
    expect(await refusals(f.workspaceId)).toEqual([
      ["UMEMBER", { attempted: "file-request", reason: "NO_APPROVER" }],
    ]);
  });
});

describe("fileRequest: the reason", () => {
  it("stores 999 letters and an emoji whole, and refuses one character more, naming the limit", async () => {
    const { f, other, productId } = await workspaceWithPeople();
    const base = { workspaceId: f.workspaceId, productId, actor: as("UMEMBER", "command") };
    const reason = `${"a".repeat(999)}🎉`;
    const filed = await fileRequest(t.db, f.clock, { ...base, reason });
    if (!filed.ok) throw new Error(filed.code);
    const [row] = await t.db.select().from(licenseRequests).where(eq(licenseRequests.id, filed.requestId));
    expect(row?.reason).toBe(reason);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, filed.requestId));
    expect(audit?.after).toMatchObject({ reason });

    const over = await fileRequest(t.db, f.clock, { ...base, personId: other, reason: `a${reason}` });
    expect(over).toEqual({ ok: false, code: "REASON_TOO_LONG", max: 1000 });
    const filedHere = await t.db
      .select()
      .from(licenseRequests)
      .where(eq(licenseRequests.workspaceId, f.workspaceId));
    expect(filedHere).toHaveLength(1);
  });

  it("stores half an emoji on its own as U+FFFD, and an override as typed", async () => {
    const { f, productId } = await workspaceWithPeople();
    const filed = await fileRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId,
      actor: as("UMEMBER"),
      reason: "\u202Egnp.exe\u202C \uD83C",
    });
    if (!filed.ok) throw new Error(filed.code);
    const [row] = await t.db.select().from(licenseRequests).where(eq(licenseRequests.id, filed.requestId));
    expect(row?.reason).toBe("\u202Egnp.exe\u202C \uFFFD");
  });
});

describe("decideRequest", () => {
  it("approving assigns in the same transaction; a second admin learns who decided", async () => {
    const { f, member, productId } = await workspaceWithPeople();
    const filed = await fileRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId,
      reason: "r",
      actor: as("UMEMBER"),
    });
    if (!filed.ok) throw new Error(filed.code);
    const decide = (userId: string, decision: "approve" | "deny") =>
      decideRequest(t.db, f.clock, {
        workspaceId: f.workspaceId,
        requestId: filed.requestId,
        decision,
        note: "ok",
        actor: as(userId),
      });
    const [one, two] = await Promise.all([decide("UADMIN1", "approve"), decide("UADMIN2", "deny")]);
    const winners = [one, two].filter((r) => r.ok);
    const losers = [one, two].filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toMatchObject([
      { code: "ALREADY_DECIDED", decidedBy: { slackUserId: expect.stringMatching(/^UADMIN[12]$/) } },
    ]);
    const held = await t.db.select().from(assignments).where(eq(assignments.personId, member));
    expect(held).toHaveLength(winners[0]?.ok && winners[0].status === "approved" ? 1 : 0);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(audit.filter((a) => a.action === "request.decision_refused")).toMatchObject([
      { after: { refused: "ALREADY_DECIDED" } },
    ]);
  });

  it("refuses non-admins and the requester, audits the attempt, and changes nothing", async () => {
    const { f, member, productId } = await workspaceWithPeople();
    const filed = await fileRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId,
      reason: "r",
      actor: as("UMEMBER"),
    });
    if (!filed.ok) throw new Error(filed.code);
    // An admin files no request; one who became an admin after filing still cannot decide it.
    const granted = { workspaceId: f.workspaceId, personId: member, granted: true, actor: as("UADMIN2") };
    expect(await setGrantedAdmin(t.db, f.clock, granted)).toMatchObject({ ok: true });
    const decide = (userId: string) =>
      decideRequest(t.db, f.clock, {
        workspaceId: f.workspaceId,
        requestId: filed.requestId,
        decision: "approve",
        actor: as(userId),
      });
    expect(await decide("UOTHER")).toEqual({ ok: false, code: "NOT_ALLOWED" });
    expect(await decide("UNOBODY")).toEqual({ ok: false, code: "NOT_ALLOWED" });
    expect(await decide("UMEMBER")).toEqual({ ok: false, code: "OWN_REQUEST" });
    expect(
      await decideRequest(t.db, f.clock, {
        workspaceId: f.workspaceId,
        requestId: "forged",
        decision: "approve",
        actor: as("UADMIN2"),
      }),
    ).toEqual({ ok: false, code: "UNKNOWN_REQUEST" });
    const [row] = await t.db.select().from(licenseRequests).where(eq(licenseRequests.id, filed.requestId));
    expect(row?.status).toBe("pending");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(
      audit
        .filter((a) => a.action === "request.decision_refused")
        .map((a) => [a.actor, (a.after as { refused: string }).refused]),
    ).toEqual([
      ["UOTHER", "NOT_ALLOWED"],
      ["UNOBODY", "NOT_ALLOWED"],
      ["UMEMBER", "OWN_REQUEST"],
      ["UADMIN2", "UNKNOWN_REQUEST"],
    ]);
  });

  it("without a free seat the request stays pending and the approver is told", async () => {
    const { f, productId } = await workspaceWithPeople(0);
    const filed = await fileRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId,
      reason: "r",
      actor: as("UMEMBER"),
    });
    if (!filed.ok) throw new Error(filed.code);
    const result = await decideRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      requestId: filed.requestId,
      decision: "approve",
      actor: as("UADMIN1"),
    });
    expect(result).toMatchObject({ ok: false, code: "NO_SEATS_LEFT", requestStillPending: true });
    const [row] = await t.db.select().from(licenseRequests).where(eq(licenseRequests.id, filed.requestId));
    expect(row?.status).toBe("pending");
  });

  it("denying needs a reason", async () => {
    const { f, productId } = await workspaceWithPeople();
    const filed = await fileRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId,
      reason: "r",
      actor: as("UMEMBER"),
    });
    if (!filed.ok) throw new Error(filed.code);
    const deny = (note?: string) =>
      decideRequest(t.db, f.clock, {
        workspaceId: f.workspaceId,
        requestId: filed.requestId,
        decision: "deny",
        note,
        actor: as("UADMIN1"),
      });
    expect(await deny("   ")).toEqual({ ok: false, code: "REASON_REQUIRED" });
    // A note over the limit is refused with the limit, never cut: the request stays pending.
    expect(await deny("n".repeat(1001))).toEqual({
      ok: false,
      code: "TEXT_TOO_LONG",
      field: "note",
      max: 1000,
    });
    const [pending] = await t.db
      .select()
      .from(licenseRequests)
      .where(eq(licenseRequests.id, filed.requestId));
    expect(pending).toMatchObject({ status: "pending", decisionNote: null });
    expect(await deny("Budget is spent")).toMatchObject({ ok: true, status: "denied", assignment: null });
    const [row] = await t.db.select().from(licenseRequests).where(eq(licenseRequests.id, filed.requestId));
    expect(row).toMatchObject({ status: "denied", decisionNote: "Budget is spent" });
  });
});

describe("cancelRequest and expireRequests", () => {
  it("only the requester cancels; pending requests expire after 30 days", async () => {
    const { f, productId, other } = await workspaceWithPeople();
    const mine = await fileRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId,
      reason: "",
      actor: as("UMEMBER"),
    });
    const theirs = await fileRequest(t.db, f.clock, {
      workspaceId: f.workspaceId,
      productId,
      personId: other,
      reason: "",
      actor: as("UMEMBER"),
    });
    if (!mine.ok || !theirs.ok) throw new Error("filing failed");
    expect(
      await cancelRequest(t.db, f.clock, {
        workspaceId: f.workspaceId,
        requestId: mine.requestId,
        actor: as("UOTHER"),
      }),
    ).toEqual({
      ok: false,
      code: "NOT_ALLOWED",
    });
    expect(
      await cancelRequest(t.db, f.clock, {
        workspaceId: f.workspaceId,
        requestId: mine.requestId,
        actor: as("UMEMBER"),
      }),
    ).toMatchObject({
      ok: true,
    });
    f.clock.advanceDays(29);
    expect(
      (await expireRequests(t.db, f.clock, { workspaceId: f.workspaceId, actor: systemActor("job") }))
        .expired,
    ).toEqual([]);
    f.clock.advanceDays(1);
    const expired = await expireRequests(t.db, f.clock, {
      workspaceId: f.workspaceId,
      actor: systemActor("job"),
    });
    expect(expired.expired.map((e) => e.requestId)).toEqual([theirs.requestId]);
    expect(
      (await expireRequests(t.db, f.clock, { workspaceId: f.workspaceId, actor: systemActor("job") }))
        .expired,
    ).toEqual([]);
  });
});
