import { createHash } from "node:crypto";
import type { App, BlockButtonAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Failure } from "../../licensing/outcome.ts";
import { connectTenant } from "../../tenants/connect-tenant.ts";
import { disconnectTenant } from "../../tenants/disconnect-tenant.ts";
import { readTenantApp } from "../../tenants/tenant-app-input.ts";
import type { Catalog } from "../copy/catalogs.ts";
import { describeFailure } from "../copy/describe-failure.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { readerCatalog } from "../copy/reader-catalog.ts";
import { actingAdmin, actingPerson } from "../directory/acting-admin.ts";
import { publishHome } from "../home/publish-home.ts";
import { registerSetupForm, type SetupForm, type SetupValues } from "../home/setup-submission.ts";
import { deliveryKey } from "../shared/delivery-keys.ts";
import { handleDeliveryOnce } from "../shared/handle-delivery-once.ts";
import { ids } from "../shared/ids.ts";
import { describeError } from "../shared/logger.ts";
import { buildLoadingModal, buildNoticeModal } from "../shared/notice-modal.ts";
import { workspaceOf } from "../shared/workspace-of.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { buildTenantConnectModal } from "./tenant-connect-modal.ts";

const tenantIds = ids.tenant;

/**
 * App Home's Microsoft 365 item: Connect opens the modal for the app registration, Connect with
 * the settings and Disconnect act at once; each answers in a modal of its own and republishes Home.
 */
export function registerTenant(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(tenantIds.connectAction, async ({ ack, body, client }) => {
    await ack();
    const workspaceId = workspaceOf(body);
    const userId = body.user.id;
    const words = await readerCatalog(deps.db, workspaceId, userId);
    const delivery = { name: "opening the Microsoft 365 modal", workspaceId, requestId: body.trigger_id };
    await handleDeliveryOnce<string>(deps, delivery, {
      work: async () => {
        const opened = await client.views.open({
          trigger_id: body.trigger_id,
          view: buildLoadingModal(words),
        });
        const admin = await actingAdmin(deps, client, {
          workspaceId,
          actor: { userId, source: "button", requestId: body.trigger_id },
          attempted: "connect-tenant",
          targetType: "workspace",
          targetId: workspaceId,
        });
        const view = admin
          ? buildTenantConnectModal(workspaceId)
          : buildNoticeModal(words, errorText(words, "NOT_ALLOWED"));
        await client.views.update({ view_id: opened.view?.id as string, hash: opened.view?.hash, view });
        return null;
      },
    });
  });

  const actNow = (
    actionId: string,
    name: string,
    act: (words: Catalog, workspaceId: string, userId: string, requestId: string) => Promise<string>,
  ) =>
    app.action<BlockButtonAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      const workspaceId = workspaceOf(body);
      const userId = body.user.id;
      const words = await readerCatalog(deps.db, workspaceId, userId);
      const opened = await client.views
        .open({ trigger_id: body.trigger_id, view: buildLoadingModal(words) })
        .catch((error: unknown) => {
          deps.logger.warn(`${name}: the modal did not open`, { ...describeError(error), workspaceId });
          return null;
        });
      const show = (view: ModalView) =>
        opened?.view?.id ? client.views.update({ view_id: opened.view.id, view }) : Promise.resolve();
      await handleDeliveryOnce<ModalView>(
        deps,
        { name, workspaceId, requestId: body.trigger_id },
        {
          work: async (claim) => {
            if (!(await claim.claim(`${actionId}:${deliveryKey.press(body.trigger_id)}`))) return null;
            // The use case decides who may (rule 10), from Slack's word as of the last minute.
            await actingPerson(deps, client, workspaceId, userId);
            return buildNoticeModal(words, await act(words, workspaceId, userId, body.trigger_id));
          },
          answer: show,
          failed: (text) => buildNoticeModal(words, text),
        },
      );
      await republish(deps, client, workspaceId, userId);
    });

  actNow(
    tenantIds.connectSettingsAction,
    "connecting Microsoft 365 with the settings",
    async (words, workspaceId, userId, requestId) => {
      if (!deps.tenantConnections) return errorText(words, "NO_TENANT_SETTINGS");
      const result = await connectTenant(deps.db, deps.clock, deps.tenantConnections, {
        workspaceId,
        actor: { userId, source: "button", requestId },
        app: { kind: "settings" },
      });
      return result.ok
        ? words["tenant.connected"]({
            tenant: escapeMrkdwn(result.tenantId),
            app: escapeMrkdwn(result.clientId),
            products: result.products,
          })
        : failureWords(words, result);
    },
  );

  actNow(
    tenantIds.disconnectAction,
    "disconnecting Microsoft 365",
    async (words, workspaceId, userId, requestId) => {
      const result = await disconnectTenant(deps.db, deps.clock, {
        workspaceId,
        actor: { userId, source: "button", requestId },
      });
      return result.ok
        ? words["tenant.disconnected"]({
            tenant: escapeMrkdwn(result.tenantId),
            app: escapeMrkdwn(result.clientId ?? "—"),
          })
        : failureWords(words, result);
    },
  );

  registerSetupForm(app, deps, connectForm);
}

const field = (values: SetupValues, block: string) => values[block]?.[tenantIds.inputAction]?.value ?? "";

/** The modal's three values: checked beside their fields, then proven and stored by the use case. */
const connectForm: SetupForm<{ tenantId: string; clientId: string; secret: string }> = {
  callbackId: tenantIds.callbackId,
  name: "connecting Microsoft 365",
  read(words, values) {
    const read = readTenantApp({
      tenantId: field(values, tenantIds.tenantBlock),
      clientId: field(values, tenantIds.clientBlock),
      secret: field(values, tenantIds.secretBlock),
    });
    if (read.ok) return { ok: true, input: read.app };
    const blocks = {
      tenantId: tenantIds.tenantBlock,
      clientId: tenantIds.clientBlock,
      secret: tenantIds.secretBlock,
    } as const;
    return {
      ok: false,
      errors: Object.fromEntries(read.fields.map((f) => [blocks[f], words[`tenant.field.${f}`]()])),
    };
  },
  // The claim key is stored: the secret goes into it only as a digest.
  fingerprint: (input) =>
    createHash("sha256").update(`${input.tenantId}\n${input.clientId}\n${input.secret}`).digest("base64url"),
  async apply(deps, _client, input, { workspaceId, actor, t: words }) {
    if (!deps.tenantConnections) return errorText(words, "SECRET_NOT_STORABLE");
    const result = await connectTenant(deps.db, deps.clock, deps.tenantConnections, {
      workspaceId,
      actor,
      app: { kind: "entered", ...input },
    });
    return result.ok
      ? words["tenant.connected"]({
          tenant: escapeMrkdwn(result.tenantId),
          app: escapeMrkdwn(result.clientId),
          products: result.products,
        })
      : failureWords(words, result);
  },
};

/** A refusal with every detail it carries: what failed, each thing to fix, what to do next. */
function failureWords(words: Catalog, failure: Failure): string {
  const { summary, items, next } = describeFailure(words, failure, { timeZone: "UTC" });
  return [summary, ...items.map((item) => words["error.detail.item"]({ item })), next].join("\n");
}

async function republish(
  deps: SlackDeps,
  client: WebClient,
  workspaceId: string,
  userId: string,
): Promise<void> {
  await publishHome(deps, client, { workspaceId, userId }).catch((error: unknown) => {
    deps.logger.warn("republishing App Home after a Microsoft 365 change failed", {
      ...describeError(error),
      workspaceId,
    });
  });
}
