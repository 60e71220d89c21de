// The real content/registry.yaml as the browser receives it, for unit tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import { type ClientRegistry, toClientRegistry } from "../registry/client";
import { parseRegistry } from "../registry/parse";

export function testRegistry(
  env: Record<string, string | undefined> = {
    NEXT_PUBLIC_GA_MEASUREMENT_ID: "G-TEST123",
    NEXT_PUBLIC_TIKTOK_PIXEL_ID: "CTEST123",
  },
): ClientRegistry {
  const file = path.resolve(import.meta.dirname, "../../content/registry.yaml");
  const parsed = parseRegistry(readFileSync(file, "utf8"), "content/registry.yaml");
  if (!parsed.success) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
  return toClientRegistry(parsed.data, "en", env);
}
