// The content check (`npm run content:check`): reads all of content/ the way the site will, and lists
// every problem as file:line:column in plain words, with what to write instead where that is known.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseRegistry } from "../../registry/parse";
import type { Registry } from "../../registry/schema";
import { type Changelog, parseChangelog } from "../changelog";
import { parseFrontmatter, splitFrontmatter } from "../frontmatter";
import type { MdxComponentSpec, MdxRefs } from "../mdx-specs";
import { CHANGELOG_FILE, policyFile, REGISTRY_FILE } from "../paths";
import type { ContentProblem } from "../problems";
import { parseYamlSource, type YamlSource } from "../yaml-source";
import { checkDeclared } from "./declared";
import { checkChangelogAgainstHeader, checkHeaderAgreement } from "./header";
import { checkLayout } from "./layout";
import { checkLinks } from "./links";
import { analyzeMdx } from "./mdx";
import { registryRefs } from "./refs";
import { checkSections } from "./sections";
import { type Edition, languageName, missingFile } from "./shared";
import { checkChangelogTranslations, checkRegistryTranslations } from "./translations";

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

type Read = (relative: string) => Promise<string | null>;

/** A parsed YAML file of content/ with its source (for line numbers), or null when it cannot be used. */
interface YamlFile<T> {
  data: T | null;
  yaml: YamlSource | null;
  problems: ContentProblem[];
}

export async function checkContent(options: CheckOptions): Promise<CheckReport> {
  const { root, locales } = options;
  const read: Read = async (relative) => {
    try {
      return await readFile(path.join(root, relative), "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  };

  const layout = await checkLayout(root, locales);
  const registry = await readRegistry(read);
  const changelog = await readChangelog(read);
  const editions = await readEditions(read, options, registry.data);
  const problems = [
    ...layout,
    ...registry.problems,
    ...changelog.problems,
    ...editions.flatMap((e) => e.problems),
    ...crossChecks(editions, registry, changelog, options),
  ];
  const blocked = editions
    .filter((e) => !registry.data || !changelog.data || !e.frontmatter || !e.mdx?.parsed || e.mdx.problems.length > 0)
    .map((e) => e.locale);
  return {
    problems: sortProblems(problems),
    blocked,
    stats: {
      editions: editions.filter((e) => e.mdx?.parsed).length,
      items: registry.data?.items.length ?? 0,
      changes: changelog.data?.changes.length ?? 0,
    },
  };
}

async function readRegistry(read: Read): Promise<YamlFile<Registry>> {
  const text = await read(REGISTRY_FILE);
  if (text === null)
    return {
      data: null,
      yaml: null,
      problems: [missingFile(REGISTRY_FILE, "The registry of every cookie and storage key is missing.")],
    };
  const parsed = parseRegistry(text, REGISTRY_FILE);
  if (!parsed.success) return { data: null, yaml: null, problems: parsed.problems };
  const yaml = parseYamlSource(text, REGISTRY_FILE);
  return { data: parsed.data, yaml: yaml.success ? yaml.source : null, problems: [] };
}

async function readChangelog(read: Read): Promise<YamlFile<Changelog>> {
  const text = await read(CHANGELOG_FILE);
  if (text === null) {
    const hint = 'Create it with "changes:" and an entry for the current version (see docs/editing-the-policy.md).';
    return {
      data: null,
      yaml: null,
      problems: [missingFile(CHANGELOG_FILE, "The changelog of the policy is missing.", hint)],
    };
  }
  const parsed = parseChangelog(text, CHANGELOG_FILE);
  if (!parsed.success) return { data: null, yaml: null, problems: parsed.problems };
  return { data: parsed.data, yaml: parsed.source ?? null, problems: [] };
}

/** Every edition of the policy, each with the problems of its own file. */
async function readEditions(
  read: Read,
  { locales, defaultLocale, specs: specsFor }: CheckOptions,
  registry: Registry | null,
): Promise<Array<Edition & { problems: ContentProblem[] }>> {
  const { refs, knownValues } = registryRefs(registry);
  const specs = specsFor(refs);
  const editions: Array<Edition & { problems: ContentProblem[] }> = [];
  for (const locale of locales) {
    const file = policyFile(locale);
    const text = await read(file);
    if (text === null) {
      const problem = missingFile(
        file,
        `The ${languageName(locale)} edition of the policy is missing.`,
        `Copy ${policyFile(defaultLocale)} to ${file} and translate it.`,
      );
      editions.push({ locale, file, frontmatter: null, yaml: null, mdx: null, problems: [problem] });
      continue;
    }
    const fm = parseFrontmatter(text, file);
    const split = splitFrontmatter(text);
    const yaml = split.yaml === null ? null : parseYamlSource(split.yaml, file, split.yamlLine - 1);
    const mdx = analyzeMdx(fm.body, file, { specs, registry, knownValues });
    editions.push({
      locale,
      file,
      frontmatter: fm.success ? fm.data : null,
      yaml: yaml?.success ? yaml.source : null,
      mdx,
      problems: [...(fm.success ? [] : fm.problems), ...mdx.problems],
    });
  }
  return editions;
}

/** The checks across files: editions against each other, against the registry and the changelog. */
function crossChecks(
  editions: Edition[],
  registry: YamlFile<Registry>,
  changelog: YamlFile<Changelog>,
  { locales, defaultLocale }: CheckOptions,
): ContentProblem[] {
  const main = editions.find((e) => e.locale === defaultLocale);
  const problems = [...checkHeaderAgreement(editions, main)];
  if (changelog.data && changelog.yaml && main?.frontmatter)
    problems.push(...checkChangelogAgainstHeader(changelog.data, changelog.yaml, main));
  if (registry.data && registry.yaml) {
    problems.push(...checkRegistryTranslations(registry.data, registry.yaml, locales));
    problems.push(...checkDeclared(registry.data, registry.yaml, editions, main));
  }
  if (changelog.data && changelog.yaml)
    problems.push(...checkChangelogTranslations(changelog.data, changelog.yaml, locales));
  problems.push(...checkSections(editions, main));
  problems.push(...checkLinks(editions, locales));
  return problems;
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
