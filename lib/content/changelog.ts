// The policy's changelog (content/changelog.yaml): one entry per published version, newest first,
// shown on the page as "Changes to this policy". The re-consent banner links to CHANGES_ANCHOR.
import { z } from "zod";
import { localizedText } from "../registry/schema";
import { isoDate, versionString } from "./frontmatter";
import type { Parsed } from "./problems";
import { parseYamlSource, valueAt, type YamlSource, zodProblems } from "./yaml-source";

/** The id of the "Changes to this policy" section, the same in every language. */
export const CHANGES_ANCHOR = "changes";

const changeSchema = z.strictObject({
  version: versionString,
  date: isoDate,
  /** True when this version raised consentRevision: everyone was asked for consent again. */
  asksConsentAgain: z.boolean().default(false),
  summary: localizedText,
});

const changelogSchema = z
  .strictObject({ changes: z.array(changeSchema).min(1, "Write at least one entry: the version published now.") })
  .superRefine(({ changes }, ctx) => {
    for (let i = 1; i < changes.length; i++) {
      const newer = changes[i - 1]!;
      const older = changes[i]!;
      if (compareVersions(newer.version, older.version) <= 0)
        ctx.addIssue({
          code: "custom",
          path: ["changes", i, "version"],
          message: `The entries must run from newest to oldest, but version ${older.version} comes after version ${newer.version}.`,
        });
      else if (newer.date < older.date)
        ctx.addIssue({
          code: "custom",
          path: ["changes", i - 1, "date"],
          message: `Version ${newer.version} is dated ${newer.date}, before the older version ${older.version} (${older.date}).`,
        });
    }
  });

export type Changelog = z.infer<typeof changelogSchema>;

/** Compares "2.1" with "2.0.3" by number, part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The consentRevision the changelog implies: 1, plus one for every version that asked again. */
export function impliedConsentRevision(changelog: Changelog): number {
  return 1 + changelog.changes.filter((c) => c.asksConsentAgain).length;
}

export function parseChangelog(text: string, file: string): Parsed<Changelog> & { source?: YamlSource } {
  const parsed = parseYamlSource(text, file);
  if (!parsed.success) return parsed;
  const raw: unknown = parsed.source.doc.toJS();
  const result = changelogSchema.safeParse(raw);
  if (result.success) return { success: true, data: result.data, source: parsed.source };
  return {
    success: false,
    problems: zodProblems(result.error, parsed.source, file, (issue) => {
      const [, index, field] = issue.path;
      const entry =
        typeof index === "number" ? (raw as { changes?: Array<{ version?: unknown }> }).changes?.[index] : undefined;
      const where =
        typeof index === "number"
          ? `In the change ${typeof entry?.version === "string" ? `for version ${entry.version}` : `number ${index + 1}`}: `
          : "";
      const name = typeof field === "string" ? field : "";
      if (issue.code === "unrecognized_keys")
        return {
          message: `${where}unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}.`,
          hint: `Allowed: ${Object.keys(changeSchema.shape).join(", ")}.`,
        };
      if (issue.path.length <= 1 && issue.code === "invalid_type")
        return {
          message: 'The changelog must start with "changes:" followed by a list of entries.',
          hint: CHANGELOG_EXAMPLE,
        };
      // zod leaves `input` out of issues, so "missing" is judged from the YAML itself
      if (issue.code === "invalid_type" && valueAt(raw, issue.path) === undefined)
        return { message: `${where}the field "${name}" is missing.`, hint: CHANGE_HELP[name] };
      if (issue.code === "invalid_type")
        return {
          message: `${where}"${name}" should be ${issue.expected === "boolean" ? "true or false" : issue.expected === "record" ? "a text per language (en: …)" : "a text"}.`,
          hint: CHANGE_HELP[name],
        };
      return {
        message: `${where}${name && issue.code !== "custom" ? `"${name}": ` : ""}${issue.message}`,
        hint: CHANGE_HELP[name],
      };
    }),
  };
}

const CHANGELOG_EXAMPLE =
  'changes:\n      - version: "1.1"\n        date: 2027-03-01\n        asksConsentAgain: false\n        summary:\n          en: What changed, in one or two sentences.';

const CHANGE_HELP: Record<string, string> = {
  version: 'The policy version, as in the header: version: "1.1"',
  date: "The day this version was published: date: 2027-03-01",
  asksConsentAgain: "true when this version raised consentRevision (everyone is asked again), otherwise false.",
  summary: "One or two sentences per language: summary: then en: … and de: … on the lines below.",
};
