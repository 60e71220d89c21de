// `npm run build` runs this after `next build` (postbuild): in every prerendered page, the RSC payload's
// copy of the inline stylesheets is emptied (lib/build/payload-styles.ts says why that is safe). Prints what
// it did per page. Fails when Next.js wrote a page's payload in a form it does not read, so an upgrade
// that changes the format is noticed rather than silently costing the bytes again.
//
//   tsx scripts/build/payload-styles.ts [.next/server/app]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dropPayloadStyleCopies } from "../../lib/build/payload-styles";
import { prerenderedPages } from "../../lib/build/prerendered";

const appDir = path.resolve(process.argv[2] ?? path.join(".next", "server", "app"));

let failed = false;
for (const file of prerenderedPages(appDir)) {
  const name = path.relative(appDir, file);
  const result = dropPayloadStyleCopies(readFileSync(file, "utf8"));
  if (result.skipped) {
    failed = true;
    console.error(
      `✗ ${name}: ${result.skipped}. Next.js may have changed how it writes the RSC payload; update lib/build/payload-styles.ts, or remove the postbuild step in package.json.`,
    );
  } else if (result.dropped > 0) {
    writeFileSync(file, result.html);
    console.log(
      `✓ ${name}: the RSC payload's copy of its stylesheets emptied (${result.droppedChars.toLocaleString("en")} characters)`,
    );
  }
}
if (failed) process.exit(1);
