import type { FakeSlackApi, PostedMessage, UploadedFile, ViewEvent } from "../local-slack/fake-slack-api.ts";
import {
  postEvent,
  postInteraction,
  postSlashCommand,
  type SlackAppResponse,
} from "../local-slack/signed-requests.ts";
import { mintSlackId, slackTimestamps } from "../local-slack/slack-ids.ts";
import type { AppActivity } from "./app-activity.ts";
import type { ElementJson } from "./render/choices.ts";

/** Where a pressed element was shown, which decides what Slack sends with the press. */
export type Origin =
  | { kind: "message"; message: PostedMessage }
  | { kind: "reply"; body: { text?: string; blocks?: unknown } }
  | { kind: "view"; viewId: string };

/** What the app did in Slack during one step, read off the fake. */
export interface Changes {
  replies: { responseUrl: string; body: Record<string, unknown> }[];
  messages: { message: PostedMessage; updated: boolean }[];
  views: ViewEvent[];
  /** Files shared (files.completeUploadExternal). */
  files: UploadedFile[];
}

interface Mark {
  messages: string[];
  views: number;
  files: number;
  replies: Map<string, number>;
}

/** The channel the console's commands are typed in. */
export const CONSOLE_CHANNEL = "C0CONSOLE1";

export interface StepAnswer {
  http: SlackAppResponse;
  changes: Changes;
  /** False when the app was still working when the console stopped waiting. */
  settled: boolean;
}

/**
 * What the Slack client does for a person: posts their commands, presses, submissions and Home
 * visits to the app, signed as Slack signs them, and reads back what the app sent.
 */
export class LocalSlack {
  readonly #responseUrls: string[] = [];
  /** action_ts and event_ts: unique, as Slack's are, even for two presses in one millisecond. */
  readonly #timestamp = slackTimestamps(Date.now);

  constructor(
    readonly fake: FakeSlackApi,
    readonly appUrl: string,
    readonly signingSecret: string,
    readonly activity: AppActivity,
  ) {}

  get teamId(): string {
    return this.fake.teamId;
  }

  /** `/license <text>` typed by `userId`. */
  command(userId: string, text: string): Promise<StepAnswer> {
    const responseUrl = this.#responseUrl();
    return this.#step(() =>
      postSlashCommand(this.appUrl, this.signingSecret, {
        command: "/license",
        text,
        user_id: userId,
        user_name: this.fake.users.get(userId)?.name ?? userId,
        team_id: this.teamId,
        channel_id: CONSOLE_CHANNEL,
        trigger_id: this.fake.issueTriggerId(),
        response_url: responseUrl,
      }),
    );
  }

  /** A button pressed, or an option picked from a menu, as a block_actions payload. */
  press(
    userId: string,
    pressed: { element: ElementJson; blockId: string; origin: Origin; selected?: unknown },
  ): Promise<StepAnswer> {
    const { element, origin } = pressed;
    const action: Record<string, unknown> = {
      type: element.type,
      action_id: element.action_id ?? "",
      block_id: pressed.blockId,
      action_ts: this.#timestamp(),
      ...(element.text ? { text: element.text } : {}),
      ...(element.value === undefined ? {} : { value: element.value }),
      ...(pressed.selected === undefined ? {} : { selected_option: pressed.selected }),
    };
    const where = this.#whereOf(origin);
    return this.#step(() =>
      postInteraction(this.appUrl, this.signingSecret, {
        type: "block_actions",
        ...this.#who(userId),
        trigger_id: this.fake.issueTriggerId(),
        ...where,
        actions: [action],
      }),
    );
  }

  /** A modal submitted with the values given for its inputs (block id → action id → value). */
  submit(
    userId: string,
    viewId: string,
    values: Record<string, Record<string, unknown>>,
  ): Promise<StepAnswer> {
    const view = this.fake.views.get(viewId);
    return this.#step(() =>
      postInteraction(this.appUrl, this.signingSecret, {
        type: "view_submission",
        ...this.#who(userId),
        trigger_id: this.fake.issueTriggerId(),
        view: { ...view, state: { values } },
        response_urls: [],
      }),
    );
  }

  /** The person opens the app's Home tab. */
  openHome(userId: string): Promise<StepAnswer> {
    return this.#step(() =>
      postEvent(this.appUrl, this.signingSecret, {
        token: "",
        team_id: this.teamId,
        api_app_id: "A0FAKEAPP1",
        type: "event_callback",
        event_id: mintSlackId("Ev"),
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: "app_home_opened",
          user: userId,
          channel: `D${userId.slice(1)}`,
          tab: "home",
          event_ts: this.#timestamp(),
        },
      }),
    );
  }

  mark(): Mark {
    return {
      messages: this.fake.messages.map((m) => JSON.stringify(m)),
      views: this.fake.views.events.length,
      files: this.fake.files.completed().length,
      replies: new Map(this.#responseUrls.map((url) => [url, this.fake.responses(url).length])),
    };
  }

  changesSince(mark: Mark): Changes {
    const messages = this.fake.messages.flatMap((message, index) => {
      const before = mark.messages[index];
      if (before === undefined) return [{ message, updated: false }];
      return before === JSON.stringify(message) ? [] : [{ message, updated: true }];
    });
    const replies = this.#responseUrls.flatMap((responseUrl) =>
      this.fake
        .responses(responseUrl)
        .slice(mark.replies.get(responseUrl) ?? 0)
        .map((body) => ({ responseUrl, body: body as Record<string, unknown> })),
    );
    return {
      replies,
      messages,
      views: this.fake.views.events.slice(mark.views),
      files: this.fake.files.completed().slice(mark.files),
    };
  }

  /** Runs something outside the app (the daily jobs) and says what it changed in Slack. */
  async observe<T>(act: () => Promise<T>): Promise<{ result: T; changes: Changes }> {
    const mark = this.mark();
    const result = await act();
    return { result, changes: this.changesSince(mark) };
  }

  async #step(act: () => Promise<SlackAppResponse>): Promise<StepAnswer> {
    const mark = this.mark();
    const started = this.activity.started;
    const http = await act();
    const settled = http.status !== 200 || (await this.activity.idleAfter(started));
    return { http, changes: this.changesSince(mark), settled };
  }

  #responseUrl(): string {
    const url = this.fake.responseUrl();
    this.#responseUrls.push(url);
    return url;
  }

  #who(userId: string) {
    const user = this.fake.users.get(userId);
    return {
      team: { id: this.teamId, domain: "demo" },
      user: { id: userId, username: user?.name ?? userId, name: user?.name ?? userId, team_id: this.teamId },
      api_app_id: "A0FAKEAPP1",
      token: "",
    };
  }

  #whereOf(origin: Origin): Record<string, unknown> {
    if (origin.kind === "view") {
      const view = this.fake.views.get(origin.viewId);
      return {
        container: { type: "view", view_id: origin.viewId },
        view: { ...view, state: { values: {} } },
      };
    }
    const responseUrl = this.#responseUrl();
    if (origin.kind === "reply") {
      return {
        container: { type: "message", message_ts: "0", channel_id: CONSOLE_CHANNEL, is_ephemeral: true },
        channel: { id: CONSOLE_CHANNEL, name: "console" },
        response_url: responseUrl,
      };
    }
    const { message } = origin;
    return {
      container: {
        type: "message",
        message_ts: message.ts,
        channel_id: message.channel,
        is_ephemeral: Boolean(message.ephemeralTo),
      },
      channel: { id: message.channel, name: message.channel },
      message: { type: "message", ts: message.ts, text: message.text, blocks: message.blocks ?? [] },
      response_url: responseUrl,
    };
  }
}
