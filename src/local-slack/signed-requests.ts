import { createHmac } from "node:crypto";

/**
 * Requests as Slack sends them to the app, signed the way Slack signs them
 * (https://api.slack.com/docs/verifying-requests-from-slack): `v0=` + hex HMAC-SHA256 of
 * `v0:{timestamp}:{raw body}` keyed with the signing secret, with the timestamp in
 * `X-Slack-Request-Timestamp`. The app is expected to verify these for real, not to be bypassed.
 */

export interface SlackSignatureHeaders {
  "x-slack-signature": string;
  "x-slack-request-timestamp": string;
}

export function signSlackRequest(
  secret: string,
  body: string,
  timestampSec: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const signature = createHmac("sha256", secret).update(`v0:${timestampSec}:${body}`).digest("hex");
  return { "x-slack-signature": `v0=${signature}`, "x-slack-request-timestamp": String(timestampSec) };
}

export interface SignedPostOptions {
  /** Default: now. Set it in the past or future to test the app's replay window. */
  timestampSec?: number;
  /** Extra headers, e.g. `x-slack-retry-num` / `x-slack-retry-reason` for an Events API redelivery. */
  headers?: Record<string, string>;
  /** Default `/slack/events`, Bolt's HTTPReceiver endpoint. */
  path?: string;
}

export interface SlackAppResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the app answered JSON, else the text ("" for a bare ack). */
  body: unknown;
}

/** Fields of a slash command POST; the rest default to a plausible workspace. */
export interface SlashCommandFields {
  command: string;
  user_id: string;
  text?: string;
  team_id?: string;
  team_domain?: string;
  channel_id?: string;
  channel_name?: string;
  user_name?: string;
  trigger_id?: string;
  response_url?: string;
  api_app_id?: string;
  [field: string]: string | undefined;
}

export function postSlashCommand(
  appUrl: string,
  secret: string,
  fields: SlashCommandFields,
  options: SignedPostOptions = {},
): Promise<SlackAppResponse> {
  const all: Record<string, string | undefined> = {
    team_id: "T0FAKE0001",
    team_domain: "fake-workspace",
    channel_id: "C0FAKE0001",
    channel_name: "general",
    user_name: fields.user_id.toLowerCase(),
    api_app_id: "A0FAKEAPP1",
    is_enterprise_install: "false",
    text: "",
    ...fields,
  };
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(all)) if (value !== undefined) form.set(key, value);
  return postSigned(appUrl, secret, form.toString(), "application/x-www-form-urlencoded", options);
}

/** block_actions, view_submission, shortcuts…: Slack posts them as a form with one `payload` field. */
export function postInteraction(
  appUrl: string,
  secret: string,
  payload: Record<string, unknown>,
  options: SignedPostOptions = {},
): Promise<SlackAppResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(appUrl, secret, body, "application/x-www-form-urlencoded", options);
}

/** An Events API envelope (`{ type: "event_callback", event_id, event, … }`), posted as JSON. */
export function postEvent(
  appUrl: string,
  secret: string,
  envelope: Record<string, unknown>,
  options: SignedPostOptions = {},
): Promise<SlackAppResponse> {
  return postSigned(appUrl, secret, JSON.stringify(envelope), "application/json", options);
}

/** Any raw body, signed; the building block of the three above. */
export async function postSigned(
  appUrl: string,
  secret: string,
  body: string,
  contentType: string,
  options: SignedPostOptions = {},
): Promise<SlackAppResponse> {
  const url = `${appUrl.replace(/\/+$/, "")}${options.path ?? "/slack/events"}`;
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      ...signSlackRequest(secret, body, options.timestampSec),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  if (text !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
