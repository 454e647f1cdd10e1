/**
 * callback_id, block_id and action_id values, shared by the builders that put them in a view and
 * the listeners that receive them. A button's value carries an id only; the server re-reads state.
 */
export const ids = {
  removeConfirmation: {
    callbackId: "license.remove.confirm",
    warningBlock: "license.remove.warning",
  },
  bulkForm: {
    callbackId: "license.bulk.form",
    peopleBlock: "bulk.people",
    peopleAction: "bulk.people.select",
    addBlock: "bulk.add",
    addAction: "bulk.add.select",
    removeBlock: "bulk.remove",
    removeAction: "bulk.remove.select",
    modeBlock: "bulk.mode",
    modeAction: "bulk.mode.choose",
  },
  bulkPreview: {
    callbackId: "license.bulk.preview",
  },
  /** Buttons on a request's message to approvers, and in App Home; value: the request id. */
  request: {
    approveAction: "request.approve",
    denyAction: "request.deny",
  },
  /** The modals those buttons open; the note is an approval's note or a denial's reason. */
  requestDecision: {
    approveCallbackId: "request.decision.approve",
    denyCallbackId: "request.decision.deny",
    noteBlock: "request.decision.note",
    noteAction: "request.decision.note.input",
  },
  /** Restore a removed license from a restore-window row (App Home, reminders); value: the window id. */
  window: {
    restoreAction: "window.restore",
    /** From a reminder: no more reminders about this window; its data goes on its date. */
    letExpireAction: "window.let_expire",
  },
  /** Assign a license to a non-user mailbox (listing, App Home, lock warnings); value: the mailbox id. */
  mailbox: {
    licenseAction: "mailbox.license",
  },
  /** Under an assign's refusal; value: "personId productId". */
  assignFollowUp: {
    setLocationAction: "assign.location.open",
    anywayAction: "assign.anyway",
  },
  /** The modal "Set usage location" opens: the person's location, and maybe the workspace default. */
  assignLocation: {
    callbackId: "assign.location.form",
    locationBlock: "assign.location.code",
    locationAction: "assign.location.code.input",
    defaultBlock: "assign.location.default",
    defaultAction: "assign.location.default.check",
  },
  /** Confirms a usage location change that takes services away; value: the confirmation's JSON. */
  locationChange: {
    confirmAction: "location.change.confirm",
  },
  /** "Next page" under an audit page; value: an encoded cursor (and whose record it is). */
  auditPage: {
    nextAction: "audit.page.next",
  },
  /** "Record size" on a mailbox row (value: the mailbox id), and the modal it opens. */
  mailboxSize: {
    recordAction: "mailbox.size.record",
    callbackId: "mailbox.size.form",
    sizeBlock: "mailbox.size",
    sizeAction: "mailbox.size.input",
  },
  /** The product picker that ids.mailbox.licenseAction opens. */
  mailboxLicense: {
    callbackId: "mailbox.license.form",
    productBlock: "mailbox.license.product",
    productAction: "mailbox.license.product.select",
  },
  /** `/license products`: pick a product (or a new one), then its form. */
  products: {
    pickCallbackId: "products.pick",
    pickBlock: "products.pick",
    pickAction: "products.pick.select",
    formCallbackId: "products.form",
    nameBlock: "products.name",
    keyBlock: "products.key",
    seatsBlock: "products.seats",
    defaultBlock: "products.default",
    /** Followed by the plan's index in the form's metadata. */
    planNameBlockPrefix: "products.plan.name.",
    planLocationsBlockPrefix: "products.plan.locations.",
    newPlanKindBlock: "products.new_plan.kind",
    newPlanNameBlock: "products.new_plan.name",
    newPlanDataBlock: "products.new_plan.data",
    newPlanLocationsBlock: "products.new_plan.locations",
    newPlanInstallLimitBlock: "products.new_plan.install_limit",
    /** Every input's action id: the block id says which field it is. */
    inputAction: "products.input",
  },
  home: {
    openBulkAction: "home.bulk.open",
    openProductsAction: "home.products.open",
    requestLicenseAction: "home.request.open",
  },
  /** The admin's set-up checklist on App Home and the modals its buttons open. */
  setup: {
    showAction: "setup.show",
    dashboardAction: "setup.dashboard",
    locationAction: "setup.location.open",
    adminsAction: "setup.admins.open",
    approvalsAction: "setup.approvals.open",
    defaultsAction: "setup.defaults.open",
    locationCallbackId: "setup.location.form",
    adminsCallbackId: "setup.admins.form",
    approvalsCallbackId: "setup.approvals.form",
    defaultsCallbackId: "setup.defaults.form",
    locationBlock: "setup.location",
    adminsBlock: "setup.admins",
    routeBlock: "setup.approvals.route",
    channelBlock: "setup.approvals.channel",
    defaultsBlock: "setup.defaults",
    inputAction: "setup.input",
    /** The workspace's default language, chosen right on the checklist. */
    languageAction: "setup.language.choose",
  },
  /** A person's own language, chosen in App Home. */
  language: {
    chooseAction: "home.language.choose",
  },
  /** App Home's Microsoft 365 item: connect (a modal, or the settings in one click) and disconnect. */
  tenant: {
    connectAction: "tenant.connect.open",
    connectSettingsAction: "tenant.connect.settings",
    disconnectAction: "tenant.disconnect",
    callbackId: "tenant.connect.form",
    tenantBlock: "tenant.connect.tenant",
    clientBlock: "tenant.connect.client",
    secretBlock: "tenant.connect.secret",
    inputAction: "tenant.input",
  },
  /** The modal App Home's "Request a license" opens: a product, and optionally why. */
  homeRequestForm: {
    callbackId: "home.request.form",
    productBlock: "home.request.product",
    productAction: "home.request.product.input",
    reasonBlock: "home.request.reason",
    reasonAction: "home.request.reason.input",
  },
} as const;
