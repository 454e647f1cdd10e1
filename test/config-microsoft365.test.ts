import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";

const base = {
  M365_TENANT_ID: "contoso.onmicrosoft.com",
  M365_CLIENT_ID: "11111111-2222-3333-4444-555555555555",
};

describe("Microsoft 365 settings", () => {
  it("are absent unless set: License Desk is then the record", () => {
    expect(loadConfig({}).microsoft365).toBeUndefined();
  });

  it("sign in with a client secret, on Graph's and the sign-in host's public clouds by default", () => {
    expect(loadConfig({ ...base, M365_CLIENT_SECRET: "s3cret" }).microsoft365).toEqual({
      tenantId: "contoso.onmicrosoft.com",
      clientId: base.M365_CLIENT_ID,
      credential: { kind: "secret", secret: "s3cret" },
      graphUrl: "https://graph.microsoft.com/v1.0",
      loginUrl: "https://login.microsoftonline.com",
    });
  });

  it("sign in with a certificate instead, on a national cloud's hosts, trailing slashes dropped", () => {
    const m365 = loadConfig({
      ...base,
      M365_CLIENT_CERTIFICATE_PATH: "/etc/license-desk/app.pem",
      M365_GRAPH_URL: "https://microsoftgraph.chinacloudapi.cn/v1.0/",
      M365_LOGIN_URL: "https://login.chinacloudapi.cn/",
    }).microsoft365;
    expect(m365?.credential).toEqual({ kind: "certificate", path: "/etc/license-desk/app.pem" });
    expect(m365?.graphUrl).toBe("https://microsoftgraph.chinacloudapi.cn/v1.0");
    expect(m365?.loginUrl).toBe("https://login.chinacloudapi.cn");
  });

  it("come as a set: each missing one is named", () => {
    expect(() => loadConfig({ M365_CLIENT_SECRET: "s3cret" })).toThrow(
      /M365_TENANT_ID is required[\s\S]*M365_CLIENT_ID is required/,
    );
    expect(() => loadConfig(base)).toThrow(
      "M365_CLIENT_SECRET or M365_CLIENT_CERTIFICATE_PATH is required to sign in to Microsoft 365",
    );
  });

  it("take a secret or a certificate, not both, and hosts only as http(s) URLs", () => {
    expect(() =>
      loadConfig({ ...base, M365_CLIENT_SECRET: "s", M365_CLIENT_CERTIFICATE_PATH: "/app.pem" }),
    ).toThrow("give one of them, not both");
    expect(() => loadConfig({ ...base, M365_CLIENT_SECRET: "s", M365_GRAPH_URL: "graph" })).toThrow(
      /M365_GRAPH_URL must be an http\(s\) URL/,
    );
  });

  it("name the cloud's hosts even without a tenant: a workspace connecting from App Home signs in there", () => {
    expect(
      loadConfig({
        M365_GRAPH_URL: "https://graph.microsoft.us/v1.0/",
        M365_LOGIN_URL: "https://login.microsoftonline.us",
      }).microsoft365Cloud,
    ).toEqual({ graphUrl: "https://graph.microsoft.us/v1.0", loginUrl: "https://login.microsoftonline.us" });
  });
});

describe("TOKEN_ENCRYPTION_KEY outside OAuth mode", () => {
  it("is read when given, to seal a client secret entered in App Home, and checked like in OAuth mode", () => {
    const key = randomBytes(32);
    expect(loadConfig({ TOKEN_ENCRYPTION_KEY: `k1:${key.toString("base64")}` }).tokenKeys).toEqual([
      { id: "k1", key },
    ]);
    expect(loadConfig({}).tokenKeys).toBeUndefined();
    expect(() => loadConfig({ TOKEN_ENCRYPTION_KEY: "k1:short" })).toThrow(
      'TOKEN_ENCRYPTION_KEY key 1 ("k1") must be 32 bytes in base64',
    );
  });
});
