import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../../src/db/client.ts";
import { importCatalog } from "../../../src/licensing/catalog/import-catalog.ts";
import { systemClock } from "../../../src/licensing/clock.ts";
import { ensureWorkspace } from "../../../src/licensing/directory/ensure-workspace.ts";
import { getSeatUsage } from "../../../src/licensing/get-seat-usage.ts";
import {
  type FakeSlackApi,
  type FakeSlackApiOptions,
  startFakeSlackApi,
} from "../../../src/local-slack/fake-slack-api.ts";
import { postSlashCommand, type SlackAppResponse } from "../../../src/local-slack/signed-requests.ts";
import { type RunningSlackApp, startSlackApp } from "../../../src/slack/app.ts";
import type { AppLogger } from "../../../src/slack/shared/logger.ts";
import type { TenantConnections } from "../../../src/tenants/tenant-connections.ts";
import type { TenantResolver } from "../../../src/tenants/tenant-port.ts";
import { useTestDatabase } from "../database.ts";
import { exampleCatalog } from "../factories.ts";
import { until } from "../until.ts";

export { until };

export const SIGNING_SECRET = "test-signing-secret-0123456789";

export interface LogEntry {
  level: "info" | "warn" | "error";
  message: string;
  context?: Record<string, unknown>;
}

/**
 * The real app on this file's database, listening on 127.0.0.1, talking to a fake Slack Web API:
 * requests go in signed over HTTP, and what the app sends back is read off the fake.
 */
export function useRunningSlackApp(
  options: {
    approvalsChannel?: string;
    slack?: FakeSlackApiOptions;
    maxInFlight?: number;
    /** The tenant each workspace's licenses live in; left out, License Desk is the record. */
    tenants?: TenantResolver;
    /** Tenant connections on the app's database: deps.tenantConnections, and deps.tenants resolving through them. */
    tenantConnections?: (db: Database) => TenantConnections;
  } = {},
) {
  const { slack, maxInFlight, tenantConnections, ...appOptions } = options;
  const t = useTestDatabase();
  const logs: LogEntry[] = [];
  const logger: AppLogger = {
    info: (message, context) => logs.push({ level: "info", message, context }),
    warn: (message, context) => logs.push({ level: "warn", message, context }),
    error: (message, context) => logs.push({ level: "error", message, context }),
  };
  let fake: FakeSlackApi | undefined;
  let running: RunningSlackApp | undefined;
  beforeAll(async () => {
    fake = await startFakeSlackApi(slack);
    const connections = tenantConnections?.(t.appDb);
    running = await startSlackApp(
      {
        botToken: fake.token,
        signingSecret: SIGNING_SECRET,
        apiUrl: fake.url,
        port: 0,
        host: "127.0.0.1",
        ...(maxInFlight ? { maxInFlight } : {}),
      },
      {
        db: t.appDb,
        clock: systemClock,
        logger,
        ...appOptions,
        ...(connections ? { tenantConnections: connections, tenants: connections.resolve } : {}),
      },
    );
  });
  afterAll(async () => {
    await running?.close();
    await fake?.close();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} starts in beforeAll: use it inside tests`);
    return value;
  };
  const harness = {
    logs,
    logger,
    get db() {
      return t.db;
    },
    /** The strict view the app under test gets, for another instance of it in the same test file. */
    get appDb() {
      return t.appDb;
    },
    get fake() {
      return need(fake, "the fake Slack API");
    },
    get url() {
      return need(running, "the app").url;
    },
    get teamId() {
      return harness.fake.teamId;
    },
    /**
     * Resolves once the app has finished with every request it has received so far: its listeners
     * done, after the ack too, their replies and messages sent. Await the HTTP answers first; then
     * whatever a request was going to do has been done, so a count read afterwards is final.
     */
    settled(): Promise<void> {
      return need(running, "the app").inFlight.idle();
    },
    /** The fake's workspace with the example catalog (once), usage location SE; its products by key. */
    async exampleWorkspace() {
      const workspaceId = harness.teamId;
      await ensureWorkspace(t.db, { id: workspaceId, name: "fake", defaultUsageLocation: "SE" });
      if ((await getSeatUsage(t.db, { workspaceId })).length === 0) {
        await importCatalog(t.db, systemClock, {
          workspaceId,
          catalog: await exampleCatalog(),
          actor: { userId: "system", source: "cli" },
        });
      }
      const products = await getSeatUsage(t.db, { workspaceId });
      return { productId: (key: string) => products.find((p) => p.key === key)?.productId as string };
    },
    /**
     * `/license <text>` as `userId` types it; resolves with the HTTP answer and, once the app has
     * answered through the response_url, the replies it sent there. The same `triggerId` and
     * `responseUrl` again make a redelivery of an earlier command.
     */
    async command(
      userId: string,
      text: string,
      options: { triggerId?: string; responseUrl?: string; waitForReplies?: number } = {},
    ) {
      const responseUrl = options.responseUrl ?? harness.fake.responseUrl();
      const triggerId = options.triggerId ?? harness.fake.issueTriggerId();
      const http: SlackAppResponse = await postSlashCommand(harness.url, SIGNING_SECRET, {
        command: "/license",
        text,
        user_id: userId,
        team_id: harness.teamId,
        trigger_id: triggerId,
        response_url: responseUrl,
      });
      const replies = await until(() => harness.fake.responses(responseUrl), options.waitForReplies ?? 1);
      return { http, replies: replies as { text?: string; blocks?: unknown[] }[], responseUrl, triggerId };
    },
  };
  return harness;
}
