import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { ConfidentialClientApplication, type Configuration } from "@azure/msal-node";
import { fetchNetworkModule, isLoopbackHttp } from "./fetch-network-module.ts";
import type { AccessTokenSource } from "./graph-client.ts";
import { GraphError } from "./graph-error.ts";

export interface AppRegistration {
  tenantId: string;
  clientId: string;
  credential: { kind: "secret"; secret: string } | { kind: "certificate"; path: string };
  /** The sign-in host, e.g. `https://login.microsoftonline.com`. */
  loginUrl: string;
  /** Graph's base URL: its origin names the resource the token is for. */
  graphUrl: string;
}

/**
 * App-only sign-in (client credentials) with MSAL. MSAL keeps the token in its cache and asks for
 * a new one only when it is about to expire, so every Graph call may ask for one.
 */
export function appAccessToken(
  app: AppRegistration,
  options: { fetch?: typeof fetch } = {},
): AccessTokenSource {
  const login = new URL(app.loginUrl);
  const plainHttp = isLoopbackHttp(login);
  if (login.protocol !== "https:" && !plainHttp) {
    throw new Error(
      `M365_LOGIN_URL must be https (plain http only for a stand-in on this machine): ${app.loginUrl}`,
    );
  }
  const authorityOrigin = plainHttp ? `https://${login.host}` : login.origin;
  const config: Configuration = {
    auth: {
      clientId: app.clientId,
      authority: `${authorityOrigin}/${app.tenantId}`,
      // National clouds and stand-ins are trusted as given: no instance discovery elsewhere first.
      knownAuthorities: [login.host],
      ...credentialOf(app.credential),
    },
    system: {
      networkClient: fetchNetworkModule({
        ...(plainHttp ? { plainHttpOrigin: login.origin } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    },
  };
  const client = new ConfidentialClientApplication(config);
  const scopes = [`${new URL(app.graphUrl).origin}/.default`];
  return async ({ forceRefresh }) => {
    try {
      const result = await client.acquireTokenByClientCredential({ scopes, skipCache: forceRefresh });
      if (!result?.accessToken) throw new Error("the sign-in host answered without a token");
      return result.accessToken;
    } catch (error) {
      throw signInError(error);
    }
  };
}

function credentialOf(credential: AppRegistration["credential"]): Partial<Configuration["auth"]> {
  if (credential.kind === "secret") return { clientSecret: credential.secret };
  const pem = readFileSync(credential.path, "utf8");
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!certificate) throw new Error(`${credential.path} holds no certificate (-----BEGIN CERTIFICATE-----)`);
  return {
    clientCertificate: {
      thumbprintSha256: new X509Certificate(certificate).fingerprint256.replaceAll(":", ""),
      privateKey: createPrivateKey(pem).export({ format: "pem", type: "pkcs8" }).toString(),
      x5c: certificate,
    },
  };
}

/**
 * MSAL's errors carry the sign-in host's code (`invalid_client`) and wrap its AADSTS message in
 * timestamps and trace ids; the AADSTS sentence is what an admin can act on.
 */
function signInError(error: unknown): GraphError {
  const e = error as { errorCode?: unknown; errorMessage?: unknown; message?: unknown };
  const code = typeof e.errorCode === "string" && e.errorCode !== "" ? e.errorCode : "sign_in_failed";
  const text =
    typeof e.errorMessage === "string" && e.errorMessage !== "" ? e.errorMessage : String(e.message ?? error);
  const aadsts = /AADSTS\d+:.*?(?= - (Correlation ID|Trace ID|Timestamp):|$)/s.exec(text)?.[0];
  return new GraphError(401, code, (aadsts ?? text.split("\n")[0] ?? text).trim(), undefined);
}
