// Run before `npm run build`: a malformed SITE_URL stops the build with what to write; a missing one is
// said in one loud line (the build still works on a fresh machine, but bakes in http://localhost:3000).
import { missingSiteUrlWarning, siteUrl } from "../lib/site/url";
import { runWhenMain } from "./cli";

export async function main(): Promise<number> {
  try {
    siteUrl();
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  const warning = missingSiteUrlWarning();
  if (warning) console.warn(warning);
  return 0;
}

runWhenMain(import.meta, () => main());
