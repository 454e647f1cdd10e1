import { setDefaultProducts } from "../../licensing/catalog/set-default-products.ts";
import { setGrantedAdmin } from "../../licensing/directory/set-granted-admin.ts";
import { getSeatUsage } from "../../licensing/get-seat-usage.ts";
import { normalizeUsageLocation } from "../../licensing/usage-location.ts";
import { type ApprovalsChoice, setApprovalsRoute } from "../../licensing/workspaces/set-approvals-route.ts";
import { setDefaultUsageLocation } from "../../licensing/workspaces/set-default-usage-location.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { errorText } from "../copy/licensing-codes.ts";
import { DirectoryLookup } from "../directory/directory-lookup.ts";
import { ids } from "../shared/ids.ts";
import type { FormRead, SetupForm, SetupValues } from "./setup-submission.ts";

const s = ids.setup;
const field = (values: SetupValues, block: string) => values[block]?.[s.inputAction];

/** Rule 4, the same check and use case as `/license location default CC`. */
export const locationForm: SetupForm<{ location: string }> = {
  callbackId: s.locationCallbackId,
  name: "set-up: default usage location",
  read(t, values) {
    const location = normalizeUsageLocation(field(values, s.locationBlock)?.value ?? "");
    return location
      ? { ok: true, input: { location } }
      : { ok: false, errors: { [s.locationBlock]: errorText(t, "INVALID_USAGE_LOCATION") } };
  },
  fingerprint: (input) => input.location,
  async apply(deps, _client, input, { workspaceId, actor, t }) {
    const result = await setDefaultUsageLocation(deps.db, deps.clock, {
      workspaceId,
      usageLocation: input.location,
      actor,
    });
    if (!result.ok) return errorText(t, result.code);
    return t["location.default_done"]({ location: result.usageLocation, before: result.before });
  },
};

/** Rule 10: the same right `/license admins add` gives, to each person picked. */
export const adminsForm: SetupForm<{ userIds: string[] }> = {
  callbackId: s.adminsCallbackId,
  name: "set-up: admins",
  read(t, values) {
    const userIds = field(values, s.adminsBlock)?.selected_users ?? [];
    return userIds.length > 0
      ? { ok: true, input: { userIds } }
      : { ok: false, errors: { [s.adminsBlock]: t["setup.modal.admins.error"]() } };
  },
  fingerprint: (input) => [...input.userIds].sort().join(","),
  async apply(deps, client, input, { workspaceId, actor, t }) {
    const directory = new DirectoryLookup(deps.db, client);
    const granted: string[] = [];
    let unknown = false;
    for (const userId of input.userIds) {
      const person = await directory.byUserId(workspaceId, userId);
      if (!person) {
        unknown = true;
        continue;
      }
      const result = await setGrantedAdmin(deps.db, deps.clock, {
        workspaceId,
        personId: person.id,
        granted: true,
        actor,
      });
      if (!result.ok) return errorText(t, result.code);
      granted.push(escapeMrkdwn(person.name));
    }
    const words = granted.length > 0 ? [t["setup.modal.admins.done"]({ people: granted.join(", ") })] : [];
    if (unknown) words.push(t["setup.modal.admins.unknown"]());
    return words.join("\n");
  },
};

/** Where requests and admin notices go: a channel the app is invited to, or each admin's DMs. */
export const approvalsForm: SetupForm<ApprovalsChoice> = {
  callbackId: s.approvalsCallbackId,
  name: "set-up: where requests go",
  read(t, values): FormRead<ApprovalsChoice> {
    const route = field(values, s.routeBlock)?.selected_option?.value;
    if (route === "direct_messages") return { ok: true, input: { route } };
    if (route !== "channel")
      return { ok: false, errors: { [s.routeBlock]: t["setup.modal.approvals.route_error"]() } };
    const channelId = field(values, s.channelBlock)?.selected_conversation;
    return channelId
      ? { ok: true, input: { route, channelId } }
      : { ok: false, errors: { [s.channelBlock]: t["setup.modal.approvals.channel_error"]() } };
  },
  fingerprint: (input) => (input.route === "channel" ? input.channelId : input.route),
  async apply(deps, _client, choice, { workspaceId, actor, t }) {
    const result = await setApprovalsRoute(deps.db, deps.clock, { workspaceId, choice, actor });
    if (!result.ok) return errorText(t, result.code);
    return choice.route === "channel"
      ? t["setup.modal.approvals.done_channel"]({ channel: choice.channelId })
      : t["setup.modal.approvals.done_dms"]();
  },
};

/** Rule 2: exactly the products picked become the ones a person who joins gets. */
export const defaultsForm: SetupForm<{ productIds: string[] }> = {
  callbackId: s.defaultsCallbackId,
  name: "set-up: default products",
  read(_t, values) {
    const picked = field(values, s.defaultsBlock)?.selected_options ?? [];
    return { ok: true, input: { productIds: picked.map((o) => o.value) } };
  },
  fingerprint: (input) => [...input.productIds].sort().join(",") || "none",
  async apply(deps, _client, input, { workspaceId, actor, t }) {
    const result = await setDefaultProducts(deps.db, deps.clock, {
      workspaceId,
      productIds: input.productIds,
      actor,
    });
    if (!result.ok) return errorText(t, result.code);
    if (result.defaults.length === 0) return t["setup.modal.defaults.done_none"]();
    const chosen = new Set(input.productIds);
    const names = (await getSeatUsage(deps.db, { workspaceId }))
      .filter((p) => chosen.has(p.productId))
      .map((p) => escapeMrkdwn(p.name));
    return t["setup.modal.defaults.done"]({ names: names.join(", ") });
  },
};
