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
});

export type Config = {
  database: { kind: "postgres"; url: string; poolMax: number } | { kind: "pglite"; dataDir: string };
  /** The workspace the command-line tools act on until Slack installs bring their own. */
  workspaceId: string;
};

export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** The only reader of the environment. Throws ConfigError naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const parsed = configSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const c = parsed.data;
  return {
    database: c.DATABASE_URL
      ? { kind: "postgres", url: c.DATABASE_URL, poolMax: c.DATABASE_POOL_MAX }
      : { kind: "pglite", dataDir: c.DATA_DIR },
    workspaceId: c.WORKSPACE_ID,
  };
}
