import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What oauth.v2.access answers for one authorization code (Slack's response, minus `ok`). */
export type CodeGrant = Record<string, unknown>;

export interface FakeOAuthApi {
  /** For `slackApiUrl`: ends in `/api/`. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** oauth.v2.access calls with grant_type=refresh_token, successful or not. */
  refreshCalls: string[];
  codeCalls: string[];
  /** Makes `refreshToken` valid once: using it answers a new pair, using it again fails. */
  issueRefreshToken(refreshToken: string): void;
  /** `code` trades for `grant` once. */
  issueCode(code: string, grant: CodeGrant): void;
  close(): Promise<void>;
}

/**
 * Slack's OAuth endpoints as token rotation sees them: oauth.v2.access trades a code once, and a
 * refresh token once (refresh tokens are single use); auth.test names the bot. Refreshes answer
 * after `refreshDelayMs`, so that two callers can overlap. Other methods go to `forwardTo` (another
 * fake Web API's base URL), when given.
 */
export async function startFakeOAuthApi(
  options: { refreshDelayMs?: number; forwardTo?: string } = {},
): Promise<FakeOAuthApi> {
  const clientId = "111.222";
  const clientSecret = "fake-client-secret";
  const liveRefreshTokens = new Set<string>();
  const codes = new Map<string, CodeGrant>();
  const refreshCalls: string[] = [];
  const codeCalls: string[] = [];
  let issued = 0;

  const answer = (res: ServerResponse, body: Record<string, unknown>) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));

  const oauthV2Access = async (args: URLSearchParams, res: ServerResponse) => {
    if (args.get("client_id") !== clientId || args.get("client_secret") !== clientSecret) {
      return answer(res, { ok: false, error: "invalid_client_id" });
    }
    if (args.get("grant_type") === "refresh_token") {
      const refreshToken = args.get("refresh_token") ?? "";
      refreshCalls.push(refreshToken);
      await new Promise((resolve) => setTimeout(resolve, options.refreshDelayMs ?? 0));
      if (!liveRefreshTokens.delete(refreshToken))
        return answer(res, { ok: false, error: "invalid_refresh_token" });
      issued += 1;
      const next = `xoxe-1-refresh-${issued}-${randomBytes(4).toString("hex")}`;
      liveRefreshTokens.add(next);
      return answer(res, {
        ok: true,
        token_type: "bot",
        access_token: `xoxe.xoxb-1-rotated-${issued}`,
        refresh_token: next,
        expires_in: 43_200,
      });
    }
    const code = args.get("code") ?? "";
    codeCalls.push(code);
    const grant = codes.get(code);
    if (!grant) return answer(res, { ok: false, error: "invalid_code" });
    codes.delete(code);
    return answer(res, { ok: true, ...grant });
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://fake").pathname;
      const body = Buffer.concat(chunks);
      const args = new URLSearchParams(body.toString("utf8"));
      if (path === "/api/oauth.v2.access") {
        void oauthV2Access(args, res);
      } else if (options.forwardTo && path.startsWith("/api/")) {
        void forward(options.forwardTo, path.slice("/api/".length), req, body, res);
      } else if (path === "/api/auth.test") {
        answer(res, { ok: true, bot_id: "B0BOT", user_id: "U0BOT", url: "https://fake.slack.test/" });
      } else {
        answer(res, { ok: false, error: "unknown_method" });
      }
    });
  });
  const origin = await new Promise<string>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
  return {
    url: `${origin}/api/`,
    clientId,
    clientSecret,
    refreshCalls,
    codeCalls,
    issueRefreshToken: (token) => liveRefreshTokens.add(token),
    issueCode: (code, grant) => codes.set(code, grant),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

async function forward(
  base: string,
  method: string,
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
) {
  const headers: Record<string, string> = {};
  for (const name of ["content-type", "authorization"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers[name] = value;
  }
  const answer = await fetch(`${base}${method}`, { method: "POST", headers, body });
  const forwarded: Record<string, string> = {
    "content-type": answer.headers.get("content-type") ?? "application/json",
  };
  const retryAfter = answer.headers.get("retry-after");
  if (retryAfter) forwarded["retry-after"] = retryAfter;
  res.writeHead(answer.status, forwarded).end(Buffer.from(await answer.arrayBuffer()));
}
