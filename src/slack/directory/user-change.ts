import type { WebClient } from "@slack/web-api";
import { systemActor } from "../../licensing/actor.ts";
import { ensureWorkspace } from "../../licensing/directory/ensure-workspace.ts";
import { recordDirectoryPeople } from "../../licensing/directory/record-directory-people.ts";
import { deliverAdminNotifications } from "../notices/deliver-admin-notifications.ts";
import { type EventDelivery, handleEventOnce } from "../shared/handle-event-once.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { type SlackUser, toDirectoryPerson } from "./slack-user.ts";

/**
 * A profile changed: the directory is updated, and a deactivation offboards the person (licenses
 * into restore windows, admins told what data is at risk); coming back makes them active again.
 */
export async function handleUserChange(
  deps: SlackDeps,
  client: WebClient,
  delivery: EventDelivery,
  user: SlackUser & { id: string; team_id?: string },
): Promise<void> {
  if (user.is_bot || user.id === "USLACKBOT") return;
  // People from other organisations show up in shared channels; they are not this directory's.
  if (user.team_id && user.team_id !== delivery.workspaceId) return;
  const { workspaceId } = delivery;
  await handleEventOnce(
    deps,
    delivery,
    async () => {
      await ensureWorkspace(deps.db, { id: workspaceId, name: workspaceId });
      await recordDirectoryPeople(deps.db, deps.clock, {
        workspaceId,
        people: [toDirectoryPerson(user)],
        actor: systemActor("event", delivery.eventId),
      });
    },
    () => deliverAdminNotifications(deps, client, { workspaceId }),
  );
}
