// Every category of the registry has a declaration table in every edition.
import type { Registry, RegistryItem } from "../../registry/schema";
import { pluralWord } from "../../text/plural";
import { REGISTRY_FILE } from "../paths";
import type { ContentProblem } from "../problems";
import { type YamlSource } from "../yaml-source";
import { counterpartLine, type Edition, languageName } from "./shared";

/** Every registry item must be shown by a declaration table, in every edition. */
export function checkDeclared(
  registry: Registry,
  yaml: YamlSource,
  editions: Edition[],
  main: Edition | undefined,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // An edition with mistakes in its components is judged once they are fixed: a mistyped category
  // already has its own problem, and would otherwise also count as a missing table.
  const readable = editions.filter((e) => e.mdx?.parsed && e.mdx.problems.length === 0);
  if (readable.length === 0) return problems;
  const missingIn = (item: RegistryItem) => readable.filter((e) => !e.mdx!.declared.has(item));
  registry.categories.forEach((cat, ci) => {
    const items = registry.items.filter((i) => i.category === cat.id);
    if (items.length === 0) return;
    const names = items.map((i) => i.name).join(", ");
    // A whole category missing from an edition: one problem, not one per item.
    const wholly = readable.filter((e) => items.every((i) => !e.mdx!.declared.has(i)));
    if (wholly.length === readable.length) {
      problems.push({
        file: REGISTRY_FILE,
        ...yaml.position(["categories", ci, "id"]),
        message: `No declaration table shows the category "${cat.id}", so its ${pluralWord(items.length, "item")} ${names} ${pluralWord(items.length, "is", "are")} declared nowhere on the page.`,
        hint: `Add <DeclarationTable category="${cat.id}" /> to the policy in every language.`,
      });
      return;
    }
    for (const e of wholly) {
      const there = main?.mdx?.parsed && main !== e ? tableLine(main, cat.id) : undefined;
      problems.push({
        file: e.file,
        line: there !== undefined ? counterpartLine(main!, e, there) : 1,
        column: 1,
        message: `The ${languageName(e.locale)} edition has no declaration table for the category "${cat.id}" (${names}).`,
        hint: `Add <DeclarationTable category="${cat.id}" />${there ? ` where ${main!.file} has it (line ${there})` : ""}.`,
      });
    }
    for (const item of items) {
      const missing = missingIn(item).filter((e) => !wholly.includes(e));
      if (missing.length === 0) continue;
      problems.push({
        file: REGISTRY_FILE,
        ...yaml.position(["items", registry.items.indexOf(item), "name"]),
        message: `"${item.name}" (${item.storage}) is shown in no declaration table of ${missing.map((e) => e.file).join(" and ")}.`,
        hint: `Add <DeclarationTable category="${item.category}" /> there.`,
      });
    }
  });
  return problems;
}

function tableLine(edition: Edition, category: string): number | undefined {
  return edition.mdx?.uses.find((u) => u.declares && u.props.category === category)?.line;
}
