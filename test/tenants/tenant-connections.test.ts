import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, tenantConnections } from "../../src/db/schema/index.ts";
import { type LocalGraph, startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { createTokenCipher } from "../../src/secrets/token-cipher.ts";
import { connectTenant } from "../../src/tenants/connect-tenant.ts";
import { disconnectTenant } from "../../src/tenants/disconnect-tenant.ts";
import { createTenantConnections } from "../../src/tenants/tenant-connections.ts";
import { smallTenant } from "../graph/demo-tenant-fixture.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture } from "../helpers/factories.ts";

const t = useTestDatabase();
const cipher = createTokenCipher([{ id: "k1", key: randomBytes(32) }]);
let graph: LocalGraph;
beforeAll(async () => {
  graph = await startLocalGraph(smallTenant());
});
afterAll(() => graph.close());

const cloud = () => ({ graphUrl: graph.graphUrl, loginUrl: graph.loginUrl });
const secret = () => graph.app.secrets?.[0] ?? "";
const entered = () => ({
  kind: "entered" as const,
  tenantId: graph.app.tenantId,
  clientId: graph.app.clientId,
  secret: secret(),
});

describe("the tenant resolver", () => {
  it("resolves no tenant for a workspace without a connection", async () => {
    const f = await createFixture(t.db);
    const connections = createTenantConnections({ db: t.appDb, cloud: cloud(), cipher });
    expect(await connections.resolve(f.workspaceId)).toBeNull();
  });

  it("opens the stored secret with the cipher and signs in with it; the client is kept until the connection changes", async () => {
    const f = await createFixture(t.db);
    const connections = createTenantConnections({ db: t.appDb, cloud: cloud(), cipher });
    const connected = await connectTenant(t.db, f.clock, connections, {
      workspaceId: f.workspaceId,
      actor: admin,
      app: entered(),
    });
    expect(connected).toMatchObject({ ok: true, method: "stored_secret", products: 2 });
    const [row] = await t.db
      .select()
      .from(tenantConnections)
      .where(eq(tenantConnections.workspaceId, f.workspaceId));
    expect(row?.clientSecretEncrypted).toMatch(/^v1:k1:/);
    expect(row?.clientSecretEncrypted).not.toContain(secret());

    const tenant = await connections.resolve(f.workspaceId);
    expect(tenant?.kind).toBe("microsoft365");
    const issued = graph.signIn.issued;
    expect((await tenant?.readProducts())?.map((p) => p.partNumber).sort()).toEqual(
      (await graph.tenant.skuList()).map((s) => s.skuPartNumber).sort(),
    );
    // The same client (its token cache with it) while the row says the same thing.
    expect(await connections.resolve(f.workspaceId)).toBe(tenant);
    await tenant?.readPeople();
    expect(graph.signIn.issued).toBe(issued + 1);

    // Connected again (a new secret, the same app): another client; disconnected: no tenant.
    f.clock.advanceDays(1);
    await connectTenant(t.db, f.clock, connections, {
      workspaceId: f.workspaceId,
      actor: admin,
      app: entered(),
    });
    expect(await connections.resolve(f.workspaceId)).not.toBe(tenant);
    expect(await disconnectTenant(t.db, f.clock, { workspaceId: f.workspaceId, actor: admin })).toMatchObject(
      {
        ok: true,
      },
    );
    expect(await connections.resolve(f.workspaceId)).toBeNull();
  });

  it("signs in with the M365_* settings for a workspace connected with them: no secret stored", async () => {
    const f = await createFixture(t.db);
    const connections = createTenantConnections({
      db: t.appDb,
      cloud: cloud(),
      settings: {
        tenantId: graph.app.tenantId,
        clientId: graph.app.clientId,
        credential: { kind: "secret", secret: secret() },
        ...cloud(),
      },
    });
    const connected = await connectTenant(t.db, f.clock, connections, {
      workspaceId: f.workspaceId,
      actor: admin,
      app: { kind: "settings" },
    });
    expect(connected).toMatchObject({ ok: true, method: "settings_secret", tenantId: graph.app.tenantId });
    const [row] = await t.db
      .select()
      .from(tenantConnections)
      .where(eq(tenantConnections.workspaceId, f.workspaceId));
    expect(row?.clientSecretEncrypted).toBeNull();
    const tenant = await connections.resolve(f.workspaceId);
    expect((await tenant?.readProducts())?.length).toBe(2);
    // Without a cipher, a typed secret cannot be kept: refused before anything reaches the tenant.
    const issued = graph.signIn.issued;
    expect(
      await connectTenant(t.db, f.clock, connections, {
        workspaceId: f.workspaceId,
        actor: admin,
        app: entered(),
      }),
    ).toMatchObject({ ok: false, code: "SECRET_NOT_STORABLE" });
    expect(graph.signIn.issued).toBe(issued);
  });
});

describe("connecting a tenant", () => {
  it("refuses a wrong secret, an unknown tenant and a missing permission in words, storing nothing", async () => {
    const f = await createFixture(t.db);
    const connections = createTenantConnections({ db: t.appDb, cloud: cloud(), cipher });
    const connect = (app: Partial<ReturnType<typeof entered>>) =>
      connectTenant(t.db, f.clock, connections, {
        workspaceId: f.workspaceId,
        actor: admin,
        app: { ...entered(), ...app },
      });
    expect(await connect({ secret: "not-the-secret" })).toMatchObject({
      ok: false,
      code: "TENANT_NOT_PROVEN",
      problem: "wrong_secret",
      tenantMessage: expect.stringContaining("AADSTS7000215"),
    });
    expect(await connect({ tenantId: "fabrikam.onmicrosoft.com" })).toMatchObject({
      code: "TENANT_NOT_PROVEN",
      problem: "unknown_tenant",
    });
    expect(await connect({ clientId: "not a guid" })).toMatchObject({
      code: "INVALID_TENANT_APP",
      fields: ["clientId"],
    });
    const rows = await t.db
      .select()
      .from(tenantConnections)
      .where(eq(tenantConnections.workspaceId, f.workspaceId));
    expect(rows).toEqual([]);
  });

  it("names the permission an app lacks", async () => {
    const lacking = await startLocalGraph({
      ...smallTenant(),
      app: { roles: ["LicenseAssignment.ReadWrite.All"] },
    });
    try {
      const f = await createFixture(t.db);
      const connections = createTenantConnections({
        db: t.appDb,
        cloud: { graphUrl: lacking.graphUrl, loginUrl: lacking.loginUrl },
        cipher,
      });
      expect(
        await connectTenant(t.db, f.clock, connections, {
          workspaceId: f.workspaceId,
          actor: admin,
          app: {
            kind: "entered",
            tenantId: lacking.app.tenantId,
            clientId: lacking.app.clientId,
            secret: lacking.app.secrets?.[0] ?? "",
          },
        }),
      ).toMatchObject({
        ok: false,
        code: "TENANT_NOT_PROVEN",
        problem: "permission_missing",
        missing: ["User.Read.All"],
      });
    } finally {
      await lacking.close();
    }
  });

  it("refuses a member before anything is sent to the tenant, and records the refusal", async () => {
    const f = await createFixture(t.db);
    await f.addPerson({ slackUserId: "UMEMBER", name: "Member" });
    // Every request the connections send, sign-in included, goes through this fetch.
    const sent: string[] = [];
    const counting: typeof fetch = (input, init) => {
      sent.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const connections = createTenantConnections({ db: t.appDb, cloud: cloud(), cipher, fetch: counting });
    const member = { userId: "UMEMBER", source: "command" as const };
    expect(
      await connectTenant(t.db, f.clock, connections, {
        workspaceId: f.workspaceId,
        actor: member,
        app: entered(),
      }),
    ).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
    expect(
      await disconnectTenant(t.db, f.clock, { workspaceId: f.workspaceId, actor: member }),
    ).toMatchObject({
      code: "NOT_ALLOWED",
    });
    expect(sent).toEqual([]);
    // The same fetch does carry an admin's attempt: the check above would see one.
    await connectTenant(t.db, f.clock, connections, {
      workspaceId: f.workspaceId,
      actor: admin,
      app: entered(),
    });
    expect(sent.length).toBeGreaterThan(0);
    const refusals = await t.db.select().from(auditLog).where(eq(auditLog.workspaceId, f.workspaceId));
    expect(
      refusals.filter((r) => r.action === "refused").map((r) => (r.after as { attempted: string }).attempted),
    ).toEqual(["connect-tenant", "disconnect-tenant"]);
  });
});
