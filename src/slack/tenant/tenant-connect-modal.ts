import type { ModalView } from "@slack/types";
import { SECRET_MAX } from "../../tenants/tenant-app-input.ts";
import { en } from "../copy/en.ts";
import { ids } from "../shared/ids.ts";

const plain = (text: string) => ({ type: "plain_text" as const, text });
const t = ids.tenant;

/**
 * The app registration's three values. The secret's input starts empty and is never filled from
 * anything stored: a modal's state goes back and forth through Slack, and the secret must not.
 */
export function buildTenantConnectModal(workspaceId: string): ModalView {
  const input = (blockId: string, label: string, maxLength: number, hint?: string) => ({
    type: "input" as const,
    block_id: blockId,
    label: plain(label),
    ...(hint ? { hint: plain(hint) } : {}),
    element: { type: "plain_text_input" as const, action_id: t.inputAction, max_length: maxLength },
  });
  return {
    type: "modal",
    callback_id: t.callbackId,
    private_metadata: JSON.stringify({ workspaceId }),
    title: plain(en["tenant.modal.title"]()),
    submit: plain(en["tenant.modal.connect"]()),
    close: plain(en["tenant.modal.cancel"]()),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: en["tenant.modal.intro"]() } },
      input(t.tenantBlock, en["tenant.modal.tenant"](), 253),
      input(t.clientBlock, en["tenant.modal.client"](), 36),
      input(t.secretBlock, en["tenant.modal.secret"](), SECRET_MAX, en["tenant.modal.secret_hint"]()),
    ],
  };
}
