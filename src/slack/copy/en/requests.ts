/** License requests: the message approvers see, the decision modals, and what the requester hears. */
export const requests = {
  "request.message.heading.self": (p: { requester: string; product: string }) =>
    `:inbox_tray: ${p.requester} asks for *${p.product}*.`,
  "request.message.heading.other": (p: { requester: string; person: string; product: string }) =>
    `:inbox_tray: ${p.requester} asks for *${p.product}* for ${p.person}.`,
  "request.message.fallback": (p: { product: string }) => `A license request for ${p.product} is waiting.`,
  "request.message.fallback.decided": (p: { product: string; status: string }) =>
    `The license request for ${p.product} was ${p.status}.`,
  "request.message.reason": (p: { reason: string }) => `*Reason:* ${p.reason}`,
  "request.message.no_reason": () => "_No reason given._",
  "request.message.provisions": (p: { services: string }) => `*Approving turns on:* ${p.services}`,
  "request.message.provisions_nothing": () => "*Approving turns on:* none of its services.",
  "request.message.skipped": (p: { services: string; location: string }) =>
    `*Skipped:* ${p.services}: not available in their usage location ${p.location}.`,
  "request.message.no_location": () =>
    "*No usage location* is set for them, and the workspace has none: set one before approving.",
  "request.message.seats": (p: { product: string; seats: string }) => `*${p.product}*: ${p.seats}`,
  "request.message.filed_at": (p: { date: string }) => `Filed ${p.date}`,
  "request.approve": () => "Approve",
  "request.deny": () => "Deny",
  "request.decided.approved": (p: { by: string; date: string }) =>
    `:white_check_mark: Approved by ${p.by} at ${p.date}.`,
  "request.decided.denied": (p: { by: string; date: string }) => `:no_entry: Denied by ${p.by} at ${p.date}.`,
  "request.decided.cancelled": (p: { date: string }) => `Withdrawn by the requester at ${p.date}.`,
  "request.decided.expired": (p: { date: string }) => `Expired at ${p.date}, undecided.`,
  "request.decided.note": (p: { note: string }) => `*Note:* ${p.note}`,
  "request.decided.reason": (p: { reason: string }) => `*Reason:* ${p.reason}`,
  "request.someone": () => "an admin",
  "request.modal.approve.title": () => "Approve request",
  "request.modal.deny.title": () => "Deny request",
  "request.modal.cancel": () => "Cancel",
  "request.modal.note.label": () => "Note for the requester (optional)",
  "request.modal.reason.label": () => "Why is it denied?",
  "request.modal.reason.hint": () => "The requester reads this.",
  "request.modal.no_seats": () =>
    ":warning: No seats are left: approving fails until a seat is freed or more are bought.",
  "request.error.reason_required": () => "Please say why, so the requester knows.",
  "request.error.too_long": (p: { max: number }) => `Please keep it under ${p.max} characters.`,
  "request.already_decided": (p: { status: string; by: string; date: string }) =>
    `That request was already ${p.status} by ${p.by} at ${p.date}.`,
  "request.already_closed": (p: { status: string; date: string }) =>
    `That request was already ${p.status} at ${p.date}.`,
  "request.done.approved": (p: { product: string; person: string; seats: string }) =>
    `Approved: ${p.person} now has *${p.product}*. ${p.seats}. The requester has been told.`,
  "request.done.approved_pending_in_tenant": (p: { product: string; person: string }) =>
    `Approved: *${p.product}* for ${p.person} is sent to Microsoft 365, a seat held. ` +
    "You'll get a message when the tenant has answered; the requester has been told it is approved.",
  "request.done.approved_already_held": (p: { product: string; person: string }) =>
    `Approved: ${p.person} already had *${p.product}*. The requester has been told.`,
  "request.done.denied": () => "Denied. The requester has been told why.",
  "request.done.not_assigned": (p: { message: string }) =>
    `Could not approve: ${p.message} The request is still waiting.`,
  "request.outcome.approved": (p: { product: string; person: string; by: string }) =>
    `:white_check_mark: Your request for *${p.product}* for ${p.person} was approved by ${p.by}.`,
  "request.outcome.approved.self": (p: { product: string; by: string }) =>
    `:white_check_mark: Your request for *${p.product}* was approved by ${p.by}.`,
  "request.outcome.denied": (p: { product: string; person: string; by: string }) =>
    `:no_entry: Your request for *${p.product}* for ${p.person} was denied by ${p.by}.`,
  "request.outcome.denied.self": (p: { product: string; by: string }) =>
    `:no_entry: Your request for *${p.product}* was denied by ${p.by}.`,
  "request.outcome.turned_on": (p: { services: string }) => `Turned on: ${p.services}.`,
} as const;
