import { eq } from "drizzle-orm";
import type { Microsoft365Cloud, Microsoft365Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { type TenantConnection, tenantConnections } from "../db/schema/index.ts";
import { withinWorkspace } from "../db/workspace-scope.ts";
import type { TokenCipher } from "../secrets/token-cipher.ts";
import { type AppRegistration, type SignedInTenant, signInTenant } from "./microsoft365/sign-in-tenant.ts";
import type { TenantResolver } from "./tenant-port.ts";

/** What an admin types in App Home to connect: the app registration and its secret. */
export interface EnteredApp {
  tenantId: string;
  clientId: string;
  secret: string;
}

/** How a connection signs in, as /license tenant shows it. */
export type SignInMethod = "stored_secret" | "settings_secret" | "settings_certificate";

export interface TenantConnectionsOptions {
  db: Database;
  /** Where a tenant connected from App Home is signed in to (M365_GRAPH_URL, M365_LOGIN_URL). */
  cloud: Microsoft365Cloud;
  /** The M365_* tenant: a workspace connected with the settings signs in with them, nothing stored. */
  settings?: Microsoft365Config;
  /** Seals the client secrets entered in App Home (TOKEN_ENCRYPTION_KEY); without it none is stored. */
  cipher?: TokenCipher;
  fetch?: typeof fetch;
}

/**
 * A workspace's connection to its tenant: the real `TenantResolver`, and what connecting needs.
 * The row is read on every use, so a connection made or removed by any instance is seen at once;
 * the signed-in client (its MSAL token cache with it) is kept per workspace for as long as the row
 * says the same thing, and replaced when the connection changes.
 */
export interface TenantConnections {
  resolve: TenantResolver;
  /** The workspace's connection row, without signing in; null when it has none. */
  connectionOf(workspaceId: string): Promise<TenantConnection | null>;
  /** The workspace's connection and its tenant signed in; null when it has none. */
  signedIn(workspaceId: string): Promise<{ connection: TenantConnection; tenant: SignedInTenant } | null>;
  /** A tenant signed in with an app registration typed in, not kept: to prove it before it is stored. */
  signInWith(app: EnteredApp): SignedInTenant;
  /** The tenant of the settings, for the one-click connection; absent without M365_* settings. */
  readonly settings: Pick<Microsoft365Config, "tenantId" | "clientId"> | undefined;
  /** The settings' own tenant signed in, for the proof before the one-click connection is kept. */
  signInWithSettings(): SignedInTenant | null;
  /** How the settings' tenant signs in; absent without M365_* settings. */
  readonly settingsMethod: Exclude<SignInMethod, "stored_secret"> | undefined;
  /** Whether a secret typed in App Home can be stored (a key to seal it is set). */
  readonly sealsSecrets: boolean;
  /** The secret sealed for the workspace's row; throws when no key is set (check `sealsSecrets`). */
  seal(workspaceId: string, secret: string): string;
  /** How the connection signs in. */
  methodOf(connection: TenantConnection): SignInMethod;
}

/** Bound to the row and column: a sealed secret copied to another workspace's row does not open. */
const sealContext = (workspaceId: string) => `tenant_connections:${workspaceId}:client_secret`;

export function createTenantConnections(options: TenantConnectionsOptions): TenantConnections {
  const { db, cloud, settings, cipher } = options;
  const cache = new Map<string, { key: string; tenant: SignedInTenant }>();
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};

  const registrationOf = (workspaceId: string, connection: TenantConnection): AppRegistration => {
    if (connection.clientSecretEncrypted === null) {
      if (!settings) {
        throw new Error(
          `workspace ${workspaceId} is connected with the M365_* settings, which are not set: set them again, or connect from App Home`,
        );
      }
      // The settings named this tenant when it was connected; another one now is not it.
      if (settings.tenantId !== connection.tenantId) {
        throw new Error(
          `workspace ${workspaceId} was connected to tenant ${connection.tenantId} with the M365_* settings, which now name ${settings.tenantId}: connect it again from App Home`,
        );
      }
      return settings;
    }
    if (!cipher) {
      throw new Error(
        `workspace ${workspaceId}'s client secret is sealed, and TOKEN_ENCRYPTION_KEY is not set to open it`,
      );
    }
    if (!connection.clientId) throw new Error(`workspace ${workspaceId}'s connection has no client id`);
    return {
      tenantId: connection.tenantId,
      clientId: connection.clientId,
      credential: {
        kind: "secret",
        secret: cipher.decrypt(connection.clientSecretEncrypted, sealContext(workspaceId)),
      },
      ...cloud,
    };
  };

  async function connectionOf(workspaceId: string): Promise<TenantConnection | null> {
    const [connection] = await withinWorkspace(workspaceId, () =>
      db.select().from(tenantConnections).where(eq(tenantConnections.workspaceId, workspaceId)),
    );
    return connection ?? null;
  }

  async function signedIn(workspaceId: string) {
    const connection = await connectionOf(workspaceId);
    if (!connection) {
      cache.delete(workspaceId);
      return null;
    }
    const key = [
      connection.tenantId,
      connection.clientId,
      connection.clientSecretEncrypted ?? "settings",
      connection.connectedAt.toISOString(),
    ].join("\n");
    const cached = cache.get(workspaceId);
    if (cached?.key === key) return { connection, tenant: cached.tenant };
    const tenant = signInTenant(registrationOf(workspaceId, connection), fetchOption);
    cache.set(workspaceId, { key, tenant });
    return { connection, tenant };
  }

  return {
    signedIn,
    connectionOf,
    resolve: async (workspaceId) => (await signedIn(workspaceId))?.tenant.port ?? null,
    signInWith: (app) =>
      signInTenant(
        {
          tenantId: app.tenantId,
          clientId: app.clientId,
          credential: { kind: "secret", secret: app.secret },
          ...cloud,
        },
        fetchOption,
      ),
    settings: settings ? { tenantId: settings.tenantId, clientId: settings.clientId } : undefined,
    settingsMethod: settings
      ? settings.credential.kind === "certificate"
        ? "settings_certificate"
        : "settings_secret"
      : undefined,
    signInWithSettings: () => (settings ? signInTenant(settings, fetchOption) : null),
    sealsSecrets: cipher !== undefined,
    seal(workspaceId, secret) {
      if (!cipher) throw new Error("no TOKEN_ENCRYPTION_KEY to seal a client secret with");
      return cipher.encrypt(secret, sealContext(workspaceId));
    },
    methodOf(connection) {
      if (connection.clientSecretEncrypted !== null) return "stored_secret";
      return settings?.credential.kind === "certificate" ? "settings_certificate" : "settings_secret";
    },
  };
}
