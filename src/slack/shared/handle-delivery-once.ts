import { type Catalog, en } from "../copy/en.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { claimDelivery, releaseDelivery } from "./claim-delivery.ts";
import { failureOutcome, failureText } from "./failure-outcome.ts";
import { describeError } from "./logger.ts";

/** One delivery from Slack (a command, a click, a submission, an event), as the log and the audit know it. */
export interface Delivery {
  /** What the log calls this kind of delivery: "/license", "remove confirmation", "event team_join". */
  name: string;
  workspaceId: string;
  /** The id the work's audit rows carry (trigger id, view id, action time, event id). */
  requestId: string;
  /** Said in the log beside a failure. */
  context?: object;
  /**
   * The words of the person who waits for the answer, when known before the work: a failure is
   * told in them. English otherwise: a failure may be the very database the language is read from.
   */
  reader?: Catalog;
}

/** The delivery's claim, held by the work: the work decides when it has read enough to claim. */
export interface DeliveryClaim {
  /** True the first time `key` is claimed; false when another delivery holds it: then the work stops. */
  claim(key: string): Promise<boolean>;
  /** Records a claim the work took in a statement of its own (the command snapshot claims as it reads). */
  claimedAs(key: string): void;
  /** Gives the claim back after a refusal that changed nothing, so that a corrected resubmission runs. */
  release(): Promise<void>;
}

export interface DeliveryHandling<A> {
  /** The delivery's effect. Returns what to answer, or nothing: a repeat, or work that answered as it went. */
  work(claim: DeliveryClaim): Promise<A | null | undefined>;
  /** Shows the work's answer. Its failure is only logged: the work is done and must not run again. */
  answer?(answer: A): Promise<unknown>;
  /** The answer to a failed work, from words that say what it left behind; left out when nobody waits. */
  failed?(text: string): A;
}

/**
 * The one way a Slack delivery is handled: its work runs at most once across redeliveries and
 * instances (the claim), and a failure is logged, gives the claim back only when nothing was
 * applied (so a retry may run it again), and is answered with what really happened: nothing
 * changed, the change went through, or nobody can tell yet. Nothing is thrown: Bolt would answer
 * 500 and Slack retry. `app.error` stays the last resort for what escapes the listeners.
 */
export async function handleDeliveryOnce<A>(
  deps: Pick<SlackDeps, "db" | "clock" | "logger">,
  delivery: Delivery,
  handling: DeliveryHandling<A>,
): Promise<void> {
  const { workspaceId, requestId } = delivery;
  const startedAt = deps.clock.now();
  let key: string | undefined;
  const claim: DeliveryClaim = {
    claim: async (wanted) => {
      const claimed = await claimDelivery(deps.db, { workspaceId, key: wanted, at: deps.clock.now() });
      if (claimed) key = wanted;
      return claimed;
    },
    claimedAs: (taken) => {
      key = taken;
    },
    release: async () => {
      if (key) await releaseDelivery(deps.db, { workspaceId, key });
      key = undefined;
    },
  };
  let answer: A | null | undefined;
  try {
    answer = await handling.work(claim);
  } catch (error) {
    deps.logger.error(`${delivery.name} failed`, {
      ...describeError(error),
      workspaceId,
      ...delivery.context,
    });
    const outcome = await failureOutcome(deps, { workspaceId, requestId, startedAt }, error);
    if (outcome === "not_applied") await giveBack(deps, delivery, key);
    if (handling.failed)
      await show(deps, delivery, handling, handling.failed(failureText(delivery.reader ?? en, outcome)));
    return;
  }
  if (answer !== null && answer !== undefined) await show(deps, delivery, handling, answer as A);
}

async function show<A>(
  deps: Pick<SlackDeps, "logger">,
  delivery: Delivery,
  handling: DeliveryHandling<A>,
  answer: A,
): Promise<void> {
  try {
    await handling.answer?.(answer);
  } catch (error) {
    deps.logger.error(`${delivery.name}: the answer could not be shown`, {
      ...describeError(error),
      workspaceId: delivery.workspaceId,
      ...delivery.context,
    });
  }
}

/** A claim that cannot be given back only keeps a retry from running: logged, not thrown. */
async function giveBack(
  deps: Pick<SlackDeps, "db" | "logger">,
  delivery: Delivery,
  key: string | undefined,
): Promise<void> {
  if (!key) return;
  try {
    await releaseDelivery(deps.db, { workspaceId: delivery.workspaceId, key });
  } catch (error) {
    deps.logger.error(`${delivery.name}: claim not released`, { ...describeError(error), key });
  }
}
