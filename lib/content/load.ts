// Reads content/ from disk: the registry and each edition of the policy. Server only.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cache } from "react";
import type { Locale } from "../i18n/locales";
import { parseRegistry } from "../registry/parse";
import type { Registry } from "../registry/schema";
import { type Changelog, parseChangelog } from "./changelog";
import { type Frontmatter, parseFrontmatter } from "./frontmatter";
import { CHANGELOG_FILE, policyFile, REGISTRY_FILE } from "./paths";
import { ContentError } from "./problems";

/** Reads `content/<inside>`; `relative` is the same path as the legal team sees it ("content/…"). */
async function readContent(relative: string): Promise<string> {
  const inside = relative.replace(/^content\//, "");
  return readFile(path.join(process.cwd(), "content", inside), "utf8");
}

export const loadRegistry = cache(async (): Promise<Registry> => {
  const result = parseRegistry(await readContent(REGISTRY_FILE), REGISTRY_FILE);
  if (!result.success) throw new ContentError(result.problems);
  return result.data;
});

export interface PolicySource {
  file: string;
  frontmatter: Frontmatter;
  /** MDX without the header block; line numbers match the file. */
  body: string;
}

export const loadPolicy = cache(async (locale: Locale): Promise<PolicySource> => {
  const file = policyFile(locale);
  const result = parseFrontmatter(await readContent(file), file);
  if (!result.success) throw new ContentError(result.problems);
  return { file, frontmatter: result.data, body: result.body };
});

export const loadChangelog = cache(async (): Promise<Changelog> => {
  const result = parseChangelog(await readContent(CHANGELOG_FILE), CHANGELOG_FILE);
  if (!result.success) throw new ContentError(result.problems);
  return result.data;
});
