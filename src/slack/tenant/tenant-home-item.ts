import type { KnownBlock } from "@slack/types";
import type { SetupChecklist } from "../../licensing/home/get-setup-checklist.ts";
import type { SignInMethod } from "../../tenants/tenant-connections.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import { button } from "../shared/message-parts.ts";

/** What this installation offers for Microsoft 365: the settings' tenant, if the M365_* settings name one. */
export interface Microsoft365Offer {
  settings?: { tenantId: string; clientId: string; method: Exclude<SignInMethod, "stored_secret"> };
}

/**
 * The set-up checklist's optional Microsoft 365 item: what is connected, if anything, and the
 * buttons to connect (the modal, or the settings' tenant in one click) or to disconnect.
 */
export function buildTenantHomeItem(
  tenant: SetupChecklist["tenant"],
  offer: Microsoft365Offer,
): KnownBlock[] {
  const title = `*${en["tenant.home.title"]()}*\n${en["tenant.home.optional"]()} · `;
  if (tenant) {
    const method: SignInMethod = tenant.storedSecret
      ? "stored_secret"
      : (offer.settings?.method ?? "settings_secret");
    const disconnect = {
      ...button(en["tenant.home.disconnect"](), ids.tenant.disconnectAction, "disconnect", "danger"),
      confirm: {
        title: { type: "plain_text" as const, text: en["tenant.home.disconnect_confirm_title"]() },
        text: { type: "plain_text" as const, text: en["tenant.home.disconnect_confirm"]() },
        confirm: { type: "plain_text" as const, text: en["tenant.home.disconnect"]() },
        deny: { type: "plain_text" as const, text: en["tenant.modal.cancel"]() },
        style: "danger" as const,
      },
    };
    return [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text:
            title +
            en["tenant.home.connected"]({
              tenant: escapeMrkdwn(tenant.tenantId),
              app: escapeMrkdwn(tenant.clientId ?? "—"),
              method: en[`tenant.method.${method}`](),
            }),
        },
        accessory: disconnect,
      },
    ];
  }
  const lines = [title + en["tenant.home.none"]()];
  const buttons = [button(en["tenant.home.connect"](), ids.tenant.connectAction, "connect", "primary")];
  if (offer.settings) {
    lines.push(
      en["tenant.home.settings_hint"]({
        tenant: escapeMrkdwn(offer.settings.tenantId),
        app: escapeMrkdwn(offer.settings.clientId),
      }),
    );
    buttons.push(button(en["tenant.home.connect_settings"](), ids.tenant.connectSettingsAction, "settings"));
  }
  return [
    { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
    { type: "actions", elements: buttons },
  ];
}
