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
  /** Restore a removed license from a restore-window row (App Home, reminders); value: the window id. */
  window: {
    restoreAction: "window.restore",
  },
  /** Assign a license to a non-user mailbox (listing, App Home, lock warnings); value: the mailbox id. */
  mailbox: {
    licenseAction: "mailbox.license",
  },
  home: {
    openBulkAction: "home.bulk.open",
    openProductsAction: "home.products.open",
    requestLicenseAction: "home.request.open",
  },
} as const;
