import { describe, expect, it } from "vitest";
import { ids } from "../../../src/slack/shared/ids.ts";
import { buildTenantConnectModal } from "../../../src/slack/tenant/tenant-connect-modal.ts";
import { buildTenantHomeItem } from "../../../src/slack/tenant/tenant-home-item.ts";
import { buildTenantStatusMessage, summaryLines } from "../../../src/slack/tenant/tenant-status-message.ts";
import { checkPermissions } from "../../../src/tenants/microsoft365/app-permissions.ts";

const text = (value: unknown) => JSON.stringify(value);

describe("the connect modal", () => {
  it("asks for the three values and never carries a value in, the secret least of all", () => {
    const modal = buildTenantConnectModal("T1");
    expect(modal.callback_id).toBe(ids.tenant.callbackId);
    expect(JSON.parse(modal.private_metadata ?? "{}")).toEqual({ workspaceId: "T1" });
    const inputs = modal.blocks.filter((b) => b.type === "input");
    expect(inputs.map((b) => b.block_id)).toEqual([
      ids.tenant.tenantBlock,
      ids.tenant.clientBlock,
      ids.tenant.secretBlock,
    ]);
    expect(text(modal)).not.toContain("initial_value");
  });
});

describe("App Home's Microsoft 365 item", () => {
  it("offers Connect, and the settings' tenant in one click when the settings name one", () => {
    const plain = text(buildTenantHomeItem(null, {}));
    expect(plain).toContain("Not connected");
    expect(plain).toContain(ids.tenant.connectAction);
    expect(plain).not.toContain(ids.tenant.connectSettingsAction);
    const withSettings = text(
      buildTenantHomeItem(null, {
        settings: { tenantId: "contoso.com", clientId: "c1", method: "settings_certificate" },
      }),
    );
    expect(withSettings).toContain(ids.tenant.connectSettingsAction);
    expect(withSettings).toContain("`contoso.com`");
  });

  it("names what is connected and how it signs in, with Disconnect behind a confirmation", () => {
    const item = text(
      buildTenantHomeItem(
        { tenantId: "contoso.com", clientId: "c1", storedSecret: false },
        { settings: { tenantId: "contoso.com", clientId: "c1", method: "settings_certificate" } },
      ),
    );
    expect(item).toContain("Connected to tenant `contoso.com` with app `c1`");
    expect(item).toContain("certificate in this installation's settings");
    expect(item).toContain(ids.tenant.disconnectAction);
    expect(item).toContain('"confirm"');
  });
});

describe("/license tenant's message", () => {
  const at = new Date("2026-12-01T09:00:00Z");
  const details = {
    connected: true as const,
    details: true as const,
    tenantId: "contoso.com",
    clientId: "c1",
    method: "stored_secret" as const,
    connectedBy: "U1",
    connectedAt: at,
    lastSync: { at, error: "Insufficient privileges to complete the operation.", summary: null },
    permissions: { read: true as const, checks: checkPermissions(["Directory.Read.All"]) },
  };

  it("names each permission found and missing, and why the last sync failed", () => {
    const message = text(buildTenantStatusMessage(details, { timeZone: "UTC" }));
    expect(message).toContain("`LicenseAssignment.ReadWrite.All` is missing");
    expect(message).toContain("`User.Read.All` (granted as `Directory.Read.All`)");
    expect(message).toContain("Missing: `LicenseAssignment.ReadWrite.All`");
    expect(message).toContain("failed: Insufficient privileges");
  });

  it("says why the permissions could not be read when signing in fails", () => {
    const message = text(
      buildTenantStatusMessage(
        {
          ...details,
          permissions: { read: false, problem: "secret_expired", tenantMessage: "AADSTS7000222: expired" },
        },
        { timeZone: "UTC" },
      ),
    );
    expect(message).toContain("The client secret has expired");
    expect(message).toContain("AADSTS7000222");
  });

  it("tells a member only where the licenses live and whether the last sync worked", () => {
    const message = text(
      buildTenantStatusMessage(
        { connected: true, details: false, lastSync: details.lastSync },
        { timeZone: "UTC" },
      ),
    );
    expect(message).toContain("licenses live in Microsoft 365");
    expect(message).toContain("did not work");
    expect(message).not.toContain("Insufficient");
    expect(text(buildTenantStatusMessage({ connected: false }, { timeZone: "UTC" }))).toContain(
      "not connected",
    );
  });

  it("reads a sync summary's counts and lists in words, leaving anything else out", () => {
    expect(
      summaryLines({ productsImported: 3, unmatched_people: ["a", "b"], note: "x", nested: {} }),
    ).toEqual(["products imported: 3", "unmatched people: 2"]);
    expect(summaryLines("text")).toEqual([]);
  });
});
