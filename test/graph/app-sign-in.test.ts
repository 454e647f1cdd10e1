import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type AppRegistration, appAccessToken } from "../../src/graph/app-sign-in.ts";
import { type LocalGraph, startLocalGraph } from "../../src/local-graph/local-graph-server.ts";

const certificatePath = fileURLToPath(new URL("../fixtures/m365-app-certificate.pem", import.meta.url));
const otherCertificatePath = fileURLToPath(
  new URL("../fixtures/m365-other-app-certificate.pem", import.meta.url),
);
const publicPart = (path: string) =>
  /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(readFileSync(path, "utf8"))?.[0] ?? "";

let graph: LocalGraph | undefined;
afterEach(async () => {
  await graph?.close();
  graph = undefined;
});

const registration = (
  credential: AppRegistration["credential"],
  on = graph as LocalGraph,
): AppRegistration => ({
  tenantId: on.app.tenantId,
  clientId: on.app.clientId,
  credential,
  loginUrl: on.loginUrl,
  graphUrl: on.graphUrl,
});

describe("app-only sign-in", () => {
  it("gets a token with the client secret once, then serves it from MSAL's cache until told to refresh", async () => {
    graph = await startLocalGraph();
    const token = appAccessToken(registration({ kind: "secret", secret: "local-graph-secret" }));
    const first = await token({ forceRefresh: false });
    expect(await token({ forceRefresh: false })).toBe(first);
    expect(graph?.signIn.issued).toBe(1);
    expect(graph?.signIn.tokenProblem(`Bearer ${first}`)).toBeUndefined();
    expect(await token({ forceRefresh: true })).not.toBe(first);
    expect(graph?.signIn.issued).toBe(2);
  });

  it("signs in with a certificate: a client assertion the sign-in host checks against the registered one", async () => {
    graph = await startLocalGraph({ app: { secrets: [], certificates: [publicPart(certificatePath)] } });
    const token = await appAccessToken(registration({ kind: "certificate", path: certificatePath }))({
      forceRefresh: false,
    });
    expect(graph?.signIn.tokenProblem(`Bearer ${token}`)).toBeUndefined();
  });

  it("is refused with the sign-in host's reason for a wrong secret or an unregistered certificate", async () => {
    graph = await startLocalGraph({ app: { certificates: [publicPart(certificatePath)] } });
    const wrongSecret = appAccessToken(registration({ kind: "secret", secret: "not-it" }));
    await expect(wrongSecret({ forceRefresh: false })).rejects.toMatchObject({
      graphCode: "invalid_client",
      graphMessage: expect.stringContaining("AADSTS7000215: Invalid client secret provided."),
    });
    const wrongCertificate = appAccessToken(
      registration({ kind: "certificate", path: otherCertificatePath }),
    );
    await expect(wrongCertificate({ forceRefresh: false })).rejects.toMatchObject({
      graphCode: "invalid_client",
      graphMessage: expect.stringContaining("AADSTS700027"),
    });
    expect(graph?.signIn.issued).toBe(0);
  });

  it("refuses a plain-http sign-in host that is not on this machine", () => {
    expect(() =>
      appAccessToken({
        tenantId: "t",
        clientId: "c",
        credential: { kind: "secret", secret: "s" },
        loginUrl: "http://login.example.com",
        graphUrl: "https://graph.microsoft.com/v1.0",
      }),
    ).toThrow(/M365_LOGIN_URL must be https/);
  });
});
