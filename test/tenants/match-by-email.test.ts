import { describe, expect, it } from "vitest";
import { matchByEmail } from "../../src/tenants/match-by-email.ts";
import type { TenantPerson } from "../../src/tenants/tenant-port.ts";

const user = (id: string, mail: string | null, principal: string): TenantPerson => ({
  id,
  displayName: id,
  email: mail,
  userPrincipalName: principal,
  usageLocation: null,
  accountEnabled: true,
  licenses: [],
});

describe("matching Slack members to tenant users by email", () => {
  it("matches on mail, ignoring case and spaces", () => {
    const { matched } = matchByEmail(
      [{ id: "m1", email: " Alva@Example.COM " }],
      [user("t1", "alva@example.com", "a@x")],
    );
    expect(matched.get("m1")?.id).toBe("t1");
  });

  it("falls back to the user principal name when no user has that mail", () => {
    const { matched } = matchByEmail(
      [{ id: "m1", email: "cleo@example.onmicrosoft.com" }],
      [user("t1", null, "CLEO@example.onmicrosoft.com")],
    );
    expect(matched.get("m1")?.id).toBe("t1");
  });

  it("lets one user's mail win over another user's principal name, whatever the order", () => {
    const users = [
      user("by-principal", null, "shared@example.com"),
      user("by-mail", "shared@example.com", "x@example.com"),
    ];
    expect(matchByEmail([{ id: "m1", email: "shared@example.com" }], users).matched.get("m1")?.id).toBe(
      "by-mail",
    );
    expect(
      matchByEmail([{ id: "m1", email: "shared@example.com" }], [...users].reverse()).matched.get("m1")?.id,
    ).toBe("by-mail");
  });

  it("matches a mail before any principal name, member by member: a later member's mail is not taken by an earlier member's principal name", () => {
    const users = [user("t1", "bo@example.com", "bo.principal@example.com")];
    const members = [
      { id: "early", email: "bo.principal@example.com" },
      { id: "late", email: "bo@example.com" },
    ];
    const { matched, unmatchedMembers } = matchByEmail(members, users);
    expect(matched.get("late")?.id).toBe("t1");
    expect(unmatchedMembers.map((m) => m.id)).toEqual(["early"]);
  });

  it("gives one tenant user to one member, and lists who is left on either side", () => {
    const members = [
      { id: "m1", email: "a@example.com" },
      { id: "m2", email: "A@example.com" },
      { id: "m3", email: null },
    ];
    const users = [
      user("t1", "a@example.com", "a@example.com"),
      user("t2", "z@example.com", "z@example.com"),
    ];
    const { matched, unmatchedMembers, unmatchedTenantPeople } = matchByEmail(members, users);
    expect([...matched].map(([m, u]) => [m, u.id])).toEqual([["m1", "t1"]]);
    expect(unmatchedMembers.map((m) => m.id)).toEqual(["m2", "m3"]);
    expect(unmatchedTenantPeople.map((u) => u.id)).toEqual(["t2"]);
  });
});
