import type { App, ViewSubmitAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { Actor } from "../../licensing/actor.ts";
import type { Catalog } from "../copy/en.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { actingPerson } from "../directory/acting-admin.ts";
import { deliveryKey } from "../shared/delivery-keys.ts";
import { type DeliveryClaim, handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { describeError } from "../shared/logger.ts";
import { buildLoadingModal, buildNoticeModal } from "../shared/notice-modal.ts";
import { refuseForgedMetadata } from "../shared/refuse-forged-metadata.ts";
import { viewMetadataFor } from "../shared/view-metadata.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { publishHome } from "./publish-home.ts";

/** What a set-up modal's inputs hold, as Slack sends them. */
export type SetupValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[] | null;
      selected_users?: string[] | null;
      selected_conversation?: string | null;
    }
  >
>;

export type FormRead<I> = { ok: true; input: I } | { ok: false; errors: Record<string, string> };

export interface SetupForm<I> {
  callbackId: string;
  /** What the log calls it. */
  name: string;
  /** The fields checked before anything is done: field errors stand beside their inputs. */
  read(t: Catalog, values: SetupValues): FormRead<I>;
  /** Key that makes a repeat of the same submission a no-op. */
  fingerprint(input: I): string;
  /** The change, through its use case (which checks who may); the words the admin then reads. */
  apply(
    deps: SlackDeps,
    client: WebClient,
    input: I,
    context: { workspaceId: string; actor: Actor; t: Catalog },
  ): Promise<string>;
}

const metadata = z.object({ workspaceId: z.string() });

/**
 * One set-up modal's submission: the form is checked (errors beside the fields, nothing lost), the
 * modal shows it is working, the change is made once however often Slack delivers it, the modal
 * tells what happened, and the admin's Home is published again with the item's new state.
 */
export function registerSetupForm<I>(app: App, deps: SlackDeps, form: SetupForm<I>): void {
  app.view<ViewSubmitAction>(form.callbackId, async ({ ack, body, view, client }) => {
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    const read = form.read(t, view.state.values as SetupValues);
    if (!read.ok) {
      await ack({ response_action: "errors", errors: read.errors });
      return;
    }
    await ack({ response_action: "update", view: buildLoadingModal(t) });
    const userId = body.user.id;
    const actor: Actor = { userId, source: "modal", requestId: view.id };
    const delivery = { reader: t, name: form.name, workspaceId, requestId: view.id, context: { userId } };
    await handleDeliveryOnce<ModalView>(deps, delivery, {
      work: (claim) => submit(t, deps, client, form, { view, workspaceId, actor, input: read.input, claim }),
      answer: (next) => client.views.update({ view_id: view.id, view: next }),
      failed: (text) => buildNoticeModal(t, text),
    });
    await publishHome(deps, client, { workspaceId, userId }).catch((error: unknown) => {
      deps.logger.warn("republishing App Home after set-up failed", { ...describeError(error), workspaceId });
    });
  });
}

async function submit<I>(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  form: SetupForm<I>,
  at: { view: ViewSubmitAction["view"]; workspaceId: string; actor: Actor; input: I; claim: DeliveryClaim },
): Promise<ModalView | null> {
  const { view, workspaceId, actor } = at;
  if (!viewMetadataFor(metadata, view.private_metadata, workspaceId)) {
    return buildNoticeModal(
      t,
      await refuseForgedMetadata(t, deps, { workspaceId, actor, attempted: form.name, viewId: view.id }),
    );
  }
  if (
    !(await at.claim.claim(
      `${form.callbackId}:${deliveryKey.submission(view)}:${form.fingerprint(at.input)}`,
    ))
  )
    return null;
  // The use case decides who may (rule 10); the flags it reads are Slack's own as of the last minute.
  await actingPerson(deps, client, workspaceId, actor.userId);
  return buildNoticeModal(t, await form.apply(deps, client, at.input, { workspaceId, actor, t }));
}
