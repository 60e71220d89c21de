// What a production server checks once, as it starts (instrumentation.ts): a malformed SITE_URL or a build
// whose page hashes cannot be read stops it with the reason; a missing SITE_URL is said out loud.
import "server-only";
import path from "node:path";
import { readPageHashes } from "../security/page-hashes";
import { missingSiteUrlWarning, siteUrl } from "../site/url";

export function startupChecks(cwd: string, env: Record<string, string | undefined>, warn: (line: string) => void) {
  siteUrl(env); // throws, saying what to write, on a malformed value
  const warning = missingSiteUrlWarning(env);
  if (warning) warn(warning);
  readPageHashes(path.join(cwd, ".next", "server", "app"));
}

/**
 * In a production server: refuses to start (exit status 1, with the reason) rather than serve pages whose
 * scripts the CSP would block, and names a missing SITE_URL. Development has no build to read.
 */
export function checkAtStart() {
  if (process.env.NODE_ENV !== "production") return;
  try {
    startupChecks(process.cwd(), process.env, (line) => console.warn(line));
  } catch (e) {
    console.error(`Candor cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
}
