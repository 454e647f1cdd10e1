/**
 * The keys a delivery is claimed by (`claimDelivery`), built from what Slack guarantees unique for
 * one delivery and repeats in a redelivery of it. Never a view id alone: one view is submitted
 * again after it changes (its hash changes with it), and an id seen before a restart must not make
 * a new submission look like a repeat.
 */
export const deliveryKey = {
  /** A slash command: its trigger_id, new with every command typed. */
  command: (triggerId: string) => `command:${triggerId}`,
  /** A press: its trigger_id, new with every press and repeated only by a redelivery. */
  press: (triggerId: string) => `action:${triggerId}`,
  /**
   * A view_submission: the view's id with its hash, the same for a double submission of what the
   * person saw, different once the view has been updated.
   */
  submission: (view: { id: string; hash?: string }) => `view:${view.id}:${view.hash ?? ""}`,
  /** An Events API event: its event_id. */
  event: (eventId: string) => `event:${eventId}`,
};
