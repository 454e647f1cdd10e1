import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { getSeatUsage } from "../../licensing/get-seat-usage.ts";
import { getSetupChecklist } from "../../licensing/home/get-setup-checklist.ts";
import type { Catalog } from "../copy/en.ts";
import { actingAdmin } from "../directory/acting-admin.ts";
import { describeError } from "../shared/logger.ts";
import { buildLoadingModal, buildNoticeModal } from "../shared/notice-modal.ts";
import type { SlackDeps } from "../slack-deps.ts";
import {
  buildAdminsModal,
  buildApprovalsModal,
  buildDefaultsModal,
  buildLocationModal,
  DEFAULTS_OPTIONS_MAX,
} from "./setup-modals.ts";

export type SetupModal = "location" | "admins" | "approvals" | "defaults";

/**
 * A set-up item's modal, from the checklist's button: opened at once on the trigger (it lives
 * 3 s), then the admin is checked and the form, with what is set now, replaces the loading view.
 */
export async function openSetupModal(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; userId: string; triggerId: string; which: SetupModal },
): Promise<void> {
  const opened = await client.views.open({ trigger_id: input.triggerId, view: buildLoadingModal(t) });
  let view: ModalView;
  try {
    view = await setupModal(t, deps, client, input);
  } catch (error) {
    deps.logger.error("set-up modal failed", { ...describeError(error), workspaceId: input.workspaceId });
    view = buildNoticeModal(t, t["error.unexpected"]());
  }
  await client.views.update({ view_id: opened.view?.id as string, hash: opened.view?.hash, view });
}

async function setupModal(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; userId: string; triggerId: string; which: SetupModal },
): Promise<ModalView> {
  const { workspaceId, which } = input;
  const admin = await actingAdmin(deps, client, {
    workspaceId,
    actor: { userId: input.userId, source: "button", requestId: input.triggerId },
    attempted: `set-up ${which}`,
    targetType: "workspace",
    targetId: workspaceId,
  });
  if (!admin) return buildNoticeModal(t, t["error.NOT_ALLOWED"]());
  if (which === "defaults") {
    const products = await getSeatUsage(deps.db, { workspaceId });
    if (products.length === 0) return buildNoticeModal(t, t["setup.modal.defaults.none_yet"]());
    // A menu holds 100 options; a catalog past that marks its defaults in each product's form.
    if (products.length > DEFAULTS_OPTIONS_MAX)
      return buildNoticeModal(t, t["setup.modal.defaults.too_many"]());
    return buildDefaultsModal(t, workspaceId, products);
  }
  const checklist = await getSetupChecklist(deps.db, { workspaceId });
  if (which === "location") return buildLocationModal(t, workspaceId, checklist.defaultUsageLocation);
  if (which === "admins") return buildAdminsModal(t, workspaceId, checklist.admins);
  return buildApprovalsModal(t, workspaceId, checklist.approvals);
}
