/**
 * The floor for bench:http and bench:start: Bolt's HTTPReceiver verifying signatures and a `/license`
 * listener that only acks, served by a plain node:http server as the real app is, with a `/healthz`
 * that needs nothing. Announces its URL as the app does, in one JSON log line. SIGNING_SECRET,
 * SLACK_BOT_TOKEN and SLACK_API_URL configure it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";

const signingSecret = process.env.SLACK_SIGNING_SECRET ?? "";
const receiver = new HTTPReceiver({ signingSecret, logLevel: LogLevel.ERROR });
const app = new App({
  receiver,
  token: process.env.SLACK_BOT_TOKEN ?? "",
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? "" },
  logLevel: LogLevel.ERROR,
  convoStore: false,
});
app.command("/license", async ({ ack }) => ack());
const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    return;
  }
  receiver.requestListener(req, res);
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(
    JSON.stringify({ level: "info", message: "ack-only app listening", url: `http://127.0.0.1:${port}` }),
  );
});
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
