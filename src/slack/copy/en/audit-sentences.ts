import { count, nouns } from "./plural.ts";

type Who = { person: string };
type WhoWhat = { person: string; product: string };

/**
 * Each audit row as a sentence after the actor's name: what changed, to whom, and which product.
 * Names arrive bold and escaped; a name the log can no longer find reads "someone" or "a product".
 */
export const auditSentences = {
  "audit.someone": () => "someone",
  "audit.a_product": () => "a product",
  "audit.none": () => "none",
  "audit.s.license.assigned": (p: WhoWhat & { skipped: string | null }) =>
    `assigned ${p.product} to ${p.person}${p.skipped ? `; skipped ${p.skipped}` : ""}`,
  "audit.s.license.refused_by_tenant": (p: WhoWhat & { adding: boolean; reason: string }) =>
    `asked Microsoft 365 to ${p.adding ? `assign ${p.product} to` : `remove ${p.product} from`} ${p.person}, ` +
    `and it refused: ${p.reason}`,
  "audit.s.license.restored": (p: WhoWhat) =>
    `gave ${p.product} back to ${p.person}, with the data kept since removal`,
  "audit.s.license.removed": (p: WhoWhat & { until: string | null }) =>
    `removed ${p.product} from ${p.person}${p.until ? `; its data can be restored until ${p.until}` : "; no data was kept"}`,
  "audit.s.license.bulk_changed": (p: Who & { added: string; removed: string }) =>
    `changed ${p.person}'s licenses in bulk: added ${p.added}; removed ${p.removed}`,
  "audit.s.bulk.applied": (p: {
    people: number;
    added: number;
    removed: number;
    add: string;
    remove: string;
  }) =>
    `applied a bulk change to ${count(p.people, nouns.person)} (give ${p.add}; take ${p.remove}): ` +
    `${count(p.added, nouns.license)} added, ${p.removed} removed`,
  "audit.s.product.created": (p: { product: string; seats: string }) =>
    `added the product ${p.product}${p.seats}`,
  "audit.s.product.updated": (p: { product: string; seats: string }) =>
    `edited the product ${p.product}${p.seats}`,
  "audit.s.product.seats": (p: { before: number | null; after: number }) =>
    p.before === null || p.before === p.after
      ? ` (${count(p.after, nouns.seat)} purchased)`
      : ` (purchased seats ${p.before} → ${p.after})`,
  "audit.s.product.seats_changed": (p: { product: string; before: number; after: number }) =>
    `changed the purchased seats of ${p.product} from ${p.before} to ${p.after}`,
  "audit.s.mailbox.licensed": (p: { mailbox: string; product: string }) =>
    `licensed the mailbox ${p.mailbox} with ${p.product}`,
  "audit.s.mailbox.size_recorded": (p: { mailbox: string; size: string }) =>
    `recorded the size of ${p.mailbox}: ${p.size}`,
  "audit.s.mailbox.person_size_recorded": (p: Who & { size: string }) =>
    `recorded the size of ${p.person}'s mailbox: ${p.size}`,
  "audit.s.mailbox.locked": (p: { mailbox: string }) => `locked the mailbox ${p.mailbox} (no license)`,
  "audit.s.person.usage_location_set": (p: Who & { before: string; after: string }) =>
    `set ${p.person}'s usage location to ${p.after} (was ${p.before})`,
  "audit.s.workspace.default_usage_location_set": (p: { before: string; after: string }) =>
    `set the workspace's default usage location to ${p.after} (was ${p.before})`,
  "audit.s.catalog.defaults_set": (p: { before: string; after: string }) =>
    `chose the products new people get: ${p.after} (was ${p.before})`,
  "audit.s.workspace.approvals_route_set": (p: { where: string }) => `chose where requests go: ${p.where}`,
  "audit.s.workspace.approvals_route.channel": (p: { channel: string }) => `the channel <#${p.channel}>`,
  "audit.s.workspace.approvals_route.direct_messages": () => "each admin's direct messages",
  "audit.s.person.language_set": (p: Who & { language: string }) =>
    `set ${p.person}'s language to ${p.language}`,
  "audit.s.workspace.default_language_set": (p: { before: string; after: string }) =>
    `set the workspace's default language to ${p.after} (was ${p.before})`,
  "audit.s.workspace.personal_notices_set": (p: { on: boolean }) =>
    p.on
      ? "turned personal notices on: people are told by DM what they get and lose"
      : "turned personal notices off: people are no longer told by DM what they get and lose",
  "audit.s.person.deactivated": (p: Who & { removed: string }) =>
    `recorded that ${p.person} left; licenses removed: ${p.removed}`,
  "audit.s.person.reactivated": (p: Who) => `recorded that ${p.person} is back`,
  "audit.s.person.defaults_assigned": (p: Who & { products: string }) =>
    `gave ${p.person}, new here, the default licenses: ${p.products}`,
  "audit.s.person.defaults_not_assigned": (p: Who & { reason: string }) =>
    `could not give ${p.person}, new here, the default licenses: ${p.reason}`,
  "audit.s.admin.granted": (p: Who) => `made ${p.person} a license admin`,
  "audit.s.admin.revoked": (p: Who) => `took the license-admin right from ${p.person}`,
  "audit.s.request.filed": (p: WhoWhat & { reason: string | null }) =>
    `asked for ${p.product} for ${p.person}${p.reason ? `: “${p.reason}”` : ""}`,
  "audit.s.request.approved": (p: WhoWhat & { note: string | null }) =>
    `approved the request for ${p.product} for ${p.person}${p.note ? `: “${p.note}”` : ""}`,
  "audit.s.request.denied": (p: WhoWhat & { note: string | null }) =>
    `denied the request for ${p.product} for ${p.person}${p.note ? `: “${p.note}”` : ""}`,
  "audit.s.request.cancelled": (p: WhoWhat) => `withdrew the request for ${p.product} for ${p.person}`,
  "audit.s.request.expired": (p: WhoWhat) =>
    `let the request for ${p.product} for ${p.person} expire, undecided`,
  "audit.s.request.decision_refused": (p: WhoWhat & { decision: string; reason: string }) =>
    `could not ${p.decision} the request for ${p.product} for ${p.person}: ${p.reason}`,
  "audit.s.restore_window.purged": (p: WhoWhat) =>
    `deleted for good the data ${p.person} kept from ${p.product}`,
  "audit.s.restore_window.reminders_stopped": (p: WhoWhat) =>
    `let ${p.person}'s ${p.product} data expire: no more reminders about it`,
  "audit.s.device.registered": (p: WhoWhat & { device: string }) =>
    `registered the device ${p.device} for ${p.person}'s ${p.product}`,
  "audit.s.device.unregistered": (p: WhoWhat & { device: string }) =>
    `removed the device ${p.device} from ${p.person}'s ${p.product}`,
  "audit.s.workspace.deactivated": () => "recorded that License Desk was uninstalled from this workspace",
  "audit.s.workspace.reactivated": () => "recorded that License Desk was installed again",
  "audit.s.license.tenant_assigned": (p: WhoWhat & { fromGroup: boolean }) =>
    `recorded ${p.product} given to ${p.person}${p.fromGroup ? " through a group" : ""}: changed in Microsoft 365, not through License Desk`,
  "audit.s.license.tenant_removed": (p: WhoWhat & { until: string | null }) =>
    `recorded ${p.product} taken from ${p.person}: changed in Microsoft 365, not through License Desk${p.until ? `; its data can be restored until ${p.until}` : "; no data was kept"}`,
  "audit.s.product.gone": (p: { product: string }) =>
    `marked ${p.product} gone: Microsoft 365 no longer has it, and its history is kept`,
  "audit.s.product.returned": (p: { product: string }) =>
    `marked ${p.product} available again: Microsoft 365 has it again`,
  "audit.s.tenant.synced": (p: { matched: number; added: number; removed: number }) =>
    `synced with Microsoft 365: ${count(p.matched, nouns.person)} matched; ${count(p.added, nouns.license)} added and ${p.removed} removed there, not through License Desk`,
  "audit.s.workspace.purged": (p: { days: number }) =>
    `deleted this workspace's data, ${count(p.days, nouns.day)} after the app was uninstalled`,
  "audit.s.refused": (p: { attempted: string; target: string; reason: string }) =>
    `was refused ${p.attempted}${p.target ? ` for ${p.target}` : ""}. ${p.reason}`,
  "audit.s.unknown": () => "made a change this version of License Desk does not describe",
  "audit.reason.FORGED_METADATA": () => "The form's hidden data did not come from License Desk.",
  "audit.reason.UNKNOWN_TARGET": () => "It named something that is not in this workspace.",
  "audit.reason.other": () => "It was not allowed.",
  "audit.attempt.assign": () => "assigning a license",
  "audit.attempt.restore": () => "restoring a license",
  "audit.attempt.remove": () => "removing a license",
  "audit.attempt.request": () => "asking for a license",
  "audit.attempt.approve": () => "approving a request",
  "audit.attempt.deny": () => "denying a request",
  "audit.attempt.bulk": () => "a bulk change",
  "audit.attempt.mailbox": () => "changing a mailbox",
  "audit.attempt.seats": () => "changing purchased seats",
  "audit.attempt.catalog": () => "changing the products",
  "audit.attempt.location": () => "setting a usage location",
  "audit.attempt.default_location": () => "setting the default usage location",
  "audit.attempt.default_language": () => "setting the default language",
  "audit.attempt.admins": () => "changing who is a license admin",
  "audit.attempt.audit": () => "reading the audit log",
  "audit.attempt.device": () => "changing a device",
  "audit.attempt.expire": () => "letting kept data expire",
  "audit.attempt.directory": () => "a directory change",
  "audit.attempt.sync": () => "syncing with Microsoft 365",
  "audit.attempt.other": () => "an action",
} as const;
