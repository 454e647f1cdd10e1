import { type ApiArgs, type ApiResult, fail, numberArg, ok, stringArg } from "./fake-slack-http.ts";
import { mintSlackId } from "./slack-ids.ts";

/** The part of Slack's user object (users.info, users.list) that the app reads. */
export interface SlackUser {
  id: string;
  team_id: string;
  name: string;
  real_name: string;
  deleted: boolean;
  is_admin: boolean;
  is_owner: boolean;
  is_bot: boolean;
  tz: string;
  tz_label: string;
  /** Seconds east of UTC, now, as Slack reports it. */
  tz_offset: number;
  profile: { email?: string; real_name: string; display_name: string };
  /** The person's Slack language, e.g. "sv-SE"; Slack answers it only when asked (`include_locale`). */
  locale: string;
}

export interface NewSlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  /** Shorthand for `profile.email`. */
  email?: string;
  tz?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_bot?: boolean;
  deleted?: boolean;
  profile?: { email?: string; display_name?: string };
  locale?: string;
}

/** Users of the fake workspace, in the order they were added (users.list pages through that order). */
export class FakeUserRegistry {
  readonly #users = new Map<string, SlackUser>();
  /** Pages users.list has answered so far. */
  listPagesServed = 0;
  /**
   * Called after users.list answers a page (1 for the first): lets a test change the directory, or
   * make the next call fail, between two pages of one listing.
   */
  afterListPage: ((page: number) => void) | undefined;

  constructor(readonly teamId: string) {}

  add(input: NewSlackUser = {}): SlackUser {
    const id = input.id ?? mintSlackId("U");
    if (this.#users.has(id)) throw new Error(`fake Slack: user ${id} already exists`);
    const name = input.name ?? id.toLowerCase();
    const realName = input.real_name ?? name;
    const tz = input.tz ?? "Europe/Stockholm";
    const email = input.email ?? input.profile?.email;
    const user: SlackUser = {
      id,
      team_id: this.teamId,
      name,
      real_name: realName,
      deleted: input.deleted ?? false,
      is_admin: input.is_admin ?? input.is_owner ?? false,
      is_owner: input.is_owner ?? false,
      is_bot: input.is_bot ?? false,
      tz,
      tz_label: tz,
      tz_offset: tzOffsetSeconds(tz),
      locale: input.locale ?? "en-US",
      profile: {
        ...(email === undefined ? {} : { email }),
        real_name: realName,
        // Slack leaves the display name empty until the person sets one.
        display_name: input.profile?.display_name ?? "",
      },
    };
    this.#users.set(id, user);
    return user;
  }

  addMany(inputs: NewSlackUser[]): SlackUser[] {
    return inputs.map((input) => this.add(input));
  }

  /** Change a user in place, e.g. `{ deleted: true }` to deactivate them. */
  update(id: string, patch: Partial<Omit<SlackUser, "id" | "profile">> & { email?: string }): SlackUser {
    const user = this.#users.get(id);
    if (!user) throw new Error(`fake Slack: no user ${id}`);
    const { email, ...rest } = patch;
    Object.assign(user, rest);
    if (rest.tz !== undefined) {
      user.tz_label = rest.tz;
      user.tz_offset = tzOffsetSeconds(rest.tz);
    }
    if (email !== undefined) user.profile.email = email;
    // Slack keeps the real name in both places.
    if (rest.real_name !== undefined) user.profile.real_name = rest.real_name;
    return user;
  }

  get(id: string): SlackUser | undefined {
    return this.#users.get(id);
  }

  findByEmail(email: string): SlackUser | undefined {
    const wanted = email.trim().toLowerCase();
    return this.list().find((u) => u.profile.email?.toLowerCase() === wanted);
  }

  list(): SlackUser[] {
    return [...this.#users.values()];
  }
}

/** users.info, users.lookupByEmail and users.list, answered from the registry. */
export function userMethods(users: FakeUserRegistry): Record<string, (args: ApiArgs) => ApiResult> {
  return {
    "users.info": (args) => {
      const id = stringArg(args, "user");
      const user = id === undefined ? undefined : users.get(id);
      return user ? ok({ user: asAnswered(user, args) }) : fail("user_not_found");
    },
    "users.lookupByEmail": (args) => {
      const email = stringArg(args, "email");
      const user = email === undefined ? undefined : users.findByEmail(email);
      // Slack's own error name for this method is plural.
      return user ? ok({ user: asAnswered(user, args) }) : fail("users_not_found");
    },
    "users.list": (args) => listUsers(users, args),
  };
}

/** A user as Slack answers: with `locale` only when the call passed `include_locale: true`. */
function asAnswered(user: SlackUser, args: ApiArgs): Omit<SlackUser, "locale"> & { locale?: string } {
  const { locale, ...rest } = structuredClone(user);
  const wanted = args.include_locale === true || args.include_locale === "true";
  return wanted ? { ...rest, locale } : rest;
}

/**
 * Cursor pagination as Slack does it: `response_metadata.next_cursor` is "" on the last page.
 * Without `limit` Slack tries to return everything; it asks for limits under 1000.
 */
function listUsers(users: FakeUserRegistry, args: ApiArgs): ApiResult {
  const all = users.list();
  const limit = numberArg(args, "limit");
  const pageSize = limit === undefined || limit <= 0 ? all.length : Math.min(limit, 1000);
  let start = 0;
  const cursor = stringArg(args, "cursor");
  if (cursor !== undefined) {
    const decoded = Buffer.from(cursor, "base64").toString("utf8");
    const id = decoded.startsWith("user:") ? decoded.slice("user:".length) : "";
    start = all.findIndex((u) => u.id === id);
    if (start < 0) return fail("invalid_cursor");
  }
  const page = all.slice(start, start + pageSize);
  const next = all[start + pageSize];
  users.listPagesServed += 1;
  users.afterListPage?.(users.listPagesServed);
  return ok({
    members: page.map((user) => asAnswered(user, args)),
    cache_ts: Math.floor(Date.now() / 1000),
    response_metadata: { next_cursor: next ? Buffer.from(`user:${next.id}`).toString("base64") : "" },
  });
}

function tzOffsetSeconds(timeZone: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 1000);
}
