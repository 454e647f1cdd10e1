import type { WebClient } from "@slack/web-api";
import { systemActor } from "../../licensing/actor.ts";
import { ensureWorkspace } from "../../licensing/directory/ensure-workspace.ts";
import { personJoined } from "../../licensing/directory/person-joined.ts";
import { deliverAdminNotifications } from "../notices/deliver-admin-notifications.ts";
import { sendQueuedNotices } from "../notices/send-queued-notices.ts";
import { type EventDelivery, handleEventOnce } from "../shared/handle-event-once.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { type SlackUser, toDirectoryPerson } from "./slack-user.ts";

/** Rule 2: a new member is recorded and gets every default product, or none and the admins are told. */
export async function handleTeamJoin(
  deps: SlackDeps,
  client: WebClient,
  delivery: EventDelivery,
  user: SlackUser & { id: string },
): Promise<void> {
  if (user.is_bot || user.id === "USLACKBOT") return;
  const { workspaceId } = delivery;
  let assigned = false;
  await handleEventOnce(
    deps,
    delivery,
    async () => {
      await ensureWorkspace(deps.db, { id: workspaceId, name: workspaceId });
      const joined = await personJoined(deps.db, deps.clock, {
        workspaceId,
        person: toDirectoryPerson(user),
        actor: systemActor("event", delivery.eventId),
      });
      assigned = joined.ok && joined.outcome === "assigned";
    },
    async () => {
      await deliverAdminNotifications(deps, client, { workspaceId });
      // The new member hears what they got (rule 12).
      if (assigned) await sendQueuedNotices(deps, client, { workspaceId });
    },
  );
}
