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
    problems.push({
      file,
      ...yaml.position([...at, code]),
      message: `${where}"${field}" has a text in "${code}", which is not a language of this site.`,
      hint: meantLocale(code, locales)
        ? `Did you mean "${meantLocale(code, locales)}"?`
        : `The site's languages are: ${locales.join(", ")}.`,
    });
  }
  return problems;
}

export function checkRegistryTranslations(
  registry: Registry,
  yaml: YamlSource,
  locales: readonly string[],
): ContentProblem[] {
  const out: ContentProblem[] = [];
  const f = REGISTRY_FILE;
  registry.categories.forEach((c, i) => {
    out.push(
      ...missingTexts(c.title, locales, yaml, ["categories", i, "title"], f, `In the category "${c.id}": `, "title"),
    );
    out.push(
      ...missingTexts(
        c.description,
        locales,
        yaml,
        ["categories", i, "description"],
        f,
        `In the category "${c.id}": `,
        "description",
      ),
    );
  });
  registry.services.forEach((s, i) => {
    out.push(
      ...missingTexts(
        s.description,
        locales,
        yaml,
        ["services", i, "description"],
        f,
        `In the service "${s.id}": `,
        "description",
      ),
    );
  });
  registry.items.forEach((item, i) => {
    out.push(
      ...missingTexts(
        item.purpose,
        locales,
        yaml,
        ["items", i, "purpose"],
        f,
        `In the item "${item.name}": `,
        "purpose",
      ),
    );
  });
  return out;
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
