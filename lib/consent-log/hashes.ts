// The two hashes of what a visitor saw (texts.ts reads the files on the server; tests and scripts
// recompute them from the same sources).
import { createHash } from "node:crypto";
import type { ClientRegistry } from "../registry/client";
import { canonicalize } from "./canonical";

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The consent strings of one language with the category and service texts the dialog shows. */
export function wordingHash(
  consentStrings: unknown,
  registry: Pick<ClientRegistry, "categories" | "services">,
): string {
  return sha256(
    canonicalize({
      strings: consentStrings,
      categories: registry.categories.map((c) => ({ id: c.id, title: c.title, description: c.description })),
      services: registry.services.map((s) => ({
        id: s.id,
        name: s.name,
        provider: s.provider,
        description: s.description,
      })),
    }),
  );
}
