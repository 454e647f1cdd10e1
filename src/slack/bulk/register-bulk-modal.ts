import type { App } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { people, viewDrafts } from "../../db/schema/index.ts";
import { applyBulkChange } from "../../licensing/bulk/apply-bulk-change.ts";
import { previewBulkChange } from "../../licensing/bulk/preview-bulk-change.ts";
import { recordUnknownTarget } from "../../licensing/record-unknown-target.ts";
import { describeFailure } from "../copy/describe-failure.ts";
import type { Catalog } from "../copy/en.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { actingAdmin, actingPerson } from "../directory/acting-admin.ts";
import { DirectoryLookup } from "../directory/directory-lookup.ts";
import { sendQueuedNotices } from "../notices/send-queued-notices.ts";
import { buildErrorMessage } from "../shared/build-error-message.ts";
import { deliveryKey } from "../shared/delivery-keys.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { buildLoadingModal, buildNoticeModal } from "../shared/notice-modal.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { BULK_PEOPLE_MAX } from "./bulk-form-modal.ts";
import { buildBulkPreviewModal } from "./bulk-preview-modal.ts";

const draftSchema = z.object({
  personIds: z.array(z.string()),
  add: z.array(z.string()),
  remove: z.array(z.string()),
  mode: z.enum(["add", "replace"]),
});

type ViewState = Record<
  string,
  Record<
    string,
    { selected_users?: string[]; selected_options?: { value: string }[]; selected_option?: { value: string } }
  >
>;

/**
 * The bulk change in two steps: the form, whose submission shows the preview (counts, shortfalls,
 * every data loss), and the preview, whose submission applies the change whole or not at all.
 */
export function registerBulkModal(app: App, deps: SlackDeps): void {
  app.view(ids.bulkForm.callbackId, async ({ ack, body, view, client }) => {
    const f = ids.bulkForm;
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    const values = view.state.values as ViewState;
    const userIds = values[f.peopleBlock]?.[f.peopleAction]?.selected_users ?? [];
    const add = (values[f.addBlock]?.[f.addAction]?.selected_options ?? []).map((o) => o.value);
    const remove = (values[f.removeBlock]?.[f.removeAction]?.selected_options ?? []).map((o) => o.value);
    const mode =
      values[f.modeBlock]?.[f.modeAction]?.selected_option?.value === "replace" ? "replace" : "add";
    const errors: Record<string, string> = {};
    if (userIds.length === 0) errors[f.peopleBlock] = t["bulk.error.people"]();
    if (userIds.length > BULK_PEOPLE_MAX)
      errors[f.peopleBlock] = t["bulk.error.too_many"]({ max: BULK_PEOPLE_MAX });
    if (add.length === 0 && (mode === "replace" ? false : remove.length === 0))
      errors[f.addBlock] = t["bulk.error.products"]();
    if (mode === "add" && add.some((id) => remove.includes(id)))
      errors[f.removeBlock] = t["bulk.error.conflict"]();
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack({ response_action: "update", view: buildLoadingModal(t) });
    await guarded(t, deps, client, { workspaceId, viewId: view.id }, async () => {
      const acting = await actingAdmin(deps, client, {
        workspaceId,
        actor: { userId: body.user.id, source: "modal", requestId: view.id },
        attempted: "bulk",
        targetType: "view",
        targetId: view.id,
      });
      if (!acting) return buildNoticeModal(t, errorText(t, "NOT_ALLOWED"));
      const personIds = await personIdsFor(deps, client, workspaceId, userIds);
      const request = { personIds, add, remove: mode === "add" ? remove : [], mode } as const;
      const preview = await previewBulkChange(deps.db, deps.clock, { workspaceId, ...request });
      if (!preview.ok) {
        // The refusal with the people and products it names, not only its headline.
        const { summary, items } = describeFailure(t, preview, { timeZone: acting.timeZone ?? "UTC" });
        return buildNoticeModal(
          t,
          [summary, ...items.map((item) => t["error.detail.item"]({ item }))].join("\n"),
        );
      }
      await deps.db
        .insert(viewDrafts)
        .values({
          viewId: view.id,
          workspaceId,
          userId: body.user.id,
          payload: request,
          createdAt: deps.clock.now(),
        })
        .onConflictDoUpdate({
          target: viewDrafts.viewId,
          set: { payload: request, createdAt: deps.clock.now() },
        });
      return buildBulkPreviewModal(t, preview, { timeZone: acting.timeZone ?? "UTC" });
    });
  });

  app.view(ids.bulkPreview.callbackId, async ({ ack, body, view, client }) => {
    const workspaceId = workspaceOf(body);
    const t = await readerCatalog(deps.db, workspaceId, body.user.id);
    await ack({ response_action: "update", view: buildLoadingModal(t) });
    let applied = false;
    await guarded(t, deps, client, { workspaceId, viewId: view.id }, async () => {
      // applyBulkChange decides who may (rule 10) and records a refusal; the flags it reads are
      // Slack's own as of the last minute.
      const acting = await actingPerson(deps, client, workspaceId, body.user.id);
      const [draft] = await deps.db
        .select()
        .from(viewDrafts)
        .where(and(eq(viewDrafts.viewId, view.id), eq(viewDrafts.workspaceId, workspaceId)));
      if (!draft) {
        // A view id this workspace holds no draft for: another workspace's, or made up.
        await recordUnknownTarget(deps.db, deps.clock, {
          workspaceId,
          actor: { userId: body.user.id, source: "modal", requestId: view.id },
          attempted: "bulk",
          targets: [{ type: "view", id: view.id }],
        });
        return buildNoticeModal(t, t["error.unexpected"]());
      }
      const parsed = draftSchema.safeParse(draft.payload);
      if (!parsed.success) return buildNoticeModal(t, t["error.unexpected"]());
      const result = await applyBulkChange(deps.db, deps.clock, {
        workspaceId,
        ...parsed.data,
        actor: { userId: body.user.id, source: "modal", requestId: view.id },
        // The view's id and hash make a double submission apply once.
        idempotencyKey: `bulk:${deliveryKey.submission(view)}`,
      });
      if (!result.ok)
        return buildNoticeModal(
          t,
          buildErrorMessage(t, result, { timeZone: acting?.timeZone ?? "UTC" }).text,
        );
      applied = !result.replayed;
      if (result.sentToTenant > 0)
        return buildNoticeModal(t, t["tenant.pending.bulk"]({ count: result.sentToTenant }));
      return buildNoticeModal(
        t,
        t["bulk.done"]({
          people: result.peopleChanged,
          added: result.added,
          removed: result.removed,
          restored: result.restored,
        }),
      );
    });
    // After the admin's answer: each person changed gets one message about their own licenses.
    if (applied) await sendQueuedNotices(deps, client, { workspaceId });
  });
}

/**
 * Runs a step after the ack and shows its outcome in the modal; a failure says what it left behind
 * (the view id is the request id of the step's audit rows). The apply is made once by the domain's
 * idempotency key, so no claim is taken here.
 */
async function guarded(
  t: Catalog,
  deps: SlackDeps,
  client: WebClient,
  { workspaceId, viewId }: { workspaceId: string; viewId: string },
  work: () => Promise<ModalView>,
) {
  await handleDeliveryOnce<ModalView>(
    deps,
    { reader: t, name: "bulk modal step", workspaceId, requestId: viewId, context: { viewId } },
    {
      work,
      answer: (view) => client.views.update({ view_id: viewId, view }),
      failed: (text) => buildNoticeModal(t, text),
    },
  );
}

/** The people the form named, from the directory in one query; Slack is asked only about strangers. */
async function personIdsFor(deps: SlackDeps, client: WebClient, workspaceId: string, userIds: string[]) {
  const known = await deps.db
    .select({ id: people.id, slackUserId: people.slackUserId })
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), inArray(people.slackUserId, userIds)));
  const bySlackId = new Map(known.map((p) => [p.slackUserId, p.id]));
  const directory = new DirectoryLookup(deps.db, client);
  const ids: string[] = [];
  for (const userId of userIds) {
    const id = bySlackId.get(userId) ?? (await directory.byUserId(workspaceId, userId))?.id;
    if (id) ids.push(id);
  }
  return ids;
}
