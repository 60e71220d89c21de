// The header block of a policy MDX file (between the two --- lines), validated with line numbers.
import { z } from "zod";
import type { Parsed } from "./problems";
import { parseYamlSource, zodProblems } from "./yaml-source";

export const isoDate = z
  .string({ error: "This must be a date written as YYYY-MM-DD, for example 2026-11-29." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "This must be a date written as YYYY-MM-DD, for example 2026-11-29.")
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: "This date does not exist in the calendar.",
    },
  );

export const versionString = z
  .string({ error: 'Write the version in quotes, as numbers with dots, for example "2.1".' })
  .regex(/^\d+(\.\d+){0,2}$/, 'Write the version as numbers with dots, for example "2.1".');

const frontmatterSchema = z.strictObject({
  title: z.string().trim().min(1),
  description: z.string().trim().min(1),
  /** The policy's own version, shown to visitors ("2.1"). */
  version: versionString,
  effectiveDate: isoDate,
  lastUpdated: isoDate,
  /** Raise by one for a material change: everyone is asked for consent again. */
  consentRevision: z.number().int("consentRevision is a whole number.").min(1, "consentRevision starts at 1."),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;

export interface SplitMdx {
  /** YAML between the --- lines, or null when the file has none. */
  yaml: string | null;
  /** Line in the file where the YAML starts (1-based). */
  yamlLine: number;
  /** The MDX body, with the frontmatter replaced by blank lines so line numbers stay true. */
  body: string;
}

export function splitFrontmatter(source: string): SplitMdx {
  const text = source.replace(/^\uFEFF/, "");
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { yaml: null, yamlLine: 1, body: text };
  const consumed = m[0];
  const lines = consumed.split("\n").length - (consumed.endsWith("\n") ? 1 : 0);
  return { yaml: m[1] ?? "", yamlLine: 2, body: "\n".repeat(lines) + text.slice(consumed.length) };
}

export function parseFrontmatter(source: string, file: string): Parsed<Frontmatter> & { body: string } {
  const split = splitFrontmatter(source);
  if (split.yaml === null) {
    return {
      success: false,
      body: split.body,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          message: "The file does not start with its header block.",
          hint: "Start the file with a line ---, then title, description, version, effectiveDate, lastUpdated and consentRevision, then another line ---.",
        },
      ],
    };
  }
  const parsed = parseYamlSource(split.yaml, file, split.yamlLine - 1);
  if (!parsed.success) return { ...parsed, body: split.body };
  const raw = parsed.source.doc.toJS() ?? {};
  const result = frontmatterSchema.safeParse(raw);
  if (result.success) return { success: true, data: result.data, body: split.body };
  return {
    success: false,
    body: split.body,
    problems: zodProblems(result.error, parsed.source, file, (issue) => {
      const field = String(issue.path[0] ?? "");
      // zod leaves `input` out of issues, so "missing" is judged from the YAML itself
      if (issue.code === "invalid_type" && (raw as Record<string, unknown>)[field] === undefined)
        return { message: `The header is missing "${field}".`, hint: FIELD_HELP[field] };
      if (issue.code === "unrecognized_keys")
        return {
          message: `The header has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}.`,
          hint: `Allowed: ${Object.keys(frontmatterSchema.shape).join(", ")}.`,
        };
      if (issue.code === "invalid_type")
        return {
          message: `"${field}" should be ${issue.expected === "number" ? "a whole number" : "a text"}.`,
          hint: FIELD_HELP[field],
        };
      return { message: `"${field}": ${issue.message}` };
    }),
  };
}

const FIELD_HELP: Record<string, string> = {
  title: "For example: title: Cookie & Storage Policy",
  description: "One sentence for search engines and link previews.",
  version: 'For example: version: "2.1"',
  effectiveDate: "For example: effectiveDate: 2026-11-29",
  lastUpdated: "For example: lastUpdated: 2026-11-29",
  consentRevision: "For example: consentRevision: 1 (raise it to ask everyone for consent again).",
};
