import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jobRuns, tenantConnections } from "../../src/db/schema/index.ts";
import { postgresRunCoordinator } from "../../src/jobs/postgres-run-coordinator.ts";
import { runDueTenantSyncs } from "../../src/jobs/run-due-tenant-syncs.ts";
import { type LocalGraph, startLocalGraph } from "../../src/local-graph/local-graph-server.ts";
import { connectMicrosoft365 } from "../../src/tenants/microsoft365/connect-microsoft365.ts";
import { shippedServicePlans } from "../../src/tenants/microsoft365/shipped-service-plans.ts";
import { smallTenant } from "../graph/demo-tenant-fixture.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { admin, createFixture, singleProductCatalog } from "../helpers/factories.ts";

const t = useTestDatabase();
let graph: LocalGraph;
beforeAll(async () => {
  graph = await startLocalGraph(smallTenant());
});
afterAll(() => graph?.close());

it("syncs each connected workspace once per hour across two runners, and leaves the others alone", async () => {
  const connected = await createFixture(t.db, { catalog: singleProductCatalog(1, "local") });
  const alone = await createFixture(t.db, { catalog: singleProductCatalog(1, "local") });
  await t.db.insert(tenantConnections).values({
    workspaceId: connected.workspaceId,
    tenantId: graph.app.tenantId,
    connectedBy: admin.userId,
    connectedAt: connected.clock.now(),
  });
  const clock = connected.clock;
  clock.set("2026-06-01T11:05:00Z");
  const tenant = connectMicrosoft365({
    tenantId: graph.app.tenantId,
    clientId: graph.app.clientId,
    credential: { kind: "secret", secret: graph.app.secrets?.[0] ?? "" },
    graphUrl: graph.graphUrl,
    loginUrl: graph.loginUrl,
  });
  const asked: string[] = [];
  const runner = (instance: string) => {
    const coordinator = postgresRunCoordinator(t.appDb, clock, instance);
    const tenants = async (workspaceId: string) => {
      asked.push(workspaceId);
      return tenant;
    };
    return () =>
      runDueTenantSyncs(
        t.appDb,
        clock,
        coordinator,
        { tenants, plans: shippedServicePlans },
        new AbortController().signal,
      );
  };
  const [one, two] = [runner("one"), runner("two")];

  const both = await Promise.all([one(), two()]);
  expect(both.flatMap((r) => r.synced)).toEqual([
    { workspaceId: connected.workspaceId, hour: "2026-06-01T11" },
  ]);
  expect(both.flatMap((r) => [...r.failed, ...r.crashed])).toEqual([]);
  expect(asked).toEqual([connected.workspaceId]);
  const [connection] = await t.db
    .select()
    .from(tenantConnections)
    .where(eq(tenantConnections.workspaceId, connected.workspaceId));
  expect(connection?.lastSyncAt).toEqual(clock.now());

  clock.set("2026-06-01T11:55:00Z");
  expect((await Promise.all([one(), two()])).flatMap((r) => r.synced)).toEqual([]);

  clock.set("2026-06-01T12:00:00Z");
  const next = await Promise.all([two(), one()]);
  expect(next.flatMap((r) => r.synced)).toEqual([
    { workspaceId: connected.workspaceId, hour: "2026-06-01T12" },
  ]);
  expect(asked).not.toContain(alone.workspaceId);
  const claims = await t.db
    .select()
    .from(jobRuns)
    .where(like(jobRuns.key, `tenant-sync:${connected.workspaceId}:%`));
  expect(claims.map((c) => [c.key, c.finishedAt instanceof Date]).sort()).toEqual([
    [`tenant-sync:${connected.workspaceId}:2026-06-01T11`, true],
    [`tenant-sync:${connected.workspaceId}:2026-06-01T12`, true],
  ]);
});
