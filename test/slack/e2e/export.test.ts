import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people } from "../../../src/db/schema/index.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { removeProduct } from "../../../src/licensing/remove-product.ts";
import { useRunningSlackApp } from "../../helpers/slack/running-app.ts";

const app = useRunningSlackApp();

/** RFC 4180 records, enough to read the export back: quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  return records;
}

async function setUp() {
  await app.exampleWorkspace();
  return {
    admin: app.fake.users.add({ name: "admin", is_admin: true }),
    member: app.fake.users.add({
      name: "evil",
      real_name: '=HYPERLINK("x", "a, b")',
      profile: { display_name: '=HYPERLINK("x", "a, b")' },
    }),
  };
}

describe("/license export", () => {
  it("uploads four CSV files to the admin's direct messages, quoted and safe to open", async () => {
    const { admin, member } = await setUp();
    const { productId } = await app.exampleWorkspace();
    await app.command(admin.id, `assign <@${member.id}> exchange`);
    await app.command(admin.id, `assign <@${member.id}> lync`);
    const [person] = await app.db.select().from(people).where(eq(people.slackUserId, member.id));
    const removed = await removeProduct(app.db, systemClock, {
      workspaceId: app.teamId,
      personId: person?.id as string,
      productId: productId("lync-p2"),
      actor: { userId: admin.id, source: "modal" },
    });
    expect(removed.ok).toBe(true);
    const before = app.fake.files.completed().length;
    const { replies } = await app.command(admin.id, "export", { waitForReplies: 2 });
    expect(replies[0]?.text).toContain("Preparing the export");
    expect(replies[1]?.text).toMatch(
      /Sent the export as a direct message\. Rows: seats \d+, assignments \d+/,
    );
    const files = app.fake.files.completed().slice(before);
    expect(files.map((f) => f.filename.replace(/-\d{4}-\d\d-\d\d\.csv$/, ""))).toEqual([
      "license-desk-seats",
      "license-desk-assignments",
      "license-desk-restore-windows",
      "license-desk-audit-log",
    ]);
    for (const file of files) {
      expect(file.completed?.channel).toBe(`D${admin.id.slice(1)}`);
      expect(file.bytes?.length).toBe(file.length);
    }
    const csv = (i: number) => parseCsv(files[i]?.bytes?.toString("utf8") ?? "");
    const seats = csv(0);
    expect(seats[0]).toEqual([
      "product_key",
      "product_name",
      "purchased",
      "assigned",
      "available",
      "default_for_new_people",
    ]);
    expect(seats.find((r) => r[0] === "exchange-p1")?.slice(2, 5)).toEqual(["10", "1", "9"]);
    const assignments = csv(1);
    const mine = assignments.filter((r) => r[4] === member.id);
    expect(mine.map((r) => r[0])).toEqual(["exchange-p1"]);
    // A formula from a person's name is kept as text, with its quotes and comma intact.
    expect(mine[0]?.[2]).toBe(`'=HYPERLINK("x", "a, b")`);
    expect(files[1]?.bytes?.toString("utf8")).toContain(`"'=HYPERLINK(""x"", ""a, b"")"`);
    const windows = csv(2);
    expect(windows.filter((r) => r[2] === member.id).map((r) => [r[0], r[6]])).toEqual([["lync-p2", "open"]]);
    const audit = csv(3);
    expect(audit[0]?.slice(0, 5)).toEqual(["id", "at", "actor", "source", "action"]);
    expect(audit.filter((r) => r[2] === admin.id).map((r) => r[4])).toEqual(
      expect.arrayContaining(["license.assigned", "license.removed"]),
    );
    expect(JSON.parse(audit.find((r) => r[4] === "license.removed")?.[7] ?? "null")).toMatchObject({
      product: { key: "lync-p2" },
    });
  });

  it("refuses a member and uploads nothing", async () => {
    const { member } = await setUp();
    const before = app.fake.callsTo("files.getUploadURLExternal").length;
    const { replies } = await app.command(member.id, "export");
    expect(replies[0]?.text).toContain("Only license admins");
    expect(app.fake.callsTo("files.getUploadURLExternal")).toHaveLength(before);
  });

  it("says so when Slack refuses the files", async () => {
    const { admin } = await setUp();
    app.fake.failNext("files.completeUploadExternal", "internal_error");
    const { replies } = await app.command(admin.id, "export", { waitForReplies: 2 });
    expect(replies[1]?.text).toContain("Slack did not take the files");
  });
});
