// Reads one policy MDX file into a syntax tree with positions and checks what the legal team wrote:
// only components from the component map, with valid settings; headings; notes instead of code.
// Collects what the cross-file checks need: headings (with the ids the page gives them), links, and
// which registry items its declaration tables show.
import { createProcessor } from "@mdx-js/mdx";
import GithubSlugger from "github-slugger";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import type { Node } from "unist";
import type { z } from "zod";
import type { Registry, RegistryItem } from "../../registry/schema";
import type { MdxComponentSpec } from "../mdx-specs";
import type { ContentProblem } from "../problems";
import { closest, didYouMean } from "../suggest";
import { isMdxParseError, mdxErrorProblem } from "./mdx-errors";

export interface PolicyHeading {
  depth: number;
  text: string;
  /** The id the page gives the heading (as rehype-slug does). */
  id: string;
  line: number;
  column: number;
  /** The component the heading sits in ("Callout"), or "" at the top level. */
  inside: string;
  /** Components used in this section, up to the next heading: `<DeclarationTable category="analytics" />`. */
  uses: string[];
}

interface PolicyLink {
  url: string;
  line: number;
  column: number;
}

export interface MdxAnalysis {
  /** False when the file could not be read at all (then only `problems` is filled). */
  parsed: boolean;
  problems: ContentProblem[];
  headings: PolicyHeading[];
  links: PolicyLink[];
  /** Ids that components put on the page. */
  componentAnchors: string[];
  /** Components used before the first heading. */
  preambleUses: string[];
  /** Registry items shown by the declaration tables in this file. */
  declared: Set<RegistryItem>;
  /** Every valid use of a component, with its settings and line. */
  uses: Array<{ name: string; props: Record<string, unknown>; line: number; declares: boolean }>;
}

export interface MdxCheckContext {
  specs: Record<string, MdxComponentSpec>;
  registry: Registry | null;
  /** Describes a value a ref schema accepts, for hints: "category" → ["necessary", …]. */
  knownValues?: (schema: z.ZodType) => readonly string[] | undefined;
}

interface Position {
  start: { line: number; column: number };
}
interface JsxAttribute {
  type: "mdxJsxAttribute" | "mdxJsxExpressionAttribute";
  name?: string;
  value?: string | null | { type: string; value: string };
  position?: Position;
}
interface JsxElement extends Node {
  type: "mdxJsxFlowElement" | "mdxJsxTextElement";
  name: string | null;
  attributes: JsxAttribute[];
  children: Node[];
}

const isComment = (code: string) => /^\s*\/\*[\s\S]*\*\/\s*$/.test(code);

/** What the walk over one file shares: what it collects, and how it reports. */
interface Walk {
  out: MdxAnalysis;
  ctx: MdxCheckContext;
  slugger: GithubSlugger;
  at(node: { position?: Position } | undefined): { line: number; column: number };
  report(node: { position?: Position } | undefined, message: string, hint?: string): void;
}

export function analyzeMdx(body: string, file: string, ctx: MdxCheckContext): MdxAnalysis {
  const out: MdxAnalysis = {
    parsed: false,
    problems: [],
    headings: [],
    links: [],
    componentAnchors: [],
    preambleUses: [],
    declared: new Set(),
    uses: [],
  };
  const at = (node: { position?: Position } | undefined) => ({
    line: node?.position?.start.line ?? 1,
    column: node?.position?.start.column ?? 1,
  });
  const report = (node: { position?: Position } | undefined, message: string, hint?: string) =>
    out.problems.push({ file, ...at(node), message, ...(hint ? { hint } : {}) });

  let tree: Node;
  try {
    tree = createProcessor({ remarkPlugins: [remarkGfm] }).parse(body);
  } catch (e) {
    if (!isMdxParseError(e)) throw e;
    out.problems.push(mdxErrorProblem(e, file, body));
    return out;
  }
  out.parsed = true;

  const w: Walk = { out, ctx, at, report, slugger: new GithubSlugger() };

  // Depth-first in document order, knowing the components a node sits in.
  const walk = (node: Node, inside: string[]) => {
    visitNode(w, node, inside);
    const children = (node as Node & { children?: Node[] }).children;
    if (!children) return;
    const name =
      node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement" ? ((node as JsxElement).name ?? "") : null;
    for (const child of children) walk(child, name === null ? inside : [...inside, name]);
  };
  walk(tree, []);
  return out;
}

function visitNode(w: Walk, node: Node, inside: string[]) {
  const { out, report, at } = w;
  switch (node.type) {
    case "mdxjsEsm":
      report(
        node,
        "Lines starting with import or export are program code, which the policy cannot contain.",
        "Remove the line. Components such as <DeclarationTable /> can be used without importing them.",
      );
      return;
    case "mdxFlowExpression":
    case "mdxTextExpression": {
      const code = (node as Node & { value: string }).value;
      if (!isComment(code))
        report(
          node,
          `The text in curly braces {${code.length > 30 ? `${code.slice(0, 30)}…` : code}} is not shown on the page.`,
          "Curly braces are kept for notes {/* … */}. To write a brace in the text, write \\{ and \\}.",
        );
      return;
    }
    case "heading": {
      const h = node as Node & { depth: number; children: Node[] };
      const text = toString(h).trim();
      if (h.depth === 1)
        report(
          node,
          `"# ${text}" is a page title, but the title comes from the header block.`,
          `Start a section with ## (a subsection with ###): ## ${text}`,
        );
      else if (h.depth > 4)
        report(
          node,
          `Headings go three levels deep at most (##, ###, ####); this one has ${h.depth} #.`,
          `Write #### ${text}, or make it bold text: **${text}**`,
        );
      if (!text) report(node, "This heading is empty.", "Write the heading's text after the # signs.");
      out.headings.push({
        depth: h.depth,
        text,
        id: w.slugger.slug(text),
        ...at(node),
        inside: inside.at(-1) ?? "",
        uses: [],
      });
      return;
    }
    case "link":
    case "definition": {
      const l = node as Node & { url: string };
      out.links.push({ url: l.url, ...at(node) });
      return;
    }
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      checkElement(w, node as JsxElement);
      return;
  }
}

/** A component: known, wrapping text only if it may, with settings its schema accepts. */
function checkElement(w: Walk, el: JsxElement) {
  const { ctx, report } = w;
  if (el.name === null) {
    report(el, "Empty tags <> … </> cannot be used.", "Remove them and keep the text between them.");
    return;
  }
  const spec = ctx.specs[el.name];
  if (!spec) {
    const isHtml = /^[a-z]/.test(el.name);
    const names = Object.keys(ctx.specs);
    const suggestion = closest(el.name, names);
    const components = names.length ? `, or one of the components: ${names.map((n) => `<${n}>`).join(", ")}` : "";
    report(
      el,
      isHtml ? `HTML tags such as <${el.name}> cannot be used in the policy.` : `Unknown component <${el.name}>.`,
      suggestion && !isHtml ? `Did you mean <${suggestion}>?` : `Use Markdown for formatting${components}.`,
    );
    return;
  }
  if (spec.children === "none" && el.children.length > 0)
    report(
      el,
      `<${el.name}> does not wrap any text.`,
      `Write it on its own as <${el.name} … />, and put the text outside it.`,
    );

  const props = readProps(w, el);
  if (!props) return;

  const result = spec.props.safeParse(props);
  if (!result.success) {
    // A misspelt setting (categry) is one mistake: report it, not also the missing `category`.
    const allowed = Object.keys((spec.props as unknown as { shape?: object }).shape ?? {});
    const misspelt = new Set(
      result.error.issues.flatMap((i) =>
        i.code === "unrecognized_keys" ? i.keys.map((k) => closest(k, allowed)) : [],
      ),
    );
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      if (issue.code === "invalid_type" && typeof key === "string" && props[key] === undefined && misspelt.has(key))
        continue;
      propIssue(w, el, issue, props);
    }
    return;
  }
  recordUse(w, el, el.name, spec, result.data as Record<string, unknown>);
}

/** The settings written as name="value" (a bare name is `true`), or null after reporting any other form. */
function readProps(w: Walk, el: JsxElement): Record<string, unknown> | null {
  const props: Record<string, unknown> = {};
  let readable = true;
  for (const attr of el.attributes) {
    if (attr.type === "mdxJsxExpressionAttribute" || !attr.name) {
      w.report(
        attr,
        `<${el.name}> has a setting in curly braces, which cannot be used.`,
        'Write each setting as name="value".',
      );
      readable = false;
    } else if (attr.value !== null && typeof attr.value === "object") {
      const literal = /^\s*(["'])(.*)\1\s*$/.exec(attr.value.value)?.[2];
      w.report(
        attr,
        `The value of "${attr.name}" must be written in double quotes, not in curly braces.`,
        `Write ${attr.name}="${literal ?? "…"}"`,
      );
      readable = false;
    } else {
      props[attr.name] = attr.value === null || attr.value === undefined ? true : attr.value;
    }
  }
  return readable ? props : null;
}

/** What the cross-file checks need of a valid use: the use itself, the section's components, the items it declares. */
function recordUse(w: Walk, el: JsxElement, name: string, spec: MdxComponentSpec, data: Record<string, unknown>) {
  const { out, ctx, at } = w;
  out.uses.push({
    name,
    props: data,
    line: at(el).line,
    declares: !!spec.declares,
  });
  // Declaration tables are compared across languages by the coverage check instead (one report per mistake).
  if (!spec.declares) (out.headings.at(-1)?.uses ?? out.preambleUses).push(describeUse(name, data));
  if (spec.declares && ctx.registry) for (const item of spec.declares(data, ctx.registry)) out.declared.add(item);
  if (spec.anchors) out.componentAnchors.push(...spec.anchors(data));
}

/** One problem with a setting, worded for the legal team. */
function propIssue(w: Walk, el: JsxElement, issue: z.core.$ZodIssue, props: Record<string, unknown>) {
  const { ctx, report } = w;
  const name = el.name ?? "";
  const spec = ctx.specs[name]!;
  const shape = (spec.props as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const allowed = Object.keys(shape);
  const key = typeof issue.path[0] === "string" ? issue.path[0] : "";
  const attrNode = el.attributes.find((a) => a.name === key) ?? el;
  const known = shape[key] && ctx.knownValues ? ctx.knownValues(shape[key]) : undefined;
  const knownHint = known?.length ? `Known: ${known.join(", ")}.` : undefined;

  if (issue.code === "unrecognized_keys") {
    for (const k of issue.keys) {
      const node = el.attributes.find((a) => a.name === k) ?? el;
      report(
        node,
        `<${name}> has no setting "${k}".`,
        didYouMean(k, allowed) ??
          (allowed.length ? `Its settings are: ${allowed.join(", ")}.` : `It takes no settings: write <${name} />.`),
      );
    }
    return;
  }
  if (issue.code === "invalid_type" && props[key] === undefined) {
    report(
      el,
      `<${name}> needs the setting ${key}="…".`,
      knownHint ? `For example ${key}="${known![0]}". ${knownHint}` : `Write <${name} ${key}="…" …>.`,
    );
    return;
  }
  if (props[key] === true) {
    report(
      attrNode,
      `The setting "${key}" of <${name}> needs a value.`,
      `Write ${key}="…"${knownHint ? `. ${knownHint}` : "."}`,
    );
    return;
  }
  const given = typeof props[key] === "string" ? (props[key] as string) : "";
  if (issue.code === "invalid_value") {
    const values = issue.values.map(String);
    report(
      attrNode,
      `The setting "${key}" of <${name}> must be one of: ${values.join(", ")}.`,
      didYouMean(given, values),
    );
    return;
  }
  if (issue.code === "custom") {
    const params = (issue as { params?: { known?: string[] } }).params;
    const list = params?.known ?? known ?? [];
    report(
      attrNode,
      issue.message,
      didYouMean(given, list) ?? (list.length ? `Known: ${list.join(", ")}.` : undefined),
    );
    return;
  }
  report(attrNode, `The setting "${key}" of <${name}>: ${issue.message}`);
}

/** How a use of a component is named when sections are compared across languages. Texts (captions)
 *  differ by language and are left out; ids (category="analytics") and choices (tone="warning") stay. */
function describeUse(name: string, props: Record<string, unknown>): string {
  const kept = Object.entries(props)
    .filter(([k, v]) => k !== "caption" && (typeof v !== "string" || /^[a-z0-9_:*-]+$/.test(v)))
    .map(([k, v]) => (v === true ? k : `${k}="${String(v)}"`));
  return `<${[name, ...kept].join(" ")}>`;
}
