import type { NoticeSubject } from "../../licensing/reminders/list-notice-copies.ts";
import type {
  MailboxState,
  RequestState,
  SubjectStates,
  WindowState,
} from "../../licensing/reminders/load-subject-states.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, formatInstantForEachReader } from "../copy/format.ts";

/**
 * What became of a reminder's subject, worded (see copy/en/outcomes.ts); undefined while its
 * buttons still have something to do. Dates are Slack date tokens: each reader sees their own zone.
 */
export function windowOutcome(t: Catalog, state: WindowState | undefined): string | undefined {
  const date = (at: Date) => formatInstantForEachReader(t, at);
  if (!state) return t["outcome.window.gone"]();
  switch (state.kind) {
    case "open":
      return undefined;
    case "restored":
      return t["outcome.window.restored"]({ who: state.by, date: date(state.at) });
    case "let_expire":
      return t["outcome.window.let_expire"]({
        who: state.by,
        date: date(state.at),
        until: date(state.purgeAt),
      });
    case "purged":
      return t["outcome.window.purged"]({ date: date(state.at) });
  }
}

export function mailboxOutcome(t: Catalog, state: MailboxState | undefined): string | undefined {
  const date = (at: Date) => formatInstantForEachReader(t, at);
  if (!state) return t["outcome.mailbox.gone"]();
  switch (state.kind) {
    case "over_quota":
    // Licensing a locked mailbox still unlocks it: its button keeps something to do.
    case "locked":
      return undefined;
    case "licensed":
      return t["outcome.mailbox.licensed"]({
        who: state.by,
        date: state.at ? date(state.at) : null,
        product: escapeMrkdwn(state.product),
      });
    case "under_quota":
      return t["outcome.mailbox.under_quota"]({ who: state.by, date: date(state.at) });
  }
}

export function requestOutcome(t: Catalog, state: RequestState | undefined): string | undefined {
  const date = (at: Date) => formatInstantForEachReader(t, at);
  if (!state) return t["outcome.request.gone"]();
  switch (state.kind) {
    case "pending":
      return undefined;
    case "expired":
      return t["outcome.request.expired"]({ date: date(state.at) });
    default:
      return t[`outcome.request.${state.kind}`]({ who: state.by, date: date(state.at) });
  }
}

/** For the message builder: the outcome line that takes a row's buttons' place, if it is settled. */
export function settledLines(
  t: Catalog,
  states: SubjectStates,
): (subject: NoticeSubject) => string | undefined {
  return (subject) => {
    const what =
      subject.kind === "restore_window"
        ? windowOutcome(t, states.windows.get(subject.id))
        : subject.kind === "mailbox"
          ? mailboxOutcome(t, states.mailboxes.get(subject.id))
          : requestOutcome(t, states.requests.get(subject.id));
    return what === undefined ? undefined : t["outcome.line"]({ what });
  };
}
