import type { NoticeSubject } from "../../licensing/reminders/list-notice-copies.ts";
import type {
  MailboxState,
  RequestState,
  SubjectStates,
  WindowState,
} from "../../licensing/reminders/load-subject-states.ts";
import { en } from "../copy/en.ts";
import { escapeMrkdwn, formatInstantForEachReader } from "../copy/format.ts";

/**
 * What became of a reminder's subject, worded (see copy/en/outcomes.ts); undefined while its
 * buttons still have something to do. Dates are Slack date tokens: each reader sees their own zone.
 */
export function windowOutcome(state: WindowState | undefined): string | undefined {
  const date = (at: Date) => formatInstantForEachReader(at);
  if (!state) return en["outcome.window.gone"]();
  switch (state.kind) {
    case "open":
      return undefined;
    case "restored":
      return en["outcome.window.restored"]({ who: state.by, date: date(state.at) });
    case "let_expire":
      return en["outcome.window.let_expire"]({
        who: state.by,
        date: date(state.at),
        until: date(state.purgeAt),
      });
    case "purged":
      return en["outcome.window.purged"]({ date: date(state.at) });
  }
}

export function mailboxOutcome(state: MailboxState | undefined): string | undefined {
  const date = (at: Date) => formatInstantForEachReader(at);
  if (!state) return en["outcome.mailbox.gone"]();
  switch (state.kind) {
    case "over_quota":
    // Licensing a locked mailbox still unlocks it: its button keeps something to do.
    case "locked":
      return undefined;
    case "licensed":
      return en["outcome.mailbox.licensed"]({
        who: state.by,
        date: state.at ? date(state.at) : null,
        product: escapeMrkdwn(state.product),
      });
    case "under_quota":
      return en["outcome.mailbox.under_quota"]({ who: state.by, date: date(state.at) });
  }
}

export function requestOutcome(state: RequestState | undefined): string | undefined {
  const date = (at: Date) => formatInstantForEachReader(at);
  if (!state) return en["outcome.request.gone"]();
  switch (state.kind) {
    case "pending":
      return undefined;
    case "expired":
      return en["outcome.request.expired"]({ date: date(state.at) });
    default:
      return en[`outcome.request.${state.kind}`]({ who: state.by, date: date(state.at) });
  }
}

/** For the message builder: the outcome line that takes a row's buttons' place, if it is settled. */
export function settledLines(states: SubjectStates): (subject: NoticeSubject) => string | undefined {
  return (subject) => {
    const what =
      subject.kind === "restore_window"
        ? windowOutcome(states.windows.get(subject.id))
        : subject.kind === "mailbox"
          ? mailboxOutcome(states.mailboxes.get(subject.id))
          : requestOutcome(states.requests.get(subject.id));
    return what === undefined ? undefined : en["outcome.line"]({ what });
  };
}
