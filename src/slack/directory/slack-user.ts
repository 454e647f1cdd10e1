import type { DirectoryPerson } from "../../licensing/directory/upsert-people.ts";
import { wellFormed } from "../../licensing/text.ts";

/** The fields of Slack's user object that the directory keeps. */
export interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  tz?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  profile?: { display_name?: string; real_name?: string; email?: string };
  /** Only in answers to calls made with `include_locale: true`. */
  locale?: string;
}

/**
 * A person's name, one rule everywhere: Slack's display name when they set one, else their real
 * name. The handle (`name`) and the id are last resorts for a profile that has neither.
 */
export function personName(user: SlackUser & { id: string }): string {
  return user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || user.id;
}

/** A Slack user as the directory records them; admins and owners administer licenses (rule 10). */
export function toDirectoryPerson(user: SlackUser & { id: string }): DirectoryPerson {
  return {
    slackUserId: user.id,
    // Directory text is stored as Slack sends it, only made well-formed (and shown neutralised).
    name: wellFormed(personName(user)),
    email: user.profile?.email ? wellFormed(user.profile.email.toLowerCase()) : null,
    timeZone: user.tz ?? null,
    active: !user.deleted,
    isSlackAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
    slackLocale: user.locale ? wellFormed(user.locale).slice(0, 35) : null,
  };
}
