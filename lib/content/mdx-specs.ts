// What the legal team may write in the policy MDX: every component by name, with a zod schema of its
// props. The component map (components.tsx) must implement exactly these, and `npm run content:check`
// validates every use against them. Registering a new component is one line in `mdxComponentSpecs`.
import { z } from "zod";
import { guideBrowsers } from "../browser/detect";
import type { Registry, RegistryItem } from "../registry/schema";

/** Props that name something in the registry; built from content/registry.yaml by the content check. */
export interface MdxRefs {
  /** A category id (necessary, analytics, …). */
  category: z.ZodType<string>;
  /** A service id (ga4, tiktok). */
  service: z.ZodType<string>;
  /** A declared item name or pattern (_ga, _ga_*). */
  item: z.ZodType<string>;
}

export interface MdxComponentSpec<P extends z.ZodType = z.ZodType> {
  props: P;
  /** "none": written self-closing (<X />); "allowed": may wrap text (<X>…</X>). */
  children: "none" | "allowed";
  /** The registry items this use shows in a declaration table (for the "every item is declared" check). */
  declares?(props: z.infer<P>, registry: Registry): RegistryItem[]; // method syntax: checked per component
  /** Ids the component puts on the page, so links to #id can be checked. */
  anchors?(props: z.infer<P>): string[];
}

/** A component written self-closing: <Name prop="…" />. */
function leaf<S extends z.core.$ZodLooseShape>(
  shape: S,
  extra: Pick<MdxComponentSpec<z.ZodObject<S, z.core.$strict>>, "declares" | "anchors"> = {},
) {
  return { props: z.strictObject(shape), children: "none" as const, ...extra };
}

/** A component that wraps policy text: <Name prop="…">…</Name>. */
function block<S extends z.core.$ZodLooseShape>(
  shape: S,
  extra: Pick<MdxComponentSpec<z.ZodObject<S, z.core.$strict>>, "declares" | "anchors"> = {},
) {
  return { props: z.strictObject(shape), children: "allowed" as const, ...extra };
}

const text = z.string().trim().min(1, "This must not be empty.");

export function mdxComponentSpecs(refs: MdxRefs) {
  return {
    Callout: block({ tone: z.enum(["info", "warning"]).optional() }),
    Table: block({ caption: text }),
    DeclarationTable: leaf(
      { category: refs.category },
      { declares: (p, registry) => registry.items.filter((i) => i.category === p.category) },
    ),
    StorageInspector: leaf({}),
    StorageUsage: leaf({}),
    PrivacySignals: leaf({}),
    BrowserGuide: block({}),
    BrowserSteps: block({ browser: z.enum(guideBrowsers) }),
    ConsentSwitch: leaf({ category: refs.category, variant: z.enum(["inline", "cell"]).optional() }),
    ServiceSwitch: leaf({ service: refs.service }),
    ConsentReceipt: leaf({}),
    CookieSettings: leaf({}),
    WithControls: block({}),
  } satisfies Record<string, MdxComponentSpec>;
}

type MdxComponentSpecs = ReturnType<typeof mdxComponentSpecs>;
export type MdxComponentName = keyof MdxComponentSpecs;
/** The props a component receives from MDX (strings, and `true` for a bare attribute). */
export type MdxPropsOf<K extends MdxComponentName> = z.infer<MdxComponentSpecs[K]["props"]>;

/** Names usable in MDX (their props are checked by `npm run content:check`). */
export const MDX_COMPONENT_NAMES = Object.keys(
  mdxComponentSpecs({ category: z.string(), service: z.string(), item: z.string() }),
) as MdxComponentName[];
