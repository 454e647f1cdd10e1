import http from "node:http";
import https from "node:https";

/** Kept-alive connections: replies go to the same few hosts (Slack's hooks) over and over. */
const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};
const TIMEOUT_MS = 10_000;

/** A response_url answered with something other than 2xx: expired, used up, or the message refused. */
export class ResponseUrlError extends Error {
  constructor(readonly status: number) {
    super(`the response_url answered HTTP ${status}`);
  }
}

/**
 * POSTs a message to a response_url. Replies are on every command's path, and global `fetch`
 * (undici, with web streams) cost several times what a plain request does there.
 */
export function postToResponseUrl(url: string, message: object): Promise<void> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : target.protocol === "http:" ? http : undefined;
  if (!client) return Promise.reject(new Error(`not an http(s) response_url: ${target.protocol}`));
  const body = JSON.stringify(message);
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        agent: agents[target.protocol as keyof typeof agents],
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        timeout: TIMEOUT_MS,
      },
      (response) => {
        response.resume();
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new ResponseUrlError(status));
        });
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("the response_url did not answer in time")));
    request.on("error", reject);
    request.end(body);
  });
}
