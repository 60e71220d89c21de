// Reads registry YAML into a validated Registry, or into problems with file:line in plain words.
import type { z } from "zod";
import type { Parsed } from "../content/problems";
import { didYouMean } from "../content/suggest";
import { parseYamlSource, valueAt, zodProblems } from "../content/yaml-source";
import { categorySchema, itemSchema, type Registry, registrySchema, serviceSchema } from "./schema";

export function parseRegistry(text: string, file: string): Parsed<Registry> {
  const parsed = parseYamlSource(text, file);
  if (!parsed.success) return parsed;
  const raw: unknown = parsed.source.doc.toJS();
  const result = registrySchema.safeParse(raw);
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    problems: zodProblems(result.error, parsed.source, file, (issue) => describeIssue(issue, raw)),
  };
}

const SECTION_WORD: Record<string, string> = { categories: "category", services: "service", items: "item" };

/** Plain words for a schema issue, prefixed with which entry it is about. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): { message: string; hint?: string } {
  const [section, index, field] = issue.path;
  let where = "";
  if (typeof section === "string" && typeof index === "number") {
    const entry = (raw as Record<string, unknown[]>)[section]?.[index] as Record<string, unknown> | undefined;
    const label = entry?.name ?? entry?.id;
    where = `In the ${SECTION_WORD[section] ?? section} ${typeof label === "string" ? `"${label}"` : `number ${index + 1}`}: `;
  }
  const given = valueAt(raw, issue.path);
  const fieldName =
    typeof field === "string" ? field : typeof issue.path.at(-1) === "string" ? String(issue.path.at(-1)) : "";
  switch (issue.code) {
    case "invalid_type":
      if (given === undefined) return { message: `${where}the field "${fieldName}" is missing.` };
      return { message: `${where}"${fieldName}" should be ${article(issue.expected)}.` };
    case "unrecognized_keys": {
      const known = knownKeys(issue.path);
      const hints = issue.keys.map((k) => didYouMean(k, known)).filter(Boolean);
      return {
        message: `${where}unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}.`,
        ...(hints.length ? { hint: hints.join(" ") } : { hint: `Allowed fields: ${known.join(", ")}.` }),
      };
    }
    case "invalid_value":
      return {
        message: `${where}"${fieldName}" must be one of: ${issue.values.map(String).join(", ")}.`,
        ...hintFrom(typeof given === "string" ? didYouMean(given, issue.values.map(String)) : undefined),
      };
    case "custom": {
      const params = (issue as { params?: { known?: string[]; value?: string } }).params;
      const hint =
        params?.known && params.value
          ? (didYouMean(params.value, params.known) ?? `Known: ${params.known.join(", ")}.`)
          : undefined;
      return { message: `${where}${issue.message}`, ...hintFrom(hint) };
    }
    default:
      return { message: `${where}${fieldName ? `"${fieldName}": ` : ""}${issue.message}` };
  }
}

function hintFrom(hint: string | undefined): { hint?: string } {
  return hint ? { hint } : {};
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: "a text",
    boolean: "true or false",
    number: "a number",
    array: "a list (lines starting with -)",
    object: "a group of fields",
    record: "a group of texts per language (en: …)",
  };
  return words[expected] ?? expected;
}

function knownKeys(path: PropertyKey[]): string[] {
  if (path.length === 0) return ["categories", "services", "items"];
  const shapes = { categories: categorySchema.shape, services: serviceSchema.shape, items: itemSchema.shape };
  const shape = shapes[path[0] as keyof typeof shapes];
  return shape ? Object.keys(shape) : [];
}
