import type { SetUsageLocationOutcome } from "../../licensing/directory/set-usage-location.ts";
import type { LocationChangeWarning } from "../../licensing/failure-details.ts";
import { fail } from "../../licensing/outcome.ts";
import { describeFailure } from "../copy/describe-failure.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn, formatInstant } from "../copy/format.ts";
import { ids } from "../shared/ids.ts";
import {
  button,
  context,
  MESSAGE_BLOCKS_MAX,
  type Message,
  message,
  packSections,
  section,
} from "../shared/message-parts.ts";

/** What the confirm button carries: ids and what the admin saw go; the server checks it all again. */
export interface LocationChangeConfirmation {
  personId: string;
  location: string;
  /** The keys of the services the warning named as lost. */
  lost: string[];
}

/** Blocks besides the lists: the warning's sentence, the survivors' heading, the hint, the button. */
const FIXED_BLOCKS = 4;

/**
 * The data-loss warning of a change of usage location (rules 4 and 6): who, from where to where,
 * which services' data goes and the moment it is gone for good, what is kept; and the one button
 * that confirms it.
 */
export function buildLocationChangeWarning(
  t: Catalog,
  warning: LocationChangeWarning,
  timeZone: string,
): Message {
  const { summary, items } = describeFailure(t, fail("LOCATION_CHANGE_LOSES_DATA", { warning }), {
    timeZone,
  });
  const survives = warning.survives.map((l) =>
    t["location.change.lost_item"]({
      service: escapeMrkdwn(l.service.name),
      product: escapeMrkdwn(l.product.name),
      data: escapeMrkdwn(l.description),
    }),
  );
  const perList = Math.floor((MESSAGE_BLOCKS_MAX - FIXED_BLOCKS) / 2);
  const confirmation: LocationChangeConfirmation = {
    personId: warning.person.id ?? "",
    location: warning.to,
    lost: warning.lost.map((l) => l.service.key),
  };
  return message(summary, [
    section(summary),
    ...packSections(
      t,
      items.map((item) => t["error.detail.item"]({ item })),
      perList,
    ),
    ...packSections(
      t,
      survives.map((item) => t["error.detail.item"]({ item })),
      perList,
      survives.length > 0 ? { heading: t["location.change.survives"]() } : {},
    ),
    context([t["location.change.cancel_hint"]()]),
    {
      type: "actions",
      elements: [
        button(
          t["location.change.confirm"](),
          ids.locationChange.confirmAction,
          JSON.stringify(confirmation),
          "danger",
        ),
      ],
    },
  ]);
}

/** The outcome of a change of location: where they are now, what came on, what went and until when. */
export function locationChangeDoneText(
  t: Catalog,
  result: Extract<SetUsageLocationOutcome, { ok: true }>,
  timeZone: string,
): string {
  const names = (list: { name: string }[]) => list.map((s) => escapeMrkdwn(s.name)).join(", ");
  const { warning } = result;
  const lines = [
    t["location.change.done"]({ person: escapeMrkdwn(warning.person.name), location: result.usageLocation }),
  ];
  if (result.turnedOn.length > 0)
    lines.push(t["location.change.turned_on"]({ services: names(result.turnedOn) }));
  if (warning.lost.length > 0) {
    lines.push(
      t["location.change.turned_off"]({
        services: names(warning.lost.map((l) => l.service)),
        date: formatInstant(t, warning.goneForGoodAt, timeZone),
      }),
    );
  }
  if (warning.survives.length > 0) {
    lines.push(t["location.change.kept_off"]({ services: names(warning.survives.map((l) => l.service)) }));
  }
  return lines.join("\n");
}
