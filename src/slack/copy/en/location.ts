/** Usage locations at assign time, and what a change of location turns on or takes away (rule 4). */
export const location = {
  "assign.location_needed": (p: { person: string }) =>
    `*${p.person}* needs a usage location before anything can be assigned: set it, and the assign goes on.`,
  "assign.location_needed.button": () => "Set usage location",
  "assign.anyway.why": (p: { person: string; product: string }) =>
    `Microsoft 365 allows the license all the same: assign *${p.product}* to *${p.person}* anyway if they are about to move or travel where it runs. It takes a seat now.`,
  "assign.anyway.button": () => "Assign anyway",
  "location.modal.title": () => "Usage location",
  "location.modal.submit": () => "Set and assign",
  "location.modal.cancel": () => "Cancel",
  "location.modal.label": (p: { person: string }) => `Where ${p.person} uses the services`,
  "location.modal.hint": () => "A two-letter country code (ISO 3166), like SE or US.",
  "location.modal.default": () => "Also make it the workspace default",
  "location.modal.default.label": () => "Workspace default",
  "location.modal.default.hint": () => "The default is where everyone without a location of their own is.",
  "location.modal.default_set": (p: { location: string }) =>
    `The workspace default usage location is now ${p.location}.`,
  "location.change.warning": (p: { person: string; from: string; to: string; date: string }) =>
    `Moving *${p.person}* from ${p.from} to ${p.to} turns off what ${p.to} does not allow. Their data of these services is deleted for good on *${p.date}*, unless they are back where the service runs before then:`,
  /** Where someone moves from when they had no usage location before. */
  "location.change.from_none": () => "no location",
  "location.change.survives": () => "Kept, switched off (it outlives the change):",
  "location.change.lost_item": (p: { service: string; product: string; data: string }) =>
    `*${p.service}* (from ${p.product}): ${p.data}`,
  "location.change.confirm": () => "Change location",
  "location.change.cancel_hint": () => "Nothing changes unless you confirm.",
  "location.change.done": (p: { person: string; location: string }) =>
    `*${p.person}* now uses services in ${p.location}.`,
  "location.change.turned_on": (p: { services: string }) => `Turned on: ${p.services}.`,
  "location.change.turned_off": (p: { services: string; date: string }) =>
    `Turned off: ${p.services}; their data is deleted for good on ${p.date} unless they are back where it runs.`,
  "location.change.kept_off": (p: { services: string }) => `Switched off, data kept: ${p.services}.`,
  "location.change.changed_meanwhile": () =>
    "What the change takes away is no longer what you confirmed (their licenses changed meanwhile). Nothing was changed; run the command again to see the warning as it is now.",
} as const;
