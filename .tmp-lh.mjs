import { lighthouseOnce } from "./scripts/bench/lighthouse.mjs";
import { startNext } from "./scripts/bench/support.mjs";
import { writeFileSync } from "node:fs";
const server = await startNext({ cwd: process.argv[2] ?? "." });
try {
  const lhr = await lighthouseOnce(server.origin, process.argv[3] ?? "/en/cookie-policy");
  writeFileSync("/tmp/lhr.json", JSON.stringify(lhr));
  const m = lhr.audits.metrics.details.items[0];
  console.log(
    Object.fromEntries(
      Object.entries(m).filter(([k]) =>
        /Paint|observedLoad|observedDomContent|interactive|totalBlocking|observedFirstVisualChange|observedLastVisualChange/.test(
          k,
        ),
      ),
    ),
  );
} finally {
  await server.stop();
}
