// The settings of MDX components that name something in the registry (category="analytics",
// service="ga4"), as zod schemas that know the registry's ids and say which ones exist.
import { z } from "zod";
import type { Registry } from "../../registry/schema";
import type { MdxRefs } from "../mdx-specs";

export function registryRefs(registry: Registry | null): {
  refs: MdxRefs;
  knownValues: (schema: z.ZodType) => readonly string[] | undefined;
} {
  const known = new Map<z.ZodType, readonly string[]>();
  const ref = (kind: string, ids: readonly string[] | null) => {
    const schema = z.string().superRefine((value, ctx) => {
      // Without a readable registry every id is accepted; the registry's own problems are reported.
      if (ids && !ids.includes(value))
        ctx.addIssue({ code: "custom", message: `Unknown ${kind} "${value}".`, params: { known: ids } });
    });
    if (ids) known.set(schema, ids);
    return schema;
  };
  const refs: MdxRefs = {
    category: ref("category", registry ? registry.categories.map((c) => c.id) : null),
    service: ref("service", registry ? registry.services.map((s) => s.id) : null),
    item: ref("registry item", registry ? [...new Set(registry.items.map((i) => i.name))] : null),
  };
  return { refs, knownValues: (schema) => known.get(schema) };
}
