/**
 * What to do after each refusal: the command or button that moves things on. `product` is the
 * product's key when the refusal names one, so the command can be typed as it reads.
 */
type Next = (p: { product: string }) => string;

export const nextSteps = {
  "error.next.UNKNOWN_PERSON": () => "Mention them with @, or give their email address.",
  "error.next.UNKNOWN_PRODUCT": () => "`/license status` lists every product with its key.",
  "error.next.PERSON_DEACTIVATED": () =>
    "Once a workspace admin reactivates them in Slack, their licenses can be given again.",
  "error.next.ALREADY_ASSIGNED": () => "`/license show @person` lists what they have.",
  "error.next.NOT_ASSIGNED": (p) => `To give it: \`/license assign @person ${p.product}\`.`,
  "error.next.INHERITED_FROM_GROUP": () =>
    "Remove them from the group, or the license from the group, in the Microsoft 365 admin center.",
  "error.next.NO_SEATS_LEFT": (p) =>
    `Free a seat with \`/license remove @person ${p.product}\`, or set more purchased seats with \`/license seats ${p.product} N\`.`,
  "error.next.WINDOW_CLOSED": (p) =>
    `Assigning it again starts afresh: \`/license assign @person ${p.product}\`.`,
  "error.next.NOTHING_TO_RESTORE": (p) => `To give it anew: \`/license assign @person ${p.product}\`.`,
  "error.next.UNKNOWN_WINDOW": () => "`/license show @person` lists the restore windows still open.",
  "error.next.WINDOW_RESTORED": () => "Nothing more to do: `/license show @person` shows what they have.",
  "error.next.USAGE_LOCATION_REQUIRED": () =>
    "Set one with `/license location @person CC`, or one for everyone with `/license location default CC`, then try again.",
  "error.next.LOCATION_CHANGE_LOSES_DATA": () =>
    "Read the warning, then press *Change location* to confirm, or leave the location as it is.",
  "error.next.NOTHING_RUNS_IN_LOCATION": () =>
    "Press *Assign anyway* if the person will work where the services run, or set their usage location first.",
  "error.next.DEVICE_LIMIT_REACHED": () => "Remove a device before adding another.",
  "error.next.DEVICE_ALREADY_REGISTERED": () =>
    "Nothing more to do: it already counts as one of the installs.",
  "error.next.UNKNOWN_DEVICE": () => "Pick one of the devices listed with their license.",
  "error.next.NO_INSTALLABLE_SERVICE": () =>
    "Only Office apps are installed on devices: `/license show @person` lists what they have.",
  "error.next.QUANTITY_BELOW_ASSIGNED": (p) =>
    `Free seats with \`/license remove @person ${p.product}\` first, or keep at least as many as are assigned.`,
  "error.next.INVALID_QUANTITY": (p) =>
    `Try again with a whole number, like \`/license seats ${p.product} 25\`.`,
  "error.next.TENANT_LOCATION_REFUSED": () =>
    "Grant the permission to the app in the Microsoft Entra admin center, or set the location in the Microsoft 365 admin center; `/license sync` then reads it.",
  "error.next.INVALID_USAGE_LOCATION": () => "Try again with a code like `SE`.",
  "error.next.NO_MAILBOX": (p) =>
    `Assign a product with a mailbox first: \`/license assign @person ${p.product}\`.`,
  "error.next.CATALOG_INVALID": () => "Fix what is listed and import the file again.",
  "error.next.BULK_EMPTY": () => "Pick at least one person and one product, then preview again.",
  "error.next.BULK_CONFLICT": () => "Pick each product on one side only, then preview again.",
  "error.next.IDEMPOTENCY_CONFLICT": () => "Start the change again with `/license bulk`.",
  "error.next.NOT_ALLOWED": () => "Ask a license admin, or file a request: `/license request product`.",
  "error.next.OWN_REQUEST": () => "Another license admin decides it.",
  "error.next.ALREADY_DECIDED": () => "Nothing more to do: `/license audit` shows what happened.",
  "error.next.DUPLICATE_REQUEST": () => "Nothing more to do: you'll hear back in a direct message.",
  "error.next.REQUESTER_ADMINISTERS": (p) => `Assign it yourself: \`/license assign @person ${p.product}\`.`,
  "error.next.NO_APPROVER": () =>
    "A workspace admin or owner can give the right with `/license admins add @person`.",
  "error.next.UNKNOWN_REQUEST": () => "App Home lists the requests still waiting.",
  "error.next.REASON_REQUIRED": () => "Say why, so the requester knows.",
  "error.next.REASON_TOO_LONG": () => "Shorten it and send it again.",
  "error.next.TEXT_TOO_LONG": () => "Shorten it and send it again.",
  "error.next.UNKNOWN_MAILBOX": () => "`/license mailboxes` lists them.",
  "error.next.PRODUCT_KEY_TAKEN": () => "Choose another key: `/license status` lists the keys in use.",
  "error.next.TENANT_NOT_PROVEN": () =>
    "Fix it in the Microsoft Entra admin center, then connect again from App Home.",
  "error.next.INVALID_TENANT_APP": () =>
    "Copy the Directory (tenant) ID and Application (client) ID from the app's Overview in the Microsoft Entra admin center.",
  "error.next.SECRET_NOT_STORABLE": () =>
    "Ask whoever runs License Desk to set TOKEN_ENCRYPTION_KEY, or to set the M365_* settings and connect with them.",
  "error.next.NO_TENANT_SETTINGS": () => "Connect with the tenant's app registration from App Home instead.",
  "error.next.TENANT_NOT_CONNECTED": () =>
    "An admin connects it from App Home: *Microsoft 365*, then *Connect*.",
} as const satisfies Record<`error.next.${string}`, Next>;
