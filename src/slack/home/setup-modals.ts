import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { SetupChecklist } from "../../licensing/home/get-setup-checklist.ts";
import type { Catalog } from "../copy/en.ts";
import { plainText, truncate } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import { nameList } from "./setup-checklist.ts";

/** Slack's limits: options in one menu, and an option's text. */
export const DEFAULTS_OPTIONS_MAX = 100;
const OPTION_TEXT_MAX = 75;
/** People given the right in one go; more is a second round. */
const ADMINS_PICKED_MAX = 10;

const plain = (text: string) => ({ type: "plain_text" as const, text });
const s = ids.setup;

/** Every set-up modal names the workspace it was opened for: a submission for another is refused. */
function modal(
  t: Catalog,
  callbackId: string,
  title: string,
  workspaceId: string,
  blocks: KnownBlock[],
): ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: JSON.stringify({ workspaceId }),
    title: plain(title),
    submit: plain(t["setup.modal.save"]()),
    close: plain(t["setup.modal.cancel"]()),
    blocks,
  };
}

/** The workspace's default usage location (rule 4): the same country-code rule as the command. */
export function buildLocationModal(t: Catalog, workspaceId: string, current: string | null): ModalView {
  return modal(t, s.locationCallbackId, t["setup.modal.location.title"](), workspaceId, [
    {
      type: "input",
      block_id: s.locationBlock,
      label: plain(t["setup.modal.location.label"]()),
      hint: plain(t["setup.modal.location.hint"]()),
      element: {
        type: "plain_text_input",
        action_id: s.inputAction,
        max_length: 2,
        ...(current ? { initial_value: current } : {}),
      },
    },
  ]);
}

/** Who administers now, and people to give the right to (rule 10). */
export function buildAdminsModal(
  t: Catalog,
  workspaceId: string,
  admins: SetupChecklist["admins"],
): ModalView {
  return modal(t, s.adminsCallbackId, t["setup.modal.admins.title"](), workspaceId, [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(t["setup.modal.admins.current"]({ names: nameList(t, admins) }), 3000),
      },
    },
    {
      type: "input",
      block_id: s.adminsBlock,
      label: plain(t["setup.modal.admins.label"]()),
      element: {
        type: "multi_users_select",
        action_id: s.inputAction,
        max_selected_items: ADMINS_PICKED_MAX,
      },
    },
  ]);
}

/** A channel (the app must be invited to it) or each admin's direct messages. */
export function buildApprovalsModal(
  t: Catalog,
  workspaceId: string,
  current: SetupChecklist["approvals"],
): ModalView {
  const toChannel: PlainTextOption = {
    text: plain(t["setup.modal.approvals.to_channel"]()),
    value: "channel",
  };
  const toDms: PlainTextOption = {
    text: plain(t["setup.modal.approvals.to_dms"]()),
    value: "direct_messages",
  };
  const initial =
    current?.route === "channel" ? toChannel : current?.route === "direct_messages" ? toDms : null;
  return modal(t, s.approvalsCallbackId, t["setup.modal.approvals.title"](), workspaceId, [
    {
      type: "input",
      block_id: s.routeBlock,
      label: plain(t["setup.modal.approvals.route"]()),
      element: {
        type: "radio_buttons",
        action_id: s.inputAction,
        options: [toChannel, toDms],
        ...(initial ? { initial_option: initial } : {}),
      },
    },
    {
      type: "input",
      block_id: s.channelBlock,
      optional: true,
      label: plain(t["setup.modal.approvals.channel"]()),
      hint: plain(t["setup.modal.approvals.channel_hint"]()),
      element: {
        type: "conversations_select",
        action_id: s.inputAction,
        filter: { include: ["public", "private"], exclude_bot_users: true },
        ...(current?.route === "channel" ? { initial_conversation: current.channelId } : {}),
      },
    },
  ]);
}

export interface DefaultChoice {
  productId: string;
  name: string;
  isDefault: boolean;
}

/** Rule 2: the products a person who joins gets; at most a menu's worth of products is offered. */
export function buildDefaultsModal(
  t: Catalog,
  workspaceId: string,
  products: readonly DefaultChoice[],
): ModalView {
  const option = (p: DefaultChoice): PlainTextOption => ({
    text: plain(truncate(plainText(p.name), OPTION_TEXT_MAX)),
    value: p.productId,
  });
  const offered = products.slice(0, DEFAULTS_OPTIONS_MAX);
  const initial = offered.filter((p) => p.isDefault).map(option);
  return modal(t, s.defaultsCallbackId, t["setup.modal.defaults.title"](), workspaceId, [
    {
      type: "input",
      block_id: s.defaultsBlock,
      optional: true,
      label: plain(t["setup.modal.defaults.label"]()),
      hint: plain(t["setup.modal.defaults.hint"]()),
      element: {
        type: "multi_static_select",
        action_id: s.inputAction,
        options: offered.map(option),
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      },
    },
  ]);
}
