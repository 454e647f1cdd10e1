import { type AppRegistration, appAccessToken } from "../../graph/app-sign-in.ts";
import { type AccessTokenSource, createGraphClient } from "../../graph/graph-client.ts";
import { GraphError } from "../../graph/graph-error.ts";
import type { TenantSignInProblem } from "../../licensing/failure-details.ts";
import type { TenantPort } from "../tenant-port.ts";
import { missingRequired, rolesInAccessToken } from "./app-permissions.ts";
import { microsoft365Tenant } from "./microsoft365-tenant.ts";

export type { AppRegistration };

/** A tenant signed in to as an app: its port, and the token source (whose token names the app's roles). */
export interface SignedInTenant {
  port: TenantPort;
  accessToken: AccessTokenSource;
}

/** One MSAL client (and its token cache) and one Graph client for the app registration. */
export function signInTenant(app: AppRegistration, options: { fetch?: typeof fetch } = {}): SignedInTenant {
  const accessToken = appAccessToken(app, options);
  const client = createGraphClient({
    baseUrl: app.graphUrl,
    accessToken,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { port: microsoft365Tenant(client), accessToken };
}

/** Why signing in, or the first read, failed: what the admin can fix. */
export type SignInProblem = TenantSignInProblem;

export type AppProof =
  | { ok: true; roles: string[]; products: number }
  | { ok: false; problem: SignInProblem; missing: string[]; tenantMessage: string };

/**
 * Proves an app registration works before it is kept: signs in, reads the tenant's products
 * (GET /subscribedSkus), and checks the token's roles against the permissions License Desk needs.
 */
export async function proveApp(tenant: SignedInTenant): Promise<AppProof> {
  let roles: string[];
  try {
    roles = rolesInAccessToken(await tenant.accessToken({ forceRefresh: true }));
  } catch (error) {
    return { ok: false, problem: signInProblemOf(error), missing: [], tenantMessage: messageOf(error) };
  }
  const missing = missingRequired(roles);
  let products: number;
  try {
    products = (await tenant.port.readProducts()).length;
  } catch (error) {
    if (error instanceof GraphError && error.status === 403) {
      // The roles may look right and the read still be refused: Microsoft names
      // LicenseAssignment.Read.All as the least privilege for subscribedSkus (graph/api/subscribedsku-list).
      return {
        ok: false,
        problem: "permission_missing",
        missing: missing.length > 0 ? missing : ["LicenseAssignment.Read.All"],
        tenantMessage: error.graphMessage,
      };
    }
    return { ok: false, problem: readProblemOf(error), missing: [], tenantMessage: messageOf(error) };
  }
  if (missing.length > 0) {
    return {
      ok: false,
      problem: "permission_missing",
      missing,
      tenantMessage: `The app's token grants ${roles.length > 0 ? roles.join(", ") : "no application permission"}.`,
    };
  }
  return { ok: true, roles, products };
}

/** The sign-in host's AADSTS codes an admin can act on (learn.microsoft.com/entra/identity-platform/reference-error-codes). */
const AADSTS: Record<string, SignInProblem> = {
  "90002": "unknown_tenant",
  "900023": "unknown_tenant",
  "90072": "unknown_tenant",
  "700016": "unknown_app",
  "7000215": "wrong_secret",
  "7000218": "wrong_secret",
  "7000222": "secret_expired",
  "700027": "wrong_certificate",
};

/** MSAL's codes for a host it could not reach, or whose metadata it could not read. */
const UNREACHABLE = new Set([
  "network_error",
  "no_network_connectivity",
  "endpoints_resolution_error",
  "openid_config_error",
]);

export function signInProblemOf(error: unknown): SignInProblem {
  if (!(error instanceof GraphError)) return "unreachable";
  const code = /AADSTS(\d+)/.exec(error.graphMessage)?.[1];
  if (code && AADSTS[code]) return AADSTS[code];
  if (UNREACHABLE.has(error.graphCode)) return "unreachable";
  return "refused";
}

function readProblemOf(error: unknown): SignInProblem {
  if (!(error instanceof GraphError)) return "unreachable";
  return error.status === 0 || error.retryable ? "unreachable" : "refused";
}

function messageOf(error: unknown): string {
  if (error instanceof GraphError) return error.graphMessage;
  return error instanceof Error ? error.message : String(error);
}
