/**
 * Overload, on Postgres: `npm run bench:overload`. The app runs as deployed (`src/main.ts` in its own
 * process, default settings); this process sends signed slash commands and plays Slack's Web API.
 *
 *   sustainable  closed loop, BENCH_HTTP_CLIENTS clients: the rate the instance finishes commands
 *                (assigns, and one in ten a remove, whose answer is its modal opening)
 *   overload     open loop at BENCH_OVERLOAD_FACTOR (2) times that rate for BENCH_OVERLOAD_SECONDS (60):
 *                each request's time from its POST to its answer (the reply at its response_url, the
 *                remove's modal opened, or the busy reply in the HTTP answer itself)
 *   after        BENCH_QUIET_SECONDS (60) with no load, then the app's resident memory again
 *
 * Afterwards every assign's reply is checked against the database: "Assigned" with no assignment, or
 * "nothing was changed" with one, is an untrue reply. The last line printed is one JSON object.
 */
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { readFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import { type DatabaseTarget, openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { assignments } from "../src/db/schema/index.ts";
import { asTableOwner } from "../src/db/workspace-scope.ts";
import { upsertPeople } from "../src/licensing/directory/upsert-people.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../src/local-slack/fake-slack-api.ts";
import { postSlashCommand } from "../src/local-slack/signed-requests.ts";
import { en } from "../src/slack/copy/en.ts";
import { type AppProcess, startAppProcess } from "./app-process.ts";
import { seedWorkspace } from "./seed.ts";
import { describeServer, percentiles, readSettings, round, runMain, withScratchDatabase } from "./support.ts";

const SIGNING_SECRET = "bench-signing-secret-0123456789";
const PRODUCTS = 20;
const SEATS = 1_000_000;
const ANSWER_WITHIN_MS = 3000;
/** Past this, a request counts as unanswered. */
const GIVE_UP_MS = 15_000;
const REMOVE_EVERY = 10;
const BUSY = en["busy.try_again"]();
const ASSIGNED = /^Assigned Bench product \d+ to 1 person\.$/;
/** Replies that say the assign happened, and the one that says nothing changed. */
const SAVED = en["failure.applied"]();
const NOTHING_CHANGED = en["error.unexpected"]();

interface Outcome {
  kind: "assign" | "remove";
  ms: number | null;
  busy: boolean;
  reply?: string;
  personId?: string;
}

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  const clients = Number(process.env.BENCH_HTTP_CLIENTS || 16);
  const factor = Number(process.env.BENCH_OVERLOAD_FACTOR || 2);
  const overloadSeconds = Number(process.env.BENCH_OVERLOAD_SECONDS || 60);
  const quietSeconds = Number(process.env.BENCH_QUIET_SECONDS || 60);
  console.log(
    `overload bench on ${describeServer(settings.serverUrl)}: ${clients} clients for the sustainable rate, ` +
      `then ${factor}x it for ${overloadSeconds} s, then ${quietSeconds} s quiet`,
  );
  let app: AppProcess | undefined;
  let fake: FakeSlackApi | undefined;
  let watcher: AnswerWatcher | undefined;
  const handles: { close(): Promise<void> }[] = [];
  return withScratchDatabase(
    settings.serverUrl,
    async (scratch, signal) => {
      const target: DatabaseTarget = { kind: "postgres", url: scratch.url, poolMax: 4 };
      const handle = await openDatabase(target, { unscoped: "all-workspaces" });
      handles.push(handle);
      await migrateDatabase(handle, target);
      fake = await startFakeSlackApi();
      watcher = new AnswerWatcher(fake);
      const workspaceId = fake.teamId;
      const admin = fake.users.add({ id: "UBENCHADMIN", name: "bench-admin", is_admin: true });
      const catalog = await seedWorkspace(handle.db, {
        workspaceId,
        count: PRODUCTS,
        seats: SEATS,
        actor: { userId: "UBENCH", source: "cli" },
      });
      let seeded = 0;
      const seedPeople = async (count: number) => {
        const made: { id: string; slackUserId: string }[] = [];
        for (let start = 0; start < count; start += 5000) {
          const chunk = Array.from({ length: Math.min(5000, count - start) }, () => {
            seeded += 1;
            const slackUserId = `UM${String(seeded).padStart(8, "0")}`;
            (fake as FakeSlackApi).users.add({ id: slackUserId, name: `member-${seeded}` });
            return { slackUserId, name: `Bench person ${seeded}`, usageLocation: "SE" };
          });
          made.push(...(await upsertPeople(handle.db, { workspaceId, people: chunk })));
        }
        await asTableOwner(() => handle.db.execute(sql`analyze people`));
        return made;
      };

      app = await startAppProcess("src/main.ts", {
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: fake.token,
        SLACK_API_URL: fake.url,
        DATABASE_URL: scratch.url,
        PORT: "0",
        HOST: "127.0.0.1",
      });
      const running = app;
      const watching = watcher;
      const slack = fake;
      // Removes name people who hold a product; they are never confirmed, so they keep it.
      const holders = await seedPeople(50);
      for (const [i, person] of holders.entries()) {
        const productKey = catalog[i % PRODUCTS]?.key as string;
        await send(`assign <@${person.slackUserId}> ${productKey}`, "assign");
      }

      /** One command; resolves with how and when it was answered. */
      async function send(text: string, kind: Outcome["kind"], personId?: string): Promise<Outcome> {
        const responseUrl = slack.responseUrl();
        const triggerId = slack.issueTriggerId();
        const answer = kind === "assign" ? watching.reply(responseUrl) : watching.modal(triggerId);
        const started = performance.now();
        const http = await postSlashCommand(running.url, SIGNING_SECRET, {
          command: "/license",
          text,
          user_id: admin.id,
          team_id: workspaceId,
          trigger_id: triggerId,
          response_url: responseUrl,
        }).catch(() => undefined);
        const base = { kind, ...(personId ? { personId } : {}) };
        if (http?.status !== 200) {
          watching.cancel(responseUrl, triggerId);
          return { ...base, ms: null, busy: false, reply: `HTTP ${http?.status ?? "failed"}` };
        }
        if ((http.body as { text?: unknown } | null)?.text === BUSY) {
          watching.cancel(responseUrl, triggerId);
          return { ...base, ms: performance.now() - started, busy: true };
        }
        const reply = await Promise.race([answer, sleep(GIVE_UP_MS).then(() => null)]);
        watching.cancel(responseUrl, triggerId);
        if (reply === null) return { ...base, ms: null, busy: false };
        return { ...base, ms: performance.now() - started, busy: reply === BUSY, reply };
      }

      let next = 0;
      const people: { id: string; slackUserId: string }[] = [];
      const oneRequest = (): Promise<Outcome> => {
        const i = next++;
        if (i % REMOVE_EVERY === REMOVE_EVERY - 1) {
          const holder = holders[i % holders.length] as { slackUserId: string };
          return send(
            `remove <@${holder.slackUserId}> ${catalog[(i % holders.length) % PRODUCTS]?.key}`,
            "remove",
          );
        }
        const person = people[i];
        if (!person) throw new Error("ran out of people");
        return send(`assign <@${person.slackUserId}> ${catalog[i % PRODUCTS]?.key}`, "assign", person.id);
      };

      // 1. The sustainable rate, closed loop.
      people.push(...(await seedPeople(Math.ceil(400 * settings.seconds) + 2000)));
      const closed: Outcome[] = [];
      const closedStarted = performance.now();
      const closedEnds = closedStarted + settings.seconds * 1000;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() < closedEnds && !signal.aborted) closed.push(await oneRequest());
        }),
      );
      const sustainable = closed.filter((o) => o.ms !== null && !o.busy).length / settings.seconds;
      console.log(
        `sustainable: ${sustainable.toFixed(0)} commands/s (${closed.length} in ${settings.seconds} s)`,
      );
      await sleep(2000);
      const rssBefore = await rssMb(running.pid);

      // 2. Open loop at `factor` times that rate.
      const rate = sustainable * factor;
      const total = Math.floor(rate * overloadSeconds);
      people.push(...(await seedPeople(total + 100)));
      const open: Promise<Outcome>[] = [];
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        void rssMb(running.pid).then((mb) => {
          rssPeak = Math.max(rssPeak, mb);
        });
      }, 1000);
      const t0 = performance.now();
      for (let sent = 0; sent < total && !signal.aborted; sent++) {
        const due = t0 + (sent * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        open.push(oneRequest());
      }
      const outcomes = await Promise.all(open);
      clearInterval(sampler);
      const offeredSeconds = (performance.now() - t0) / 1000;

      // 3. Quiet, then memory again.
      console.log(`load stopped; ${quietSeconds} s quiet`);
      await sleep(quietSeconds * 1000);
      const rssAfter = await rssMb(running.pid);

      const untrue = await untrueReplies(handle.db, outcomes);
      const answered = outcomes.filter((o) => o.ms !== null);
      const within = answered.filter((o) => (o.ms as number) <= ANSWER_WITHIN_MS).length;
      const latency = percentiles(answered.map((o) => o.ms as number));
      const expired = slack.callsTo("views.open").filter((c) => c.error === "expired_trigger_id").length;
      const figures = {
        bench: "overload",
        sustainable_rps: Math.round(sustainable),
        offered_rps: Math.round(total / offeredSeconds),
        sent: outcomes.length,
        answered_within_3s: within,
        answered_later: answered.length - within,
        unanswered: outcomes.length - answered.length,
        busy: outcomes.filter((o) => o.busy).length,
        untrue_replies: untrue,
        expired_trigger_ids: expired,
        p99_ms: round(latency.p99, 1),
        max_ms: round(Math.max(0, ...answered.map((o) => o.ms as number)), 1),
        rss_before_mb: round(rssBefore, 1),
        rss_peak_mb: round(rssPeak, 1),
        rss_after_mb: round(rssAfter, 1),
        rss_after_ratio: round(rssAfter / rssBefore, 3),
      };
      console.log(
        `overload: ${figures.sent} sent at ${figures.offered_rps}/s; ${within} answered within 3 s ` +
          `(${figures.busy} of them busy), ${figures.answered_later} later, ${figures.unanswered} unanswered; ` +
          `p99 ${figures.p99_ms} ms, max ${figures.max_ms} ms; ${expired} expired trigger ids; ${untrue} untrue replies`,
      );
      console.log(
        `memory: ${figures.rss_before_mb} MB before, ${figures.rss_peak_mb} MB at most, ` +
          `${figures.rss_after_mb} MB ${quietSeconds} s after (${((figures.rss_after_ratio - 1) * 100).toFixed(1)} %)`,
      );
      console.log(JSON.stringify(figures));
    },
    async () => {
      watcher?.close();
      await app?.close();
      await fake?.close();
      await Promise.allSettled(handles.map((h) => h.close()));
    },
  );
}

/** Assign replies that contradict the database: "Assigned" with no assignment, "nothing changed" with one. */
async function untrueReplies(
  db: Awaited<ReturnType<typeof openDatabase>>["db"],
  outcomes: Outcome[],
): Promise<number> {
  let untrue = 0;
  for (const o of outcomes) {
    if (o.kind !== "assign" || !o.personId || !o.reply || o.busy) continue;
    const saysAssigned = ASSIGNED.test(o.reply) || o.reply === SAVED;
    const saysNothing = o.reply === NOTHING_CHANGED;
    if (!saysAssigned && !saysNothing) continue;
    const held = await db
      .select({ id: assignments.id })
      .from(assignments)
      .where(eq(assignments.personId, o.personId));
    if (saysAssigned !== held.length > 0) untrue += 1;
  }
  return untrue;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * Tells when Slack's side saw an answer: a reply posted to a response_url (Node's
 * `http.server.response.finish` channel on the fake), or a views.open accepted for a trigger id.
 */
class AnswerWatcher {
  readonly #replies = new Map<string, (text: string) => void>();
  readonly #modals = new Map<string, (text: string) => void>();
  #seenCalls = 0;
  readonly #poller: NodeJS.Timeout;

  constructor(private readonly fake: FakeSlackApi) {
    subscribe("http.server.response.finish", this.#onFinish);
    this.#poller = setInterval(() => this.#scanCalls(), 5);
  }

  reply(url: string): Promise<string> {
    return new Promise((resolve) => this.#replies.set(new URL(url).pathname, resolve));
  }

  modal(triggerId: string): Promise<string> {
    return new Promise((resolve) => this.#modals.set(triggerId, resolve));
  }

  cancel(url: string, triggerId: string): void {
    this.#replies.delete(new URL(url).pathname);
    this.#modals.delete(triggerId);
  }

  close(): void {
    unsubscribe("http.server.response.finish", this.#onFinish);
    clearInterval(this.#poller);
  }

  #scanCalls(): void {
    const { calls } = this.fake;
    for (; this.#seenCalls < calls.length; this.#seenCalls++) {
      const call = calls[this.#seenCalls];
      if (call?.method !== "views.open") continue;
      const resolve = this.#modals.get(String(call.args.trigger_id));
      resolve?.(call.error ? `views.open: ${call.error}` : "modal opened");
    }
  }

  readonly #onFinish = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    const resolve = request.url ? this.#replies.get(request.url) : undefined;
    if (!resolve || !request.url) return;
    const [body] = this.fake.responses(`http://fake${request.url}`);
    resolve(String((body as { text?: unknown } | undefined)?.text ?? ""));
  };
}

runMain(main);
