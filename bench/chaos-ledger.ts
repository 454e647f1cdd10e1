import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import type { FakeSlackApi } from "../src/local-slack/fake-slack-api.ts";
import { postSlashCommand } from "../src/local-slack/signed-requests.ts";
import { en } from "../src/slack/copy/en.ts";

/** What a reply to `/license assign <@one> product` tells the person about the database. */
export type Claim = "applied" | "not_applied" | "either";

const SUCCESS = /^Assigned .+ to 1 person\.$/;
const REFUSED = /^Assigned .+ to nobody; 1 person could not get it\.$/;

/** Every reply an assign may get, with what it claims; `whole` is the message as JSON, blocks included. */
const REPLIES: { kind: string; claim: Claim; is(text: string, whole: string): boolean }[] = [
  { kind: "assigned", claim: "applied", is: (text) => SUCCESS.test(text) },
  { kind: "saved after a cut", claim: "applied", is: (text) => text === en["failure.applied"]() },
  // "It may have been applied" is true whatever the database holds.
  { kind: "may have been saved", claim: "either", is: (text) => text === en["failure.unknown"]() },
  { kind: "nothing changed", claim: "not_applied", is: (text) => text === en["error.unexpected"]() },
  { kind: "busy", claim: "not_applied", is: (text) => text === en["busy.try_again"]() },
  // A refusal's reason is in the blocks; the fallback text only counts.
  {
    kind: "no seats left",
    claim: "not_applied",
    is: (text, whole) => REFUSED.test(text) && whole.includes("No seats are left"),
  },
  {
    kind: "already assigned",
    claim: "applied",
    // The refusal names the person and product ("*chaos-7* already has *Bench product 3*").
    is: (text, whole) => REFUSED.test(text) && / already has \*/.test(whole),
  },
];

/** What the bulk modal may end on, once its apply is over. */
const BULK_OUTCOMES: { kind: string; claim: Claim; is(text: string): boolean }[] = [
  { kind: "bulk applied", claim: "applied", is: (text) => text.startsWith("Bulk change applied") },
  { kind: "bulk saved after a cut", claim: "applied", is: (text) => text === en["failure.applied"]() },
  { kind: "bulk may have been saved", claim: "either", is: (text) => text === en["failure.unknown"]() },
  { kind: "bulk nothing changed", claim: "not_applied", is: (text) => text === en["error.unexpected"]() },
];

/** What a reply says and claims, or undefined for words this table does not know (counted apart). */
export function readReply(reply: unknown): { kind: string; claim: Claim } | undefined {
  const text = (reply as { text?: unknown } | null)?.text;
  if (typeof text !== "string") return undefined;
  const whole = JSON.stringify(reply);
  return REPLIES.find((r) => r.is(text, whole));
}

export function claimOf(reply: unknown): Claim | undefined {
  return readReply(reply)?.claim;
}

/** The app process a command went to; `killed` once it got kill -9. */
export interface Target {
  url: string;
  killed: boolean;
}

interface SentAssign {
  target: Target;
  personId: string;
  productId: string;
  responseUrl: string;
  /** A reply in the HTTP answer itself (the busy answer). */
  httpReply?: unknown;
  /** Why the request never got a 200 from the app; Slack shows the person its own error then. */
  undelivered?: string;
  /** No reply came within the timeout (one may still come later). */
  late: boolean;
}

export interface Tally {
  sent: number;
  /** Commands whose reply said success (or already held); "may have been" ones not included. */
  claimedApplied: number;
  /** Replies contradicting the database once the step is over. */
  untrue: number;
  /** Replies this table does not recognise. */
  unrecognized: number;
  /** No reply within the timeout from an instance that was alive. */
  unanswered: number;
  /** No reply (or no answer at all) from an instance killed with -9 while the command was in its hands. */
  unansweredKilled: number;
  /** The HTTP request to a living instance failed or was not answered 200. */
  undelivered: number;
  /** Replies by what they said. */
  kinds: Record<string, number>;
  examples: string[];
}

const emptyTally = (): Tally => ({
  sent: 0,
  claimedApplied: 0,
  untrue: 0,
  unrecognized: 0,
  unanswered: 0,
  unansweredKilled: 0,
  undelivered: 0,
  kinds: {},
  examples: [],
});

const MAX_EXAMPLES = 5;

/**
 * Sends signed `/license assign` commands for one person and one product each, keeps what came
 * back, and judges every reply against the database once the step that sent it is over. A person
 * is never assigned twice, so the database after the step is what each reply spoke about.
 */
export class AssignLedger {
  readonly total: Tally = emptyTally();
  #open: SentAssign[] = [];

  constructor(
    private readonly fake: FakeSlackApi,
    private readonly signingSecret: string,
    private readonly replyTimeoutMs: number,
  ) {}

  /** Sends one assign and waits for its reply (or the timeout); resolves with what the reply claims. */
  async assign(
    target: Target,
    adminId: string,
    person: { id: string; slackUserId: string },
    product: { id: string; key: string },
  ): Promise<Claim | undefined> {
    const sent: SentAssign = {
      target,
      personId: person.id,
      productId: product.id,
      responseUrl: this.fake.responseUrl(),
      late: false,
    };
    this.#open.push(sent);
    const deadline = performance.now() + this.replyTimeoutMs;
    try {
      const http = await withTimeout(
        postSlashCommand(target.url, this.signingSecret, {
          command: "/license",
          text: `assign <@${person.slackUserId}> ${product.key}`,
          user_id: adminId,
          team_id: this.fake.teamId,
          trigger_id: this.fake.issueTriggerId(),
          response_url: sent.responseUrl,
        }),
        this.replyTimeoutMs,
      );
      if (http.status !== 200) sent.undelivered = `HTTP ${http.status}`;
      else if (typeof (http.body as { text?: unknown } | null)?.text === "string") sent.httpReply = http.body;
    } catch (error) {
      sent.undelivered = describeFailure(error);
    }
    if (sent.undelivered) return undefined;
    if (sent.httpReply) return claimOf(sent.httpReply);
    while (performance.now() < deadline) {
      const [reply] = this.fake.responses(sent.responseUrl);
      if (reply !== undefined) return claimOf(reply);
      await sleep(50);
    }
    sent.late = true;
    return undefined;
  }

  /** Judges every command sent since the last call, against the database as it is now. */
  async judge(side: pg.Client): Promise<Tally> {
    const batch = this.#open;
    this.#open = [];
    const { rows } = await side.query<{ pair: string }>(
      "select person_id || ':' || product_id as pair from assignments where person_id = any($1::uuid[])",
      [batch.map((s) => s.personId)],
    );
    const held = new Set(rows.map((r) => r.pair));
    const tally = emptyTally();
    for (const sent of batch) {
      tally.sent += 1;
      const replies = [
        ...(sent.httpReply === undefined ? [] : [sent.httpReply]),
        ...this.fake.responses(sent.responseUrl),
      ];
      if (replies.length === 0 || sent.late) {
        if (sent.target.killed) tally.unansweredKilled += 1;
        else if (sent.undelivered) {
          tally.undelivered += 1;
          note(tally, `undelivered to a living instance: ${sent.undelivered}`);
        } else tally.unanswered += 1;
      }
      const isHeld = held.has(`${sent.personId}:${sent.productId}`);
      for (const reply of replies) {
        const read = readReply(reply);
        const claim = read?.claim;
        if (read) tally.kinds[read.kind] = (tally.kinds[read.kind] ?? 0) + 1;
        if (claim === undefined) {
          tally.unrecognized += 1;
          note(tally, `unrecognised reply: ${JSON.stringify(reply).slice(0, 300)}`);
          continue;
        }
        if (claim === "applied") tally.claimedApplied += 1;
        if ((claim === "applied" && !isHeld) || (claim === "not_applied" && isHeld)) {
          tally.untrue += 1;
          const text = (reply as { text?: string }).text ?? "";
          note(tally, `"${text.slice(0, 80)}" but the assignment is ${isHeld ? "there" : "not there"}`);
        }
      }
    }
    addTo(this.total, tally);
    return tally;
  }

  /**
   * Judges what a bulk modal ended on against how much of its change the database holds; a
   * change held in part is untrue whatever the modal says. Returns the kind of outcome.
   */
  judgeBulk(text: string, held: "all" | "none" | "part"): string {
    const outcome = BULK_OUTCOMES.find((o) => o.is(text));
    const total = this.total;
    if (!outcome) {
      total.unrecognized += 1;
      note(total, `unrecognised bulk outcome: ${text.slice(0, 200)}`);
      return "unrecognised";
    }
    total.kinds[outcome.kind] = (total.kinds[outcome.kind] ?? 0) + 1;
    const untrue =
      held === "part" ||
      (outcome.claim === "applied" && held === "none") ||
      (outcome.claim === "not_applied" && held === "all");
    if (untrue) {
      total.untrue += 1;
      note(total, `bulk modal "${text.slice(0, 80)}" but ${held} of its change is there`);
    }
    return outcome.kind;
  }

  /** Work that got no answer because its instance was killed, sent outside the ledger (a modal). */
  countKilled(count: number): void {
    this.total.unansweredKilled += count;
  }
}

function note(tally: Tally, example: string): void {
  if (tally.examples.length < MAX_EXAMPLES) tally.examples.push(example);
}

function addTo(total: Tally, more: Tally): void {
  total.sent += more.sent;
  total.claimedApplied += more.claimedApplied;
  total.untrue += more.untrue;
  total.unrecognized += more.unrecognized;
  total.unanswered += more.unanswered;
  total.unansweredKilled += more.unansweredKilled;
  total.undelivered += more.undelivered;
  for (const [kind, n] of Object.entries(more.kinds)) total.kinds[kind] = (total.kinds[kind] ?? 0) + n;
  for (const example of more.examples) note(total, example);
}

export function describeTally(tally: Tally): string {
  const parts = [
    `${tally.sent} assigns`,
    `${tally.claimedApplied} said applied`,
    `${tally.untrue} untrue`,
    `${tally.unanswered} unanswered`,
  ];
  if (tally.unansweredKilled) parts.push(`${tally.unansweredKilled} lost with a killed instance`);
  if (tally.undelivered) parts.push(`${tally.undelivered} undelivered`);
  if (tally.unrecognized) parts.push(`${tally.unrecognized} unrecognised`);
  const kinds = Object.entries(tally.kinds)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  return `${parts.join(", ")}${kinds ? ` (replies: ${kinds})` : ""}`;
}

function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no HTTP answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
