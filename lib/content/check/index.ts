// The content check (`npm run content:check`): reads all of content/ the way the site will, and lists
// every problem as file:line:column in plain words, with what to write instead where that is known.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseRegistry } from "../../registry/parse";
import type { LocalizedText, Registry, RegistryItem } from "../../registry/schema";
import { policyHref } from "../../site/routes";
import { plural, pluralWord } from "../../text/plural";
import { CHANGES_ANCHOR, type Changelog, impliedConsentRevision, parseChangelog } from "../changelog";
import { type Frontmatter, parseFrontmatter, splitFrontmatter } from "../frontmatter";
import type { MdxComponentSpec, MdxRefs } from "../mdx-specs";
import { CHANGELOG_FILE, policyFile, REGISTRY_FILE } from "../paths";
import type { ContentProblem } from "../problems";
import { closest, didYouMean, editDistance } from "../suggest";
import { parseYamlSource, type YamlSource } from "../yaml-source";
import { analyzeMdx, type MdxAnalysis, type PolicyHeading } from "./mdx";
import { registryRefs } from "./refs";

/** Ids the policy page itself adds to every edition, besides its headings. */
const PAGE_ANCHORS = [CHANGES_ANCHOR, "top", "main"] as const;

export interface CheckOptions {
  /** The project folder: the one holding content/. */
  root: string;
  locales: readonly string[];
  defaultLocale: string;
  /** The MDX components and their props (components/mdx/specs.ts). */
  specs: (refs: MdxRefs) => Record<string, MdxComponentSpec>;
}

export interface CheckReport {
  problems: ContentProblem[];
  stats: { editions: number; items: number; changes: number };
  /** Languages whose page cannot be rendered at all until problems are fixed (for the dev preview). */
  blocked: string[];
}

interface Edition {
  locale: string;
  file: string;
  frontmatter: Frontmatter | null;
  yaml: YamlSource | null;
  mdx: MdxAnalysis | null;
}

/** A language code that was meant: "DE", "de-DE", "dee" → "de". Two-letter codes are all close to each other, so no more. */
function meantLocale(code: string, locales: readonly string[]): string | undefined {
  const lower = code.toLowerCase();
  return locales.find(
    (l) =>
      l === lower ||
      lower.startsWith(`${l}-`) ||
      lower.startsWith(`${l}_`) ||
      (lower.length > 2 && editDistance(lower, l) === 1),
  );
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });
function languageName(code: string): string {
  try {
    const name = languageNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export async function checkContent(options: CheckOptions): Promise<CheckReport> {
  const { root, locales, defaultLocale } = options;
  const problems: ContentProblem[] = [];
  const read = async (relative: string): Promise<string | null> => {
    try {
      return await readFile(path.join(root, relative), "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  };

  problems.push(...(await checkLayout(root, locales)));

  // The registry
  let registry: Registry | null = null;
  let registryYaml: YamlSource | null = null;
  const registryText = await read(REGISTRY_FILE);
  if (registryText === null) {
    problems.push(missingFile(REGISTRY_FILE, "The registry of every cookie and storage key is missing."));
  } else {
    const parsed = parseRegistry(registryText, REGISTRY_FILE);
    if (parsed.success) {
      registry = parsed.data;
      const yaml = parseYamlSource(registryText, REGISTRY_FILE);
      if (yaml.success) registryYaml = yaml.source;
    } else problems.push(...parsed.problems);
  }

  // The changelog
  let changelog: Changelog | null = null;
  let changelogYaml: YamlSource | null = null;
  const changelogText = await read(CHANGELOG_FILE);
  if (changelogText === null) {
    problems.push(
      missingFile(
        CHANGELOG_FILE,
        "The changelog of the policy is missing.",
        'Create it with "changes:" and an entry for the current version (see docs/editing-the-policy.md).',
      ),
    );
  } else {
    const parsed = parseChangelog(changelogText, CHANGELOG_FILE);
    if (parsed.success) {
      changelog = parsed.data;
      changelogYaml = parsed.source ?? null;
    } else problems.push(...parsed.problems);
  }

  // Every edition of the policy
  const { refs, knownValues } = registryRefs(registry);
  const specs = options.specs(refs);
  const editions: Edition[] = [];
  for (const locale of locales) {
    const file = policyFile(locale);
    const text = await read(file);
    if (text === null) {
      problems.push(
        missingFile(
          file,
          `The ${languageName(locale)} edition of the policy is missing.`,
          `Copy ${policyFile(defaultLocale)} to ${file} and translate it.`,
        ),
      );
      editions.push({ locale, file, frontmatter: null, yaml: null, mdx: null });
      continue;
    }
    const fm = parseFrontmatter(text, file);
    if (!fm.success) problems.push(...fm.problems);
    const split = splitFrontmatter(text);
    const yaml = split.yaml === null ? null : parseYamlSource(split.yaml, file, split.yamlLine - 1);
    const mdx = analyzeMdx(fm.body, file, { specs, registry, knownValues });
    problems.push(...mdx.problems);
    editions.push({
      locale,
      file,
      frontmatter: fm.success ? fm.data : null,
      yaml: yaml?.success ? yaml.source : null,
      mdx,
    });
  }

  const main = editions.find((e) => e.locale === defaultLocale);
  problems.push(...checkHeaderAgreement(editions, main));
  if (changelog && changelogYaml && main?.frontmatter)
    problems.push(...checkChangelogAgainstHeader(changelog, changelogYaml, main));
  if (registry && registryYaml) {
    problems.push(...checkRegistryTranslations(registry, registryYaml, locales));
    problems.push(...checkDeclared(registry, registryYaml, editions, main));
  }
  if (changelog && changelogYaml) problems.push(...checkChangelogTranslations(changelog, changelogYaml, locales));
  problems.push(...checkSections(editions, main));
  problems.push(...checkLinks(editions, locales));

  const blocked = editions
    .filter((e) => !registry || !changelog || !e.frontmatter || !e.mdx?.parsed || e.mdx.problems.length > 0)
    .map((e) => e.locale);
  return {
    problems: sortProblems(problems),
    blocked,
    stats: {
      editions: editions.filter((e) => e.mdx?.parsed).length,
      items: registry?.items.length ?? 0,
      changes: changelog?.changes.length ?? 0,
    },
  };
}

function missingFile(file: string, message: string, hint?: string): ContentProblem {
  return { file, line: 1, column: 1, message, ...(hint ? { hint } : {}) };
}

function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** content/ holds the registry, the changelog and one folder per language; nothing else is read. */
async function checkLayout(root: string, locales: readonly string[]): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  let entries: string[];
  try {
    entries = await readdir(path.join(root, "content"));
  } catch {
    return [missingFile("content/", "The content folder is missing.")];
  }
  const topFiles = ["registry.yaml", "changelog.yaml"];
  for (const name of entries) {
    if (name.startsWith(".") || name === "README.md") continue;
    const full = path.join(root, "content", name);
    const isDir = (await stat(full)).isDirectory();
    if (isDir && !locales.includes(name)) {
      const near = meantLocale(name, locales);
      problems.push({
        file: `content/${name}/`,
        line: 1,
        column: 1,
        message: `The folder "${name}" is not a language of this site, so nothing in it is published.`,
        hint: near
          ? `Did you mean "${near}"?`
          : `The site's languages are: ${locales.join(", ")}. To add a language, see "Adding a language" in docs/editing-the-policy.md.`,
      });
    } else if (isDir) {
      for (const inner of await readdir(full)) {
        if (inner.startsWith(".") || inner === "cookie-policy.mdx") continue;
        problems.push({
          file: `content/${name}/${inner}`,
          line: 1,
          column: 1,
          message: `"${inner}" is not used: each language folder holds only cookie-policy.mdx.`,
          ...(didYouMean(inner, ["cookie-policy.mdx"]) ? { hint: didYouMean(inner, ["cookie-policy.mdx"]) } : {}),
        });
      }
    } else if (!topFiles.includes(name)) {
      problems.push({
        file: `content/${name}`,
        line: 1,
        column: 1,
        message: `"${name}" is not used by the site.`,
        hint: didYouMean(name, topFiles) ?? `content/ holds ${topFiles.join(", ")} and one folder per language.`,
      });
    }
  }
  // Every strings file must be registered, or its language silently does not exist.
  const stringsDir = path.join(root, "lib/i18n/strings");
  const stringFiles = await readdir(stringsDir).catch(() => [] as string[]);
  for (const f of stringFiles) {
    const code = /^([a-z]{2,3})\.ts$/.exec(f)?.[1];
    if (code && !locales.includes(code))
      problems.push({
        file: `lib/i18n/strings/${f}`,
        line: 1,
        column: 1,
        message: `The strings file for "${code}" is not registered, so the site has no ${languageName(code)} edition.`,
        hint: `Add ${code} to the catalog in lib/i18n/strings/index.ts.`,
      });
  }
  return problems;
}

/** Version, dates and consentRevision are one fact about the policy: every edition must agree. */
function checkHeaderAgreement(editions: Edition[], main: Edition | undefined): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!main?.frontmatter) return problems;
  const fields = ["version", "effectiveDate", "lastUpdated", "consentRevision"] as const;
  for (const e of editions) {
    if (e === main || !e.frontmatter || !e.yaml) continue;
    for (const f of fields) {
      if (e.frontmatter[f] === main.frontmatter[f]) continue;
      const want = main.frontmatter[f];
      problems.push({
        file: e.file,
        ...e.yaml.position([f]),
        message: `"${f}" is ${JSON.stringify(e.frontmatter[f])} here but ${JSON.stringify(want)} in ${main.file}; every language must say the same.`,
        hint: `Write ${f}: ${typeof want === "string" && f === "version" ? `"${want}"` : want}`,
      });
    }
  }
  return problems;
}

function checkChangelogAgainstHeader(changelog: Changelog, yaml: YamlSource, main: Edition): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const fm = main.frontmatter!;
  const newest = changelog.changes[0]!;
  if (newest.version !== fm.version)
    problems.push({
      file: CHANGELOG_FILE,
      ...yaml.position(["changes", 0, "version"]),
      message: `The newest change is for version ${newest.version}, but the policy header says version "${fm.version}".`,
      hint: `Add an entry for version "${fm.version}" at the top of the list, saying what changed.`,
    });
  else if (newest.date !== fm.lastUpdated)
    problems.push({
      file: CHANGELOG_FILE,
      ...yaml.position(["changes", 0, "date"]),
      message: `Version ${newest.version} is dated ${newest.date} here, but the policy header says lastUpdated: ${fm.lastUpdated}.`,
      hint: `Write the same date in both places.`,
    });
  const implied = impliedConsentRevision(changelog);
  if (implied !== fm.consentRevision) {
    const asked = implied - 1;
    problems.push({
      file: main.file,
      ...(main.yaml?.position(["consentRevision"]) ?? { line: 1, column: 1 }),
      message: `consentRevision is ${fm.consentRevision}, but the changelog marks ${asked === 0 ? "no change" : plural(asked, "change")} with asksConsentAgain: true, so it should be ${implied}.`,
      hint:
        fm.consentRevision > implied
          ? `Either write consentRevision: ${implied}, or mark the change that asks everyone again with asksConsentAgain: true in ${CHANGELOG_FILE}.`
          : `Write consentRevision: ${implied} in every language, so that everyone is asked for consent again.`,
    });
  }
  return problems;
}

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

function checkRegistryTranslations(registry: Registry, yaml: YamlSource, locales: readonly string[]): ContentProblem[] {
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

function checkChangelogTranslations(
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

/** Every registry item must be shown by a declaration table, in every edition. */
function checkDeclared(
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

/** The line in `other` that corresponds to `line` in `main`: the same heading, counted from the top. */
function counterpartLine(main: Edition, other: Edition, line: number): number {
  const index = main.mdx!.headings.filter((h) => h.line <= line).length - 1;
  return (index >= 0 ? other.mdx?.headings[index]?.line : undefined) ?? 1;
}

function tableLine(edition: Edition, category: string): number | undefined {
  return edition.mdx?.uses.find((u) => u.declares && u.props.category === category)?.line;
}

/**
 * Every edition has the same sections: the same headings at the same levels, in the same order, and
 * the same components in each (a translation must not lose a switch or a declaration table).
 */
function checkSections(editions: Edition[], main: Edition | undefined): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!main?.mdx?.parsed) return problems;
  const a = main.mdx.headings;
  const level = (h: PolicyHeading) => `${"#".repeat(h.depth)} ${h.text}`;
  const place = (h: PolicyHeading) => (h.inside ? ` inside <${h.inside}>` : "");
  for (const e of editions) {
    if (e === main || !e.mdx?.parsed) continue;
    const b = e.mdx.headings;
    const report = (line: number, column: number, message: string, hint: string) =>
      problems.push({ file: e.file, line, column, message, hint });
    // A mistyped component already has its own problem; comparing its uses would only echo it.
    const compareUses = main.mdx.problems.length === 0 && e.mdx.problems.length === 0;
    const usesDiffer = (want: string[], have: string[], line: number, column: number, where: string) => {
      if (!compareUses) return;
      const missing = want.filter((u) => !have.includes(u));
      const extra = have.filter((u) => !want.includes(u));
      if (!missing.length && !extra.length) return;
      report(
        line,
        column,
        `${where} ${missing.length ? `lacks ${missing.join(", ")}` : ""}${missing.length && extra.length ? " and " : ""}${extra.length ? `has ${extra.join(", ")} that ${main.file} does not` : ""}.`,
        "Every language uses the same components in the same sections; only the text between them is translated.",
      );
    };
    usesDiffer(main.mdx.preambleUses, e.mdx.preambleUses, 1, 1, "The text before the first heading");
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const ha = a[i];
      const hb = b[i];
      if (ha && hb && ha.depth === hb.depth && ha.inside === hb.inside) {
        usesDiffer(
          ha.uses,
          hb.uses,
          hb.line,
          hb.column,
          `The section "${level(hb)}" (in ${main.file}: "${level(ha)}", line ${ha.line})`,
        );
        continue;
      }
      if (ha && hb)
        report(
          hb.line,
          hb.column,
          `The sections differ from ${main.file}: here comes "${level(hb)}"${place(hb)}, where ${main.file} has "${level(ha)}"${place(ha)} (line ${ha.line}).`,
          "Every language has the same headings at the same levels (##, ###), in the same order.",
        );
      else if (ha)
        report(
          b.at(-1)?.line ?? 1,
          1,
          `This edition is missing sections that ${main.file} has${b.length ? ` after "${b.at(-1)!.text}"` : ""}: "${level(ha)}" (line ${ha.line})${a.length - b.length > 1 ? ` and ${a.length - b.length - 1} more` : ""}.`,
          "Translate the missing sections, with headings at the same levels.",
        );
      else if (hb)
        report(
          hb.line,
          hb.column,
          `"${level(hb)}" has no counterpart in ${main.file}${b.length - a.length > 1 ? `, and neither do the ${b.length - a.length - 1} headings after it` : ""}.`,
          "Every language has the same headings at the same levels, in the same order.",
        );
      break; // after a heading out of step every later one would differ too
    }
  }
  return problems;
}

function checkLinks(editions: Edition[], locales: readonly string[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const anchors = new Map<string, Set<string>>();
  for (const e of editions) {
    if (!e.mdx?.parsed) continue;
    anchors.set(e.locale, new Set([...e.mdx.headings.map((h) => h.id), ...e.mdx.componentAnchors, ...PAGE_ANCHORS]));
    for (const h of e.mdx.headings)
      if ((PAGE_ANCHORS as readonly string[]).includes(h.id))
        problems.push({
          file: e.file,
          line: h.line,
          column: h.column,
          message: `The heading "${h.text}" would get the id "${h.id}", which the page already uses.`,
          hint: "Word the heading differently.",
        });
  }
  const pages = new Map<string, string | null>([
    ["/", null],
    ["/cookie-policy", null],
    ...locales.map((l) => [policyHref(l), l] as const),
  ]);
  for (const e of editions) {
    if (!e.mdx?.parsed) continue;
    for (const link of e.mdx.links) {
      const problem = (message: string, hint?: string) =>
        problems.push({ file: e.file, line: link.line, column: link.column, message, ...(hint ? { hint } : {}) });
      const url = link.url.trim();
      if (!url) {
        problem("This link has no address.", "Write the address between the round brackets: [text](https://…).");
        continue;
      }
      if (/^(https?:|mailto:|tel:)/i.test(url)) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        problem(
          `Links starting with "${url.split(":")[0]}:" cannot be used.`,
          "Use an address starting with https://, mailto: or tel:, a path on this site starting with /, or a section starting with #.",
        );
        continue;
      }
      if (!url.startsWith("/") && !url.startsWith("#")) {
        problem(
          `"${url}" is not a complete address.`,
          "Start a web address with https://, a page on this site with / (for example /en/cookie-policy), a section of this page with #.",
        );
        continue;
      }
      const parsed = new URL(url, "https://candor.invalid/");
      const pagePath = url.startsWith("#") ? policyHref(e.locale) : parsed.pathname.replace(/\/$/, "") || "/";
      if (!pages.has(pagePath)) {
        const near = closest(pagePath, [...pages.keys()]);
        problem(
          `There is no page at "${pagePath}" on this site.`,
          near ? `Did you mean "${near}"?` : `The pages are: ${[...pages.keys()].join(", ")}.`,
        );
        continue;
      }
      const id = decodeURIComponent(parsed.hash.slice(1));
      if (!id) continue;
      const target = pages.get(pagePath);
      const targets = target ? [target] : [...anchors.keys()];
      for (const t of targets) {
        const ids = anchors.get(t);
        if (!ids || ids.has(id)) continue;
        const near = closest(id, [...ids]);
        problem(
          `The link to "#${id}" leads nowhere: ${t === e.locale ? "this edition" : `the ${languageName(t)} edition`} has no section with that id.`,
          near
            ? `Did you mean "#${near}"?`
            : "A section's id is its heading in lower case, with dashes for spaces: ## Browser Cookie Controls → #browser-cookie-controls.",
        );
      }
    }
  }
  return problems;
}
