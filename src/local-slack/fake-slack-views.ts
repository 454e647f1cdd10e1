import { randomBytes } from "node:crypto";
import { type BlockKitSurface, blockKitViolations } from "./block-kit-limits.ts";
import { type ApiArgs, type ApiResult, decodeJsonArg, fail, ok, stringArg } from "./fake-slack-http.ts";
import type { FakeUserRegistry } from "./fake-slack-users.ts";
import { mintSlackId } from "./slack-ids.ts";

export interface WorkspaceIds {
  teamId: string;
  appId: string;
  botId: string;
}

/**
 * trigger_ids as Slack hands them out with each interaction: valid for 3 seconds, exchangeable once.
 * Error names are Slack's (views.open / views.push reference): `invalid_trigger_id` for one it never
 * issued, `exchanged_trigger_id` for one already used, `expired_trigger_id` for one too old.
 */
export class TriggerIds {
  readonly #issued = new Map<string, { at: number; used: boolean }>();
  #seq = 0;

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  /** In Slack's shape, e.g. `12345.98765.abcd2358fdea`. */
  issue(): string {
    const id = `${100_000 + ++this.#seq}.${Math.floor(this.now())}.${randomBytes(16).toString("hex")}`;
    this.#issued.set(id, { at: this.now(), used: false });
    return id;
  }

  /** The error Slack would answer for exchanging `id` now, or undefined if it may be exchanged. */
  problem(id: string | undefined): string | undefined {
    const issued = id === undefined ? undefined : this.#issued.get(id);
    if (!issued) return "invalid_trigger_id";
    if (issued.used) return "exchanged_trigger_id";
    if (this.now() - issued.at > this.ttlMs) return "expired_trigger_id";
    return undefined;
  }

  exchange(id: string): void {
    const issued = this.#issued.get(id);
    if (issued) issued.used = true;
  }
}

export interface StoredView extends Record<string, unknown> {
  id: string;
  hash: string;
  external_id: string;
}

/** One successful views.* call: which view it opened, pushed, updated or published. */
export interface ViewEvent {
  method: "views.open" | "views.push" | "views.update" | "views.publish";
  viewId: string;
  /** The trigger_id exchanged (views.open, views.push). */
  triggerId?: string;
  /** Whose Home tab (views.publish). */
  userId?: string;
}

/** The views as the fake holds them now, and every change to them in order. */
export class FakeViews {
  readonly byId = new Map<string, StoredView>();
  readonly homeByUser = new Map<string, string>();
  readonly events: ViewEvent[] = [];
  /** Set by viewMethods: stores a view over the one with that id. */
  storeOver: ((viewId: string, view: Record<string, unknown>) => StoredView | undefined) | undefined;

  get(id: string): StoredView | undefined {
    return this.byId.get(id);
  }

  /**
   * What Slack does with a view_submission answered `response_action: "update"`: the view shown
   * becomes the one in the answer, under the same id.
   */
  updateFromAnswer(viewId: string, view: Record<string, unknown>): StoredView | undefined {
    const stored = this.storeOver?.(viewId, view);
    if (stored) this.events.push({ method: "views.update", viewId });
    return stored;
  }

  /** The Home tab last published for a user. */
  home(userId: string): StoredView | undefined {
    const id = this.homeByUser.get(userId);
    return id === undefined ? undefined : this.byId.get(id);
  }
}

/**
 * views.open, views.push, views.update and views.publish. A trigger_id is spent only by a call that
 * succeeds; whether Slack also spends it on a call it rejects for a bad view is not documented.
 */
export function viewMethods(
  ids: WorkspaceIds,
  triggers: TriggerIds,
  users: FakeUserRegistry,
  now: () => number,
  held: FakeViews = new FakeViews(),
): Record<string, (args: ApiArgs) => ApiResult> {
  const views = held.byId;
  const homeByUser = held.homeByUser;

  const store = (view: Record<string, unknown>, previous?: StoredView): StoredView => {
    const id = previous?.id ?? mintSlackId("V");
    const stored: StoredView = {
      type: "modal",
      private_metadata: "",
      callback_id: "",
      clear_on_close: false,
      notify_on_close: false,
      previous_view_id: null,
      ...view,
      id,
      team_id: ids.teamId,
      app_id: ids.appId,
      bot_id: ids.botId,
      root_view_id: previous?.root_view_id ?? id,
      external_id: typeof view.external_id === "string" ? view.external_id : "",
      state: { values: {} },
      hash: `${Math.floor(now() / 1000)}.${randomBytes(4).toString("hex")}`,
    };
    views.set(id, stored);
    return stored;
  };

  held.storeOver = (viewId, view) => {
    const current = views.get(viewId);
    return current ? store(view, current) : undefined;
  };

  const duplicateExternalId = (view: Record<string, unknown>, self?: string): boolean =>
    typeof view.external_id === "string" &&
    view.external_id !== "" &&
    [...views.values()].some((v) => v.external_id === view.external_id && v.id !== self);

  const openOrPush = (args: ApiArgs, method: "views.open" | "views.push"): ApiResult => {
    const trigger = stringArg(args, "trigger_id") ?? stringArg(args, "interactivity_pointer");
    if (trigger === undefined) {
      return fail("invalid_arguments", ["[ERROR] missing required field: trigger_id"]);
    }
    const triggerProblem = triggers.problem(trigger);
    if (triggerProblem) return fail(triggerProblem);
    const view = checkedView(args, "modal");
    if ("error" in view) return view.error;
    if (duplicateExternalId(view.value)) return fail("duplicate_external_id");
    triggers.exchange(trigger);
    const stored = store(view.value);
    held.events.push({ method, viewId: stored.id, triggerId: trigger });
    return ok({ view: stored });
  };

  return {
    "views.open": (args) => openOrPush(args, "views.open"),
    "views.push": (args) => openOrPush(args, "views.push"),
    "views.update": (args) => {
      const viewId = stringArg(args, "view_id");
      const externalId = stringArg(args, "external_id");
      if (viewId === undefined && externalId === undefined) {
        return fail("invalid_arguments", ["[ERROR] missing required field: view_id or external_id"]);
      }
      const current = [...views.values()].find((v) =>
        viewId !== undefined ? v.id === viewId : v.external_id === externalId,
      );
      if (!current) return fail("not_found");
      const hash = stringArg(args, "hash");
      if (hash !== undefined && hash !== current.hash) return fail("hash_conflict");
      const view = checkedView(args, current.type === "home" ? "home" : "modal");
      if ("error" in view) return view.error;
      if (duplicateExternalId(view.value, current.id)) return fail("duplicate_external_id");
      const stored = store(view.value, current);
      held.events.push({ method: "views.update", viewId: stored.id });
      return ok({ view: stored });
    },
    "views.publish": (args) => {
      const userId = stringArg(args, "user_id");
      if (userId === undefined || !users.get(userId)) {
        return fail("invalid_arguments", ["invalid `user_id`"]);
      }
      const previousId = homeByUser.get(userId);
      const previous = previousId === undefined ? undefined : views.get(previousId);
      const hash = stringArg(args, "hash");
      if (hash !== undefined && previous && hash !== previous.hash) return fail("hash_conflict");
      const view = checkedView(args, "home");
      if ("error" in view) return view.error;
      const stored = store(view.value, previous);
      homeByUser.set(userId, stored.id);
      held.events.push({ method: "views.publish", viewId: stored.id, userId });
      return ok({ view: stored });
    },
  };
}

function checkedView(
  args: ApiArgs,
  surface: Exclude<BlockKitSurface, "message">,
): { value: Record<string, unknown> } | { error: ApiResult } {
  if (args.view === undefined) {
    return { error: fail("invalid_arguments", ["[ERROR] missing required field: view"]) };
  }
  const decoded = decodeJsonArg(args.view);
  if (!decoded.ok || typeof decoded.value !== "object" || decoded.value === null) {
    return { error: fail("invalid_arguments", ["[ERROR] view must be a JSON object [json-pointer:/view]"]) };
  }
  const violations = blockKitViolations(surface, decoded.value);
  if (violations.length > 0) {
    const messages = violations.map((v) => `[ERROR] ${v.message} [json-pointer:/view${v.pointer}]`);
    return { error: fail("invalid_arguments", messages) };
  }
  return { value: decoded.value as Record<string, unknown> };
}
