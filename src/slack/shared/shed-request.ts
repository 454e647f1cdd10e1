import type { IncomingMessage, ServerResponse } from "node:http";
import { isValidSlackRequest } from "@slack/bolt";
import { busyAnswer } from "./busy-answer.ts";
import { type AppLogger, describeError } from "./logger.ts";
import { postToResponseUrl } from "./post-to-response-url.ts";

/** Larger bodies are not Slack's: nothing it sends the app comes near this. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Answers a request the instance has no room for, from its body alone and without the database.
 * Only a request signed by Slack gets more than a bare 503: the busy reply, or a message to the
 * response_url it names.
 */
export async function shedRequest(
  req: IncomingMessage,
  res: ServerResponse,
  signingSecret: string,
  logger: AppLogger,
): Promise<void> {
  try {
    const body = await readBody(req);
    const signature = req.headers["x-slack-signature"];
    const timestamp = Number(req.headers["x-slack-request-timestamp"]);
    const signed =
      body !== undefined &&
      typeof signature === "string" &&
      isValidSlackRequest({
        signingSecret,
        body,
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
      });
    if (!signed) {
      res.writeHead(body === undefined ? 413 : 401).end();
      return;
    }
    const answer = busyAnswer(String(req.headers["content-type"] ?? ""), body);
    res.writeHead(answer.status, answer.headers).end(answer.body);
    if (answer.notify) await postToResponseUrl(answer.notify.url, answer.notify.message);
  } catch (error) {
    logger.warn("answering a request as busy failed", describeError(error));
    if (!res.headersSent) res.writeHead(503).end();
  }
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString("utf8") : undefined));
    req.on("error", reject);
  });
}
