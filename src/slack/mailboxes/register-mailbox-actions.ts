import type { App, BlockButtonAction } from "@slack/bolt";
import { findMailbox } from "../../licensing/mailboxes/find-mailbox.ts";
import { licenseMailbox } from "../../licensing/mailboxes/license-mailbox.ts";
import { mailboxLicenseOptions } from "../../licensing/mailboxes/mailbox-license-options.ts";
import { recordMailboxSize } from "../../licensing/mailboxes/record-mailbox-size.ts";
import { escapeMrkdwn, formatInstant, formatSize } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { refreshNoticeCopies } from "../notices/refresh-notice-copies.ts";
import { mailboxNow } from "../notices/subject-now.ts";
import { mailboxOutcome } from "../notices/subject-outcome.ts";
import { failureText } from "../shared/build-error-message.ts";
import { ids } from "../shared/ids.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { openMailboxModal, submitted, type ViewState } from "./mailbox-modal.ts";
import { parseMailboxSize } from "./parse-mailbox-size.ts";

const mailboxSubject = (meta: { mailboxId: string }) => ({ kind: "mailbox" as const, id: meta.mailboxId });

/**
 * The mailbox buttons (listing, App Home, lock warnings) and the modals they open. What a
 * submission changes also brings the lock warnings about that mailbox up to date.
 */
export function registerMailboxActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ids.mailboxSize.recordAction, async ({ ack, body, action, client }) => {
    await ack();
    await openMailboxModal(deps, client, body, action.value ?? "", "size");
  });
  app.action<BlockButtonAction>(ids.mailbox.licenseAction, async ({ ack, body, action, client }) => {
    await ack();
    await openMailboxModal(deps, client, body, action.value ?? "", "license");
  });

  app.view(ids.mailboxSize.callbackId, async ({ ack, body, view, client }) => {
    const f = ids.mailboxSize;
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    const typed = (view.state.values as ViewState)[f.sizeBlock]?.[f.sizeAction]?.value ?? "";
    const size = parseMailboxSize(typed);
    if (!size.ok) {
      const problem =
        size.problem === "too_big" ? t["mailboxes.size.too_big"]() : t["mailboxes.size.invalid"]();
      await ack({ response_action: "errors", errors: { [f.sizeBlock]: problem } });
      return;
    }
    await ack();
    await submitted(t, deps, client, body.user.id, workspaceId, view, async (meta, actor, timeZone) => {
      const mailbox = await findMailbox(deps.db, meta);
      if (!mailbox) return t["mailboxes.unknown"]();
      const recorded = await recordMailboxSize(deps.db, deps.clock, {
        workspaceId: meta.workspaceId,
        address: mailbox.address,
        sizeMb: size.sizeMb,
        actor,
      });
      if (!recorded.ok) return failureText(t, recorded, { timeZone });
      // Back under its quota, the lock warnings about it have nothing left to ask.
      await refreshNoticeCopies(deps, client, {
        workspaceId: meta.workspaceId,
        subject: mailboxSubject(meta),
      });
      const { state } = recorded;
      const words = {
        address: escapeMrkdwn(mailbox.address),
        size: formatSize(state.sizeMb),
        quota: formatSize(state.quotaMb),
      };
      if (state.lockedAt) return t["mailboxes.size.recorded_locked"](words);
      if (state.lockAt)
        return t["mailboxes.size.recorded_over"]({
          ...words,
          date: formatInstant(t, state.lockAt, timeZone),
        });
      return t["mailboxes.size.recorded_fine"](words);
    });
  });

  app.view(ids.mailboxLicense.callbackId, async ({ ack, body, view, client }) => {
    const f = ids.mailboxLicense;
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    const productId = (view.state.values as ViewState)[f.productBlock]?.[f.productAction]?.selected_option
      ?.value;
    if (!productId) {
      await ack({ response_action: "errors", errors: { [f.productBlock]: errorText(t, "UNKNOWN_PRODUCT") } });
      return;
    }
    await ack();
    await submitted(t, deps, client, body.user.id, workspaceId, view, async (meta, actor, timeZone) => {
      const mailbox = await findMailbox(deps.db, meta);
      if (!mailbox) return t["mailboxes.unknown"]();
      const licensed = await licenseMailbox(deps.db, deps.clock, { ...meta, productId, actor });
      if (licensed.ok || licensed.code === "ALREADY_ASSIGNED")
        await refreshNoticeCopies(deps, client, {
          workspaceId: meta.workspaceId,
          subject: mailboxSubject(meta),
        });
      if (!licensed.ok) {
        // Licensed by someone else since the picker opened: say by whom and when.
        const what = mailboxOutcome(t, await mailboxNow(deps, meta));
        return licensed.code === "ALREADY_ASSIGNED" && what !== undefined
          ? t["mailboxes.license.already"]({ address: escapeMrkdwn(mailbox.address), what })
          : failureText(t, licensed, { timeZone });
      }
      const product = (await mailboxLicenseOptions(deps.db, meta)).find((p) => p.productId === productId);
      return t["mailboxes.license.done"]({
        address: escapeMrkdwn(mailbox.address),
        product: escapeMrkdwn(product?.name ?? ""),
        seats: product ? t["seats.available"](product) : "",
      });
    });
  });
}
