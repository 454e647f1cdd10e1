import { describe, expect, it } from "vitest";
import {
  checkPermissions,
  missingRequired,
  rolesInAccessToken,
} from "../../src/tenants/microsoft365/app-permissions.ts";
import { readTenantApp } from "../../src/tenants/tenant-app-input.ts";

const jwt = (claims: unknown) =>
  `${Buffer.from('{"alg":"RS256"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;

describe("the app's permissions", () => {
  it("are read from the access token's roles claim; a token without them grants none", () => {
    expect(rolesInAccessToken(jwt({ roles: ["User.Read.All", 3] }))).toEqual(["User.Read.All"]);
    expect(rolesInAccessToken(jwt({ scp: "User.Read" }))).toEqual([]);
    expect(rolesInAccessToken("opaque-token")).toEqual([]);
    expect(rolesInAccessToken("a.not-json.c")).toEqual([]);
  });

  it.each([
    [["LicenseAssignment.ReadWrite.All", "User.Read.All"], []],
    [["LicenseAssignment.ReadWrite.All"], ["User.Read.All"]],
    [[], ["LicenseAssignment.ReadWrite.All", "User.Read.All"]],
    // A higher privileged permission for the same calls grants the need.
    [["Directory.ReadWrite.All"], []],
    [["User.ReadWrite.All"], []],
  ])("with %j, lack %j (the user-write one is optional)", (roles, missing) => {
    expect(missingRequired(roles)).toEqual(missing);
  });

  it("say which granted permission covers each need", () => {
    const checks = checkPermissions(["User.ReadWrite.All", "LicenseAssignment.ReadWrite.All"]);
    expect(checks.map((c) => [c.need, c.grantedAs])).toEqual([
      ["licenses", "LicenseAssignment.ReadWrite.All"],
      ["people", "User.ReadWrite.All"],
      ["locations", "User.ReadWrite.All"],
    ]);
  });
});

describe("an app registration as typed", () => {
  const guid = "11111111-2222-3333-4444-555555555555";
  it("takes a tenant id or domain, an app id and a secret, trimmed, ids in lower case", () => {
    expect(
      readTenantApp({
        tenantId: " Contoso.onmicrosoft.com ",
        clientId: guid.toUpperCase(),
        secret: " s3~cret ",
      }),
    ).toEqual({
      ok: true,
      app: { tenantId: "contoso.onmicrosoft.com", clientId: guid, secret: "s3~cret" },
    });
  });

  it("names each field that cannot be what it says", () => {
    expect(readTenantApp({ tenantId: "contoso", clientId: "app", secret: "two words" })).toEqual({
      ok: false,
      fields: ["tenantId", "clientId", "secret"],
    });
    expect(readTenantApp({ tenantId: guid, clientId: guid, secret: "x".repeat(257) })).toEqual({
      ok: false,
      fields: ["secret"],
    });
  });
});
