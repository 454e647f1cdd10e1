import { en } from "../copy/en.ts";
import { buildNoticeModal } from "./notice-modal.ts";

/** How to answer a Slack request that the instance has no room for, without doing any of its work. */
export interface BusyAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** A message for a response_url, for a button whose HTTP answer Slack does not show. */
  notify?: { url: string; message: object };
}

/** Slack retries an event that was not answered 200: at once, after a minute, after five. */
const EVENT_RETRY_AFTER_SECONDS = "60";

const json = (status: number, value: unknown, headers: Record<string, string> = {}): BusyAnswer => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(value),
});

/**
 * The busy answer for each kind of request, from its raw body alone: a slash command gets an
 * ephemeral reply, a modal submission a small modal on top of it (closing it returns to the form,
 * to submit again), a button a message through its response_url, and an event a 503 so that
 * Slack delivers it again later. Nothing was done, so "try again" is true. English: answering
 * without reading anything, the instance does not know who asks.
 */
export function busyAnswer(contentType: string, rawBody: string): BusyAnswer {
  const text = en["busy.try_again"]();
  if (contentType.startsWith("application/json")) {
    const envelope = parseJson(rawBody) as { type?: unknown; challenge?: unknown } | undefined;
    if (envelope?.type === "url_verification") return json(200, { challenge: envelope.challenge });
    return json(503, { ok: false, busy: true }, { "retry-after": EVENT_RETRY_AFTER_SECONDS });
  }
  const form = new URLSearchParams(rawBody);
  if (form.has("command")) return json(200, { response_type: "ephemeral", text });
  const payload = parseJson(form.get("payload") ?? "") as
    | { type?: unknown; response_url?: unknown; response_urls?: { response_url?: unknown }[] }
    | undefined;
  if (payload?.type === "view_submission") {
    return json(200, { response_action: "push", view: buildNoticeModal(en, text) });
  }
  const responseUrl = payload?.response_url;
  if (payload?.type === "block_actions" && typeof responseUrl === "string") {
    return {
      ...json(200, {}),
      notify: {
        url: responseUrl,
        message: { response_type: "ephemeral", replace_original: false, text },
      },
    };
  }
  // Nowhere to say it (a Home tab button, a shortcut): a failed answer is what Slack shows then.
  return json(503, { ok: false, busy: true });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
