// The real content/registry.yaml as the browser receives it, for unit tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import { type ClientRegistry, toClientRegistry, toItemLabels } from "../registry/client";
import type { ItemLabels } from "../registry/item-labels";
import { parseRegistry } from "../registry/parse";
import type { Registry } from "../registry/schema";

function realRegistry(): Registry {
  const file = path.resolve(import.meta.dirname, "../../content/registry.yaml");
  const parsed = parseRegistry(readFileSync(file, "utf8"), "content/registry.yaml");
  if (!parsed.success) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
  return parsed.data;
}

export function testRegistry(
  env: Record<string, string | undefined> = {
    NEXT_PUBLIC_GA_MEASUREMENT_ID: "G-TEST123",
    NEXT_PUBLIC_TIKTOK_PIXEL_ID: "CTEST123",
  },
): ClientRegistry {
  return toClientRegistry(realRegistry(), "en", env);
}

/** The items' labels in English, as /en/storage-labels.json serves them. */
export function testItemLabels(): ItemLabels {
  return toItemLabels(realRegistry(), "en");
}
