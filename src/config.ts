import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: "must be a URL like postgres://user:password@host:5432/database" },
  );

const configSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().trim().min(1).default("./.data"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  WORKSPACE_ID: z.string().trim().min(1).default("T_LOCAL"),
  SLACK_SIGNING_SECRET: z.string().trim().min(8, "must be the app's signing secret").optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^xoxb-/, "must be a bot token (xoxb-…)")
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .regex(/^xapp-/, "must be an app-level token (xapp-…)")
    .optional(),
  SLACK_API_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  /** 0 takes any free port; the app logs the one it got. */
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  APPROVALS_CHANNEL: z
    .string()
    .trim()
    .regex(/^[CG][A-Z0-9]{2,}$/, "must be a channel id (C…), not its name")
    .optional(),
});

/** Slack settings come as a set: a partial set is a mistake to name, not a reason to run without Slack. */
const slackSettings = (c: z.infer<typeof configSchema>): string[] => {
  const problems: string[] = [];
  const anySet = c.SLACK_SIGNING_SECRET || c.SLACK_BOT_TOKEN || c.SLACK_APP_TOKEN;
  if (!anySet) return problems;
  if (!c.SLACK_BOT_TOKEN) problems.push("SLACK_BOT_TOKEN is required with the other Slack settings");
  if (!c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
    problems.push("SLACK_SIGNING_SECRET is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)");
  }
  return problems;
};

export type Config = {
  database: { kind: "postgres"; url: string; poolMax: number } | { kind: "pglite"; dataDir: string };
  /** The workspace the command-line tools act on until Slack installs bring their own. */
  workspaceId: string;
  /** Absent when no Slack setting is given. */
  slack?: SlackConfig;
};

export interface SlackConfig {
  botToken: string;
  /** HTTP mode verifies every request with it. */
  signingSecret?: string;
  /** Socket Mode when set. */
  appToken?: string;
  /** The Web API's base URL, ending in a slash; Slack's own unless set (GovSlack, proxies, tests). */
  apiUrl?: string;
  port: number;
  /** The interface HTTP mode listens on: all of them unless set (127.0.0.1 keeps it local). */
  host: string;
  /** Where license requests go for approval; each admin's DM when unset. */
  approvalsChannel?: string;
}

export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** The process's own settings: the one place that reads `process.env`. */
export function loadProcessConfig(): Config {
  return loadConfig(process.env);
}

/** Reads settings from `env`. Throws ConfigError naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const parsed = configSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const c = parsed.data;
  const problems = slackSettings(c);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    database: c.DATABASE_URL
      ? { kind: "postgres", url: c.DATABASE_URL, poolMax: c.DATABASE_POOL_MAX }
      : { kind: "pglite", dataDir: c.DATA_DIR },
    workspaceId: c.WORKSPACE_ID,
    ...(c.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: c.SLACK_BOT_TOKEN,
            port: c.PORT,
            host: c.HOST,
            ...(c.APPROVALS_CHANNEL ? { approvalsChannel: c.APPROVALS_CHANNEL } : {}),
            ...(c.SLACK_SIGNING_SECRET ? { signingSecret: c.SLACK_SIGNING_SECRET } : {}),
            ...(c.SLACK_APP_TOKEN ? { appToken: c.SLACK_APP_TOKEN } : {}),
            ...(c.SLACK_API_URL
              ? { apiUrl: c.SLACK_API_URL.endsWith("/") ? c.SLACK_API_URL : `${c.SLACK_API_URL}/` }
              : {}),
          },
        }
      : {}),
  };
}
