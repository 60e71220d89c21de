// The hashes a consent event carries of what the visitor saw: the policy file of their language as
// published (front matter and text), and the consent wording of the banner, the settings dialog and the
// receipt with the category and service names and descriptions they list. Worked out on the server
// when the page is built and passed to the browser with the page. Anyone holding the same files (git
// history) can recompute them: `npm run consent:find` prints both for each event.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { policyFile } from "../content/paths";
import type { ClientRegistry } from "../registry/client";
import type { ConsentProof } from "./event";
import { sha256, wordingHash } from "./hashes";

export async function consentProof(
  locale: string,
  consentStrings: unknown,
  registry: Pick<ClientRegistry, "categories" | "services">,
): Promise<ConsentProof> {
  // scoped to content/ (as lib/content/load.ts reads it), so the build traces that folder only
  const policy = await readFile(
    path.join(process.cwd(), "content", policyFile(locale).replace(/^content\//, "")),
    "utf8",
  );
  return { locale, policyHash: sha256(policy), wordingHash: wordingHash(consentStrings, registry) };
}
