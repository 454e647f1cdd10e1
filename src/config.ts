import { z } from "zod";
import {
  type Microsoft365Cloud,
  type Microsoft365Config,
  microsoft365Problems,
  microsoft365Settings,
  readMicrosoft365,
} from "./config/microsoft365-settings.ts";

export type { Microsoft365Cloud, Microsoft365Config };

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
  /** OAuth mode: the app is installed by many workspaces through /slack/install. */
  SLACK_CLIENT_ID: z.string().trim().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().trim().min(8, "must be the app's client secret").optional(),
  SLACK_STATE_SECRET: z.string().trim().min(16, "must be at least 16 characters").optional(),
  /** `id:base64` keys, comma separated; the first encrypts, all decrypt. */
  TOKEN_ENCRYPTION_KEY: z.string().trim().optional(),
  /** How many instances of the app share the database; the embedded database holds only one. */
  INSTANCE_COUNT: z.coerce.number().int().min(1).max(1000).default(1),
  /** Days an uninstalled workspace's data is kept (for an export, or a reinstall) before it is purged. */
  UNINSTALLED_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How long a stop (SIGTERM, SIGINT) waits for requests and jobs in flight before giving up. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).max(3600).default(25),
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(0),
  /** Slack requests one instance works on at once, their work after the ack included; more are told "busy". */
  MAX_REQUESTS_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(64),
  ...microsoft365Settings,
});

type ParsedConfig = z.infer<typeof configSchema>;

const OAUTH_SETTINGS = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

const oauthRequested = (c: ParsedConfig): boolean => OAUTH_SETTINGS.some((name) => c[name] !== undefined);

/** Slack settings come as a set: a partial set is a mistake to name, not a reason to run without Slack. */
const slackSettings = (c: ParsedConfig): string[] => {
  const problems: string[] = [];
  if (oauthRequested(c)) return oauthSettings(c);
  const anySet = c.SLACK_SIGNING_SECRET || c.SLACK_BOT_TOKEN || c.SLACK_APP_TOKEN;
  if (!anySet) return problems;
  if (!c.SLACK_BOT_TOKEN) problems.push("SLACK_BOT_TOKEN is required with the other Slack settings");
  if (!c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
    problems.push("SLACK_SIGNING_SECRET is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)");
  }
  return problems;
};

/**
 * OAuth settings come as a set too. Many workspaces means many tokens, kept in the database and
 * refreshed under a row lock shared by every instance: that takes PostgreSQL, not the embedded
 * database, which is one connection in one process.
 */
const oauthSettings = (c: ParsedConfig): string[] => {
  const problems: string[] = [];
  for (const name of OAUTH_SETTINGS) {
    if (c[name] === undefined) problems.push(`${name} is required with the other OAuth settings`);
  }
  if (!c.SLACK_SIGNING_SECRET) problems.push("SLACK_SIGNING_SECRET is required in OAuth mode");
  if (c.SLACK_BOT_TOKEN) {
    problems.push(
      "SLACK_BOT_TOKEN is for one workspace: leave it out in OAuth mode, installs bring their tokens",
    );
  }
  if (c.SLACK_APP_TOKEN) problems.push("SLACK_APP_TOKEN: OAuth mode runs over HTTP, not Socket Mode");
  if (!c.TOKEN_ENCRYPTION_KEY) {
    problems.push("TOKEN_ENCRYPTION_KEY is required in OAuth mode (id:base64 of 32 random bytes)");
  } else {
    const keys = parseTokenKeys(c.TOKEN_ENCRYPTION_KEY);
    if (!keys.ok) problems.push(...keys.problems.map((p) => `TOKEN_ENCRYPTION_KEY ${p}`));
  }
  if (!c.DATABASE_URL) {
    problems.push(
      "OAuth mode needs PostgreSQL: set DATABASE_URL (the embedded database is one connection in one process)",
    );
  }
  return problems;
};

/** OAuth mode names a bad key with its other settings; outside it, a key given is checked all the same. */
const tokenKeySettings = (c: ParsedConfig): string[] => {
  if (oauthRequested(c) || !c.TOKEN_ENCRYPTION_KEY) return [];
  const keys = parseTokenKeys(c.TOKEN_ENCRYPTION_KEY);
  return keys.ok ? [] : keys.problems.map((p) => `TOKEN_ENCRYPTION_KEY ${p}`);
};

const instanceSettings = (c: ParsedConfig): string[] =>
  c.INSTANCE_COUNT > 1 && !c.DATABASE_URL
    ? [
        `INSTANCE_COUNT is ${c.INSTANCE_COUNT}, but the embedded database serves one instance: use PostgreSQL (set DATABASE_URL)`,
      ]
    : [];

export type Config = {
  database: { kind: "postgres"; url: string; poolMax: number } | { kind: "pglite"; dataDir: string };
  /** The workspace the command-line tools act on until Slack installs bring their own. */
  workspaceId: string;
  /** How many instances share the database (INSTANCE_COUNT); more than one needs PostgreSQL. */
  instanceCount: number;
  /** Days an uninstalled workspace's data is kept before it is purged (UNINSTALLED_RETENTION_DAYS). */
  uninstalledRetentionDays: number;
  /** How long a stop waits for work in flight (SHUTDOWN_TIMEOUT_SECONDS), in milliseconds. */
  shutdownTimeoutMs: number;
  /**
   * How long a stop keeps serving while /healthz already answers 503 (SHUTDOWN_DRAIN_SECONDS), in
   * milliseconds: the time a load balancer needs to notice and send the traffic elsewhere.
   */
  shutdownDrainMs: number;
  /** One workspace, with its bot token. Absent when no Slack setting is given, or in OAuth mode. */
  slack?: SlackConfig;
  /** Many workspaces, installed through OAuth; their tokens live in the database. */
  slackOAuth?: SlackOAuthConfig;
  /** The Microsoft 365 tenant that holds the licenses (rule 13); absent: License Desk is the record. */
  microsoft365?: Microsoft365Config;
  /** Graph's and the sign-in host's URLs, for the settings' tenant and for tenants connected from App Home. */
  microsoft365Cloud: Microsoft365Cloud;
  /**
   * TOKEN_ENCRYPTION_KEY when set, in any mode: seals what is stored secret in the database (Slack
   * tokens in OAuth mode, a tenant's client secret entered from App Home).
   */
  tokenKeys?: TokenKey[];
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
  /** Past this many requests in flight, HTTP mode answers "busy" at once (MAX_REQUESTS_IN_FLIGHT). */
  maxInFlight?: number;
}

/** HTTP mode for any number of workspaces: each install's tokens come from the installation store. */
export interface SlackOAuthConfig extends Omit<SlackConfig, "botToken" | "appToken" | "signingSecret"> {
  signingSecret: string;
  oauth: {
    clientId: string;
    clientSecret: string;
    /** Signs the OAuth state parameter (CSRF protection between /slack/install and the redirect). */
    stateSecret: string;
    /** The first encrypts new rows; every one decrypts, so rows written before a rotation stay readable. */
    tokenKeys: TokenKey[];
  };
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
  const problems = [
    ...slackSettings(c),
    ...instanceSettings(c),
    ...tokenKeySettings(c),
    ...microsoft365Problems(c),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  const apiUrl = c.SLACK_API_URL
    ? { apiUrl: c.SLACK_API_URL.endsWith("/") ? c.SLACK_API_URL : `${c.SLACK_API_URL}/` }
    : {};
  return {
    database: c.DATABASE_URL
      ? { kind: "postgres", url: c.DATABASE_URL, poolMax: c.DATABASE_POOL_MAX }
      : { kind: "pglite", dataDir: c.DATA_DIR },
    workspaceId: c.WORKSPACE_ID,
    instanceCount: c.INSTANCE_COUNT,
    uninstalledRetentionDays: c.UNINSTALLED_RETENTION_DAYS,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    shutdownDrainMs: c.SHUTDOWN_DRAIN_SECONDS * 1000,
    ...readMicrosoft365(c),
    ...(c.TOKEN_ENCRYPTION_KEY ? { tokenKeys: tokenKeysOf(c.TOKEN_ENCRYPTION_KEY) } : {}),
    ...(c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_STATE_SECRET && c.SLACK_SIGNING_SECRET
      ? {
          slackOAuth: {
            signingSecret: c.SLACK_SIGNING_SECRET,
            port: c.PORT,
            host: c.HOST,
            maxInFlight: c.MAX_REQUESTS_IN_FLIGHT,
            ...(c.APPROVALS_CHANNEL ? { approvalsChannel: c.APPROVALS_CHANNEL } : {}),
            ...apiUrl,
            oauth: {
              clientId: c.SLACK_CLIENT_ID,
              clientSecret: c.SLACK_CLIENT_SECRET,
              stateSecret: c.SLACK_STATE_SECRET,
              tokenKeys: tokenKeysOf(c.TOKEN_ENCRYPTION_KEY),
            },
          },
        }
      : {}),
    ...(c.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: c.SLACK_BOT_TOKEN,
            port: c.PORT,
            host: c.HOST,
            maxInFlight: c.MAX_REQUESTS_IN_FLIGHT,
            ...(c.APPROVALS_CHANNEL ? { approvalsChannel: c.APPROVALS_CHANNEL } : {}),
            ...(c.SLACK_SIGNING_SECRET ? { signingSecret: c.SLACK_SIGNING_SECRET } : {}),
            ...(c.SLACK_APP_TOKEN ? { appToken: c.SLACK_APP_TOKEN } : {}),
            ...apiUrl,
          },
        }
      : {}),
  };
}

function tokenKeysOf(value: string | undefined): TokenKey[] {
  const parsed = parseTokenKeys(value ?? "");
  if (!parsed.ok) throw new ConfigError(parsed.problems.map((p) => `TOKEN_ENCRYPTION_KEY ${p}`));
  return parsed.keys;
}

/** One AES-256 key and the id stored beside every value it encrypts. */
export interface TokenKey {
  id: string;
  key: Buffer;
}

export type ParsedTokenKeys = { ok: true; keys: TokenKey[] } | { ok: false; problems: string[] };

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Reads `id:base64,id:base64,…`: the first key encrypts new values, all of them decrypt. Rotating
 * a key means putting the new one first and keeping the old ones until no row uses them.
 */
export function parseTokenKeys(value: string): ParsedTokenKeys {
  const problems: string[] = [];
  const keys: TokenKey[] = [];
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) return { ok: false, problems: ["must list at least one key as id:base64"] };
  entries.forEach((entry, index) => {
    const at = `key ${index + 1}`;
    const colon = entry.indexOf(":");
    if (colon < 0) {
      problems.push(`${at} must be id:base64 (an id, a colon, then 32 bytes in base64)`);
      return;
    }
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) {
      problems.push(`${at} has an id that is not 1-32 letters, digits, "-" or "_"`);
      return;
    }
    if (keys.some((key) => key.id === id)) {
      problems.push(`${at} repeats the id "${id}"`);
      return;
    }
    const key = BASE64.test(encoded) ? Buffer.from(encoded, "base64") : Buffer.alloc(0);
    if (key.length !== 32) {
      problems.push(`${at} ("${id}") must be 32 bytes in base64 (openssl rand -base64 32)`);
      return;
    }
    keys.push({ id, key });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, keys };
}
