import type { PlainTextOption, SectionBlock } from "@slack/types";
import type { PersonLanguage } from "../../licensing/language/load-reader-languages.ts";
import { LANGUAGES, type Language } from "../../licensing/language/reader-language.ts";
import type { Catalog } from "../copy/en.ts";
import { languageName } from "../copy/reader-catalog.ts";
import { ids } from "../shared/ids.ts";

/** The value of the option that gives the choice back to the person's Slack language. */
export const FOLLOW_SLACK = "auto";

const option = (text: string, value: string): PlainTextOption => ({
  text: { type: "plain_text", text },
  value,
});

/**
 * A person's own language in App Home: each language License Desk speaks, or following Slack
 * (which names what that gives now). The same choice as `/license language`.
 */
export function buildLanguageChoice(t: Catalog, language: PersonLanguage): SectionBlock {
  const follow = option(t["language.home.auto"]({ language: languageName(t, language.reads) }), FOLLOW_SLACK);
  const options = [follow, ...LANGUAGES.map((l) => option(languageName(t, l), l))];
  const initial = options.find((o) => o.value === (language.chosen ?? FOLLOW_SLACK)) ?? follow;
  return {
    type: "section",
    text: { type: "mrkdwn", text: t["language.home.label"]() },
    accessory: {
      type: "static_select",
      action_id: ids.language.chooseAction,
      placeholder: { type: "plain_text", text: t["language.home.placeholder"]() },
      options,
      initial_option: initial,
    },
  };
}

/** The workspace's default language as a checklist item, changed right there (admins, as the use case decides). */
export function buildDefaultLanguageItem(t: Catalog, current: Language): SectionBlock {
  const options = LANGUAGES.map((l) => option(languageName(t, l), l));
  const name = languageName(t, current);
  return {
    type: "section",
    text: {
      type: "mrkdwn",
      text: `*${t["setup.language.title"]()}*\n${t["setup.language.now"]({ language: name })}`,
    },
    accessory: {
      type: "static_select",
      action_id: ids.setup.languageAction,
      placeholder: { type: "plain_text", text: t["setup.language.placeholder"]() },
      options,
      initial_option: options.find((o) => o.value === current) ?? options[0],
    },
  };
}
