// Every text of the registry and the changelog exists in every language.
import type { LocalizedText, Registry } from "../../registry/schema";
import { type Changelog } from "../changelog";
import { CHANGELOG_FILE, REGISTRY_FILE } from "../paths";
import type { ContentProblem } from "../problems";
import { type YamlSource } from "../yaml-source";
import { languageName, meantLocale } from "./shared";

function missingTexts(
  text: LocalizedText,
  locales: readonly string[],
  yaml: YamlSource,
  at: PropertyKey[],
  file: string,
  where: string,
  field: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const l of locales) {
    if (typeof text[l] === "string") continue;
    problems.push({
      file,
      ...yaml.position(at),
      message: `${where}the ${languageName(l)} text of "${field}" is missing.`,
      hint: `Add a line "${l}: …" under "${field}:", indented like the other languages.`,
    });
  }
  for (const code of Object.keys(text)) {
    if (locales.includes(code)) continue;
    const meant = meantLocale(code, locales);
    problems.push({
      file,
      ...yaml.position([...at, code]),
      message: `${where}"${field}" has a text in "${code}", which is not a language of this site.`,
      hint: meant ? `Did you mean "${meant}"?` : `The site's languages are: ${locales.join(", ")}.`,
    });
  }
  return problems;
}

export function checkRegistryTranslations(
  registry: Registry,
  yaml: YamlSource,
  locales: readonly string[],
): ContentProblem[] {
  // every localized text of the registry: where it is in the YAML, and whose it is
  type Text = { text: LocalizedText; at: [string, number, string]; where: string };
  const texts: Text[] = [
    ...registry.categories.flatMap((c, i): Text[] => [
      {
        text: c.title,
        at: ["categories", i, "title"],
        where: `In the category "${c.id}": `,
      },
      {
        text: c.description,
        at: ["categories", i, "description"],
        where: `In the category "${c.id}": `,
      },
    ]),
    ...registry.services.map(
      (s, i): Text => ({
        text: s.description,
        at: ["services", i, "description"],
        where: `In the service "${s.id}": `,
      }),
    ),
    ...registry.items.map(
      (item, i): Text => ({
        text: item.purpose,
        at: ["items", i, "purpose"],
        where: `In the item "${item.name}": `,
      }),
    ),
  ];
  return texts.flatMap(({ text, at, where }) => missingTexts(text, locales, yaml, at, REGISTRY_FILE, where, at[2]));
}

export function checkChangelogTranslations(
  changelog: Changelog,
  yaml: YamlSource,
  locales: readonly string[],
): ContentProblem[] {
  return changelog.changes.flatMap((c, i) =>
    missingTexts(
      c.summary,
      locales,
      yaml,
      ["changes", i, "summary"],
      CHANGELOG_FILE,
      `In the change for version ${c.version}: `,
      "summary",
    ),
  );
}
