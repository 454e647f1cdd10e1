import { z } from "zod";

/**
 * The M365_* settings: the tenant License Desk signs in to as an app (one workspace), and the
 * hosts of the cloud it lives in. Read by `loadConfig` in src/config.ts with every other setting,
 * so a bad one is named with the rest.
 */
export const microsoft365Settings = {
  /** Microsoft 365: the directory (tenant) id, or one of its verified domains. */
  M365_TENANT_ID: z.string().trim().min(1).optional(),
  /** Microsoft 365: the app registration's application (client) id. */
  M365_CLIENT_ID: z.string().trim().min(1).optional(),
  M365_CLIENT_SECRET: z.string().trim().min(1).optional(),
  /** A PEM file holding the certificate and its private key; preferred to a secret. */
  M365_CLIENT_CERTIFICATE_PATH: z.string().trim().min(1).optional(),
  /** National clouds and stand-ins have their own hosts for Graph and for sign-in. */
  M365_GRAPH_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .default("https://graph.microsoft.com/v1.0"),
  M365_LOGIN_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .default("https://login.microsoftonline.com"),
};

const parsedSettings = z.object(microsoft365Settings);
export type Microsoft365Settings = z.infer<typeof parsedSettings>;

/** Where the tenant lives: Graph and its sign-in host (public cloud, a national cloud, a stand-in). */
export interface Microsoft365Cloud {
  /** Graph's base URL with its version, no trailing slash (M365_GRAPH_URL). */
  graphUrl: string;
  /** The sign-in host, no trailing slash (M365_LOGIN_URL). */
  loginUrl: string;
}

/** The one tenant the settings name, and how the app signs in to it. */
export interface Microsoft365Config extends Microsoft365Cloud {
  tenantId: string;
  clientId: string;
  /** How the app proves who it is: a client secret, or a certificate (PEM with its private key). */
  credential: { kind: "secret"; secret: string } | { kind: "certificate"; path: string };
}

const APP_SETTINGS = [
  "M365_TENANT_ID",
  "M365_CLIENT_ID",
  "M365_CLIENT_SECRET",
  "M365_CLIENT_CERTIFICATE_PATH",
] as const;

/** The settings come as a set: the tenant, the app, and exactly one way to prove it is the app. */
export function microsoft365Problems(c: Microsoft365Settings): string[] {
  if (!APP_SETTINGS.some((name) => c[name] !== undefined)) return [];
  const problems: string[] = [];
  if (!c.M365_TENANT_ID) problems.push("M365_TENANT_ID is required with the other Microsoft 365 settings");
  if (!c.M365_CLIENT_ID) problems.push("M365_CLIENT_ID is required with the other Microsoft 365 settings");
  if (!c.M365_CLIENT_SECRET && !c.M365_CLIENT_CERTIFICATE_PATH) {
    problems.push(
      "M365_CLIENT_SECRET or M365_CLIENT_CERTIFICATE_PATH is required to sign in to Microsoft 365",
    );
  }
  if (c.M365_CLIENT_SECRET && c.M365_CLIENT_CERTIFICATE_PATH) {
    problems.push("M365_CLIENT_SECRET and M365_CLIENT_CERTIFICATE_PATH: give one of them, not both");
  }
  return problems;
}

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, "");

/**
 * The cloud's hosts always (a workspace connecting from App Home signs in there too), and the
 * tenant only when the settings name one. Call after `microsoft365Problems` found nothing.
 */
export function readMicrosoft365(c: Microsoft365Settings): {
  microsoft365Cloud: Microsoft365Cloud;
  microsoft365?: Microsoft365Config;
} {
  const cloud = {
    graphUrl: withoutTrailingSlash(c.M365_GRAPH_URL),
    loginUrl: withoutTrailingSlash(c.M365_LOGIN_URL),
  };
  if (!c.M365_TENANT_ID || !c.M365_CLIENT_ID) return { microsoft365Cloud: cloud };
  return {
    microsoft365Cloud: cloud,
    microsoft365: {
      tenantId: c.M365_TENANT_ID,
      clientId: c.M365_CLIENT_ID,
      credential: c.M365_CLIENT_CERTIFICATE_PATH
        ? { kind: "certificate", path: c.M365_CLIENT_CERTIFICATE_PATH }
        : { kind: "secret", secret: c.M365_CLIENT_SECRET ?? "" },
      ...cloud,
    },
  };
}
