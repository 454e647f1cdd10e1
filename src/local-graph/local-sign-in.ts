import { constants, createHash, randomBytes, verify, X509Certificate } from "node:crypto";
import { DEFAULT_APP_ROLES } from "./app-roles.ts";

export interface LocalApp {
  tenantId: string;
  clientId: string;
  /** Secrets the app may sign in with. */
  secrets?: string[];
  /** PEM certificates whose private keys may sign the app's client assertions. */
  certificates?: string[];
  /**
   * The application permissions an admin consented to, put in each token's `roles` claim as the
   * real sign-in host does; the least privilege License Desk asks for unless a test says otherwise.
   */
  roles?: string[];
}

export interface IssuedToken {
  token: string;
  expiresAt: number;
  roles: string[];
}

/** The sign-in host's error body (AADSTS codes), as MSAL reads it. */
export interface SignInFailure {
  status: number;
  body: {
    error: string;
    error_description: string;
    error_codes: number[];
    timestamp: string;
    trace_id: string;
  };
}

const TOKEN_LIFETIME_SECONDS = 3599;

/**
 * The client-credentials grant of `/{tenant}/oauth2/v2.0/token`: a secret, or a client assertion
 * (a JWT signed with the certificate's key, `x5t#S256` naming the certificate, audience the token
 * endpoint). Answers a token the stand-in's Graph accepts until it expires or is revoked.
 */
export class LocalSignIn {
  readonly tokens = new Map<string, IssuedToken>();
  /** Token requests answered with a token: how a test sees MSAL's cache at work. */
  issued = 0;

  constructor(
    private readonly app: LocalApp,
    private readonly now: () => number = Date.now,
  ) {}

  grant(
    tenant: string,
    form: URLSearchParams,
    tokenEndpoint: string,
  ): { status: 200; body: unknown } | SignInFailure {
    if (tenant !== this.app.tenantId) {
      return failure(
        400,
        "invalid_request",
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    }
    if (form.get("grant_type") !== "client_credentials") {
      return failure(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
    }
    const clientId = form.get("client_id");
    if (clientId !== this.app.clientId) {
      return failure(
        400,
        "unauthorized_client",
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`,
      );
    }
    if (!(form.get("scope") ?? "").split(" ").some((scope) => scope.endsWith("/.default"))) {
      return failure(
        400,
        "invalid_scope",
        1002012,
        "The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).",
      );
    }
    const secret = form.get("client_secret");
    const assertion = form.get("client_assertion");
    if (secret !== null) {
      if (!(this.app.secrets ?? []).includes(secret)) {
        return failure(
          401,
          "invalid_client",
          7000215,
          "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app.",
        );
      }
    } else if (assertion !== null) {
      const problem = this.assertionProblem(assertion, tokenEndpoint);
      if (problem) return failure(401, "invalid_client", problem.code, problem.message);
    } else {
      return failure(
        401,
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }
    const roles = [...(this.app.roles ?? DEFAULT_APP_ROLES)];
    const expiresAt = this.now() + TOKEN_LIFETIME_SECONDS * 1000;
    const token = accessToken({
      aud: new URL((form.get("scope") ?? "").split(" ").find((scope) => scope.endsWith("/.default")) ?? "")
        .origin,
      iss: `${new URL(tokenEndpoint).origin}/${tenant}/v2.0`,
      tid: tenant,
      appid: this.app.clientId,
      roles,
      iat: Math.floor(this.now() / 1000),
      exp: Math.floor(expiresAt / 1000),
    });
    this.tokens.set(token, { token, expiresAt, roles });
    this.issued++;
    return {
      status: 200,
      body: {
        token_type: "Bearer",
        expires_in: TOKEN_LIFETIME_SECONDS,
        ext_expires_in: TOKEN_LIFETIME_SECONDS,
        access_token: token,
      },
    };
  }

  /** Why Graph refuses a bearer token, or undefined when it is good. */
  tokenProblem(authorization: string | undefined): string | undefined {
    const token = authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() : "";
    if (token === "") return "Access token is empty.";
    const issued = this.tokens.get(token);
    if (!issued) return "Access token validation failure. Invalid audience.";
    if (issued.expiresAt <= this.now()) return "Lifetime validation failed, the token is expired.";
    return undefined;
  }

  /** The roles of a token Graph accepts; none for one it does not. */
  rolesOf(authorization: string | undefined): string[] {
    const token = authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() : "";
    return this.tokens.get(token)?.roles ?? [];
  }

  /** Every token given so far stops working, as after a key rollover or a revocation. */
  revokeAll(): void {
    this.tokens.clear();
  }

  private assertionProblem(
    assertion: string,
    tokenEndpoint: string,
  ): { code: number; message: string } | undefined {
    const [headerPart, payloadPart, signaturePart] = assertion.split(".");
    const bad = { code: 50027, message: "JWT token is invalid or malformed." };
    if (!headerPart || !payloadPart || !signaturePart) return bad;
    let header: Record<string, unknown>;
    let payload: Record<string, unknown>;
    try {
      header = JSON.parse(Buffer.from(headerPart, "base64url").toString("utf8"));
      payload = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
    } catch {
      return bad;
    }
    const thumbprint = header["x5t#S256"];
    const certificate = (this.app.certificates ?? [])
      .map((pem) => new X509Certificate(pem))
      .find((c) => createHash("sha256").update(c.raw).digest("base64url") === thumbprint);
    if (!certificate) {
      return {
        code: 700027,
        message: `Client assertion failed signature validation. The certificate with thumbprint ${String(thumbprint)} is not registered for the app.`,
      };
    }
    const signed = Buffer.from(`${headerPart}.${payloadPart}`);
    const signature = Buffer.from(signaturePart, "base64url");
    const key = certificate.publicKey;
    const valid =
      header.alg === "PS256"
        ? verify(
            "sha256",
            signed,
            { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
            signature,
          )
        : header.alg === "RS256" && verify("sha256", signed, key, signature);
    if (!valid) return { code: 700027, message: "Client assertion failed signature validation." };
    if (payload.aud !== tokenEndpoint)
      return {
        code: 700212,
        message: `No matching federated identity record found for presented assertion audience '${String(payload.aud)}'.`,
      };
    if (payload.iss !== this.app.clientId || payload.sub !== this.app.clientId) {
      return {
        code: 700021,
        message: "Client assertion application identifier doesn't match 'client_id' parameter.",
      };
    }
    if (typeof payload.exp !== "number" || payload.exp * 1000 <= this.now()) {
      return { code: 700024, message: "Client assertion is not within its valid time range." };
    }
    return undefined;
  }
}

/**
 * A token shaped as the real one, a JWT whose payload a client may read (`roles` among its
 * claims). Its signature is random bytes: Graph here accepts a token by looking it up, so nothing
 * verifies it, and a client never should (the token is for Graph, not for the client).
 */
function accessToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const payload = { ...claims, jti: randomBytes(12).toString("base64url") };
  return `${part({ typ: "JWT", alg: "RS256", kid: "local-graph" })}.${part(payload)}.${randomBytes(32).toString("base64url")}`;
}

function failure(status: number, error: string, code: number, message: string): SignInFailure {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${message}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: randomBytes(16).toString("hex"),
    },
  };
}
