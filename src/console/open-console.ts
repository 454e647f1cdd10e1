import { randomBytes } from "node:crypto";
import type { Database } from "../db/client.ts";
import { withinWorkspace } from "../db/workspace-scope.ts";
import { systemClock } from "../licensing/clock.ts";
import type { LocalGraph } from "../local-graph/local-graph-server.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../local-slack/fake-slack-api.ts";
import { startSlackApp } from "../slack/app.ts";
import { readerCatalog } from "../slack/copy/reader-catalog.ts";
import type { AppLogger } from "../slack/shared/logger.ts";
import { AppActivity } from "./app-activity.ts";
import { ConsoleSession } from "./console-session.ts";
import { connectDemoTenant, demoProductName, disconnectDemoTenant } from "./demo-tenant.ts";
import { DEMO_ADMIN, DEMO_PEOPLE, seedDemoWorkspace } from "./demo-workspace.ts";
import { ConsoleOutput, scriptSource, terminalSource } from "./line-source.ts";
import { LocalSlack } from "./local-slack.ts";
import { dailyJobsRunner } from "./run-jobs.ts";
import { TenantActivity } from "./tenant-activity.ts";
import { words } from "./words.ts";

export interface ConsoleOptions {
  db: Database;
  workspaceId: string;
  /** Where the data lives, for the banner. */
  where: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A script's text: its lines instead of the input's. */
  script?: string;
  /** Where files the app shares (exports) are saved; without it they are only listed. */
  filesDir?: string;
  /**
   * A Graph stand-in to connect the workspace to as its demo Microsoft 365 tenant (`--tenant demo`):
   * changes are then made there, and the console shows what it did after each step.
   */
  tenant?: LocalGraph;
}

/**
 * The real app on the given database, talking to an in-process stand-in for Slack's Web API,
 * with the demo workspace seeded when it is empty; then the console until quit. Returns the exit code.
 */
export async function openLocalConsole(options: ConsoleOptions): Promise<number> {
  const { db, workspaceId } = options;
  const fake = await startFakeSlackApi({
    teamId: workspaceId,
    teamName: "Demo workspace",
    users: [...DEMO_PEOPLE],
  });
  const errors: string[] = [];
  const logger: AppLogger = {
    info: () => {},
    warn: () => {},
    error: (message, context) => {
      const detail = typeof context?.error === "string" ? context.error : "";
      errors.push(detail ? `${message}: ${detail}` : message);
    },
  };
  const signingSecret = randomBytes(24).toString("hex");
  try {
    const seeded = await seedDemoWorkspace(db, systemClock, workspaceId);
    const graph = options.tenant;
    const tenants = graph ? await connectDemoTenant(db, workspaceId, graph) : undefined;
    const disconnected = graph ? false : await disconnectDemoTenant(db, systemClock, workspaceId);
    const tenantActivity = graph ? new TenantActivity(graph, demoProductName) : undefined;
    const running = await startSlackApp(
      { botToken: fake.token, signingSecret, apiUrl: fake.url, port: 0, host: "127.0.0.1" },
      { db, clock: systemClock, logger, ...(tenants ? { tenants } : {}) },
    );
    const activity = new AppActivity(running.inFlight);
    await botTokenChecked(fake);
    const out = new ConsoleOutput(options.output);
    const source =
      options.script === undefined
        ? terminalSource(options.input, options.output, out)
        : scriptSource(options.script, out);
    try {
      out.line(
        words.banner({
          where: options.where,
          workspace: workspaceId,
          seeded,
          user: `@${DEMO_ADMIN.name}`,
          ...(graph ? { tenant: graph.graphUrl } : {}),
        }),
      );
      if (disconnected) out.line(words.demoTenantDisconnected());
      const session = new ConsoleSession({
        local: new LocalSlack(fake, running.url, signingSecret, activity),
        source,
        out,
        runJobs: dailyJobsRunner({ db, logger, fake, workspaceId, ...(tenants ? { tenants } : {}) }),
        appErrors: () => errors.splice(0),
        ...(tenantActivity ? { tenantActivity: () => tenantActivity.since() } : {}),
        actingUserId: DEMO_ADMIN.id,
        catalogOf: (userId) => withinWorkspace(workspaceId, () => readerCatalog(db, workspaceId, userId)),
        ...(options.filesDir === undefined ? {} : { filesDir: options.filesDir }),
      });
      const code = await session.run();
      if (code === 0 && options.script !== undefined) out.line(words.scriptDone());
      return code;
    } finally {
      source.close();
      await running.close();
    }
  } finally {
    await fake.close();
  }
}

/**
 * Bolt checks its token with auth.test as the app starts, without being awaited: wait for it, so
 * that a console closed at once does not close the stand-in under that call.
 */
async function botTokenChecked(fake: FakeSlackApi): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (fake.callsTo("auth.test").length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
}
