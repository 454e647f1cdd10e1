import type { BlockButtonAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { Actor } from "../../licensing/actor.ts";
import { findMailbox } from "../../licensing/mailboxes/find-mailbox.ts";
import { mailboxLicenseOptions } from "../../licensing/mailboxes/mailbox-license-options.ts";
import { recordUnknownTarget } from "../../licensing/record-unknown-target.ts";
import { cutToUnits, wellFormed } from "../../licensing/text.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { actingAdmin, actingPerson } from "../directory/acting-admin.ts";
import { refreshNoticeCopies } from "../notices/refresh-notice-copies.ts";
import { mailboxNow } from "../notices/subject-now.ts";
import { mailboxOutcome } from "../notices/subject-outcome.ts";
import { deliveryKey } from "../shared/delivery-keys.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { buildNoticeModal } from "../shared/notice-modal.ts";
import { notifyUser } from "../shared/notify-user.ts";
import { type OpenedModal, openLoadingModal } from "../shared/open-loading-modal.ts";
import { refuseForgedMetadata } from "../shared/refuse-forged-metadata.ts";
import { viewMetadataFor } from "../shared/view-metadata.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { buildMailboxLicenseModal, buildMailboxSizeModal } from "./mailboxes-modals.ts";

const metadataSchema = z.object({
  workspaceId: z.string(),
  mailboxId: z.string(),
  responseUrl: z.string().url().or(z.literal("")),
});
type MailboxMetadata = z.infer<typeof metadataSchema>;

export type ViewState = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } }>
>;

/**
 * "Record size" and "Assign a license" on a mailbox (in `/license mailboxes`, App Home and lock
 * warnings): each opens a modal at once, then the admin is checked again on the server, at the
 * click and at the submission; a submission takes effect once however often it arrives.
 */

/** The modal opens on the trigger first (it lives 3 s); what it shows is decided after. */
export async function openMailboxModal(
  deps: SlackDeps,
  client: WebClient,
  body: BlockButtonAction,
  mailboxId: string,
  kind: "size" | "license",
): Promise<void> {
  const userId = body.user.id;
  const workspaceId = workspaceOf(body);
  const t = await readerCatalog(deps.db, workspaceId, body.user.id);
  let opened: OpenedModal | undefined;
  const delivery = {
    reader: t,
    name: "mailbox modal",
    workspaceId,
    requestId: body.trigger_id,
    context: { userId, kind },
  };
  await handleDeliveryOnce<ModalView>(deps, delivery, {
    work: async () => {
      opened = await openLoadingModal(t, client, body.trigger_id);
      return mailboxModal(t, deps, client, {
        workspaceId,
        userId,
        mailboxId,
        kind,
        responseUrl: body.response_url ?? "",
        requestId: body.trigger_id,
      });
    },
    // A modal that did not open leaves the direct message to say so; nothing was done before it.
    answer: (view) =>
      opened
        ? client.views.update({ view_id: opened.viewId, view })
        : notifyUser(client, deps.logger, { userId }, { text: t["error.unexpected"]() }),
    failed: (text) => buildNoticeModal(t, text),
  });
}

async function mailboxModal(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  input: {
    workspaceId: string;
    userId: string;
    mailboxId: string;
    kind: "size" | "license";
    responseUrl: string;
    requestId: string;
  },
): Promise<ModalView> {
  const { workspaceId, mailboxId } = input;
  const actor: Actor = { userId: input.userId, source: "button", requestId: input.requestId };
  const attempted = input.kind === "size" ? "mailbox.size" : "mailbox.license";
  const admin = await actingAdmin(deps, client, {
    workspaceId,
    actor,
    attempted,
    targetType: "non_user_mailbox",
    targetId: cutToUnits(wellFormed(mailboxId), 100),
  });
  if (!admin) return buildNoticeModal(t, errorText(t, "NOT_ALLOWED"));
  const mailbox = await findMailbox(deps.db, { workspaceId, mailboxId });
  if (!mailbox) {
    await recordUnknownTarget(deps.db, deps.clock, {
      workspaceId,
      actor,
      attempted,
      targets: [{ type: "non_user_mailbox", id: mailboxId }],
    });
    return buildNoticeModal(t, t["mailboxes.unknown"]());
  }
  const metadata: MailboxMetadata = { workspaceId, mailboxId: mailbox.id, responseUrl: input.responseUrl };
  if (input.kind === "size") return buildMailboxSizeModal(t, mailbox, JSON.stringify(metadata));
  // A lock warning's button pressed after the mailbox was licensed: say by whom and when, and let
  // every warning about it say so too. One back under its quota may still be licensed if wanted.
  const now = await mailboxNow(deps, { workspaceId, mailboxId: mailbox.id });
  const settled = mailboxOutcome(t, now);
  if (settled !== undefined)
    await refreshNoticeCopies(deps, client, { workspaceId, subject: { kind: "mailbox", id: mailbox.id } });
  if (now?.kind === "licensed" && settled !== undefined)
    return buildNoticeModal(
      t,
      t["mailboxes.license.already"]({ address: escapeMrkdwn(mailbox.address), what: settled }),
    );
  const products = await mailboxLicenseOptions(deps.db, { workspaceId });
  if (products.length === 0) return buildNoticeModal(t, t["mailboxes.license.none"]());
  if (products.every((p) => p.available <= 0)) return buildNoticeModal(t, errorText(t, "NO_SEATS_LEFT"));
  return buildMailboxLicenseModal(t, mailbox, products, JSON.stringify(metadata));
}

/**
 * A submission after its ack: metadata from this workspace, once per view and hash; `work` runs the use
 * case, which refuses anyone but an admin, and returns what the person is told.
 */
export async function submitted(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  userId: string,
  workspaceId: string,
  view: { id: string; hash: string; private_metadata: string },
  work: (meta: MailboxMetadata, actor: Actor, timeZone: string) => Promise<string>,
): Promise<void> {
  const meta = viewMetadataFor(metadataSchema, view.private_metadata, workspaceId);
  const target = { userId, responseUrl: meta?.responseUrl || undefined };
  const actor: Actor = { userId, source: "modal", requestId: view.id };
  const delivery = {
    reader: t,
    name: "mailbox submission",
    workspaceId,
    requestId: view.id,
    context: { userId },
  };
  await handleDeliveryOnce<string>(deps, delivery, {
    work: async (claim) => {
      if (!meta)
        return refuseForgedMetadata(t, deps, { workspaceId, actor, attempted: "mailbox", viewId: view.id });
      if (!(await claim.claim(deliveryKey.submission(view)))) return;
      // The use case `work` calls decides who may (rule 10) and records a refusal; the flags it
      // reads are Slack's own as of the last minute.
      const acting = await actingPerson(deps, client, workspaceId, userId);
      // The work answers an unknown mailbox as it always has; the attempt is on the record as well.
      await recordUnknownTarget(deps.db, deps.clock, {
        workspaceId,
        actor,
        attempted: "mailbox",
        targets: [{ type: "non_user_mailbox", id: meta.mailboxId }],
      });
      return work(meta, actor, acting?.timeZone ?? "UTC");
    },
    answer: (text) => notifyUser(client, deps.logger, target, { text }),
    failed: (text) => text,
  });
}
