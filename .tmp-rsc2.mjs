import { readFileSync } from "node:fs";
const html = readFileSync(process.argv[2], "utf8");
const pushes = [...html.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)].map((m) => JSON.parse(m[1]));
const payload = pushes
  .filter((p) => p[0] === 1)
  .map((p) => p[1])
  .join("");
for (const ref of process.argv.slice(3)) {
  let i = -1;
  while ((i = payload.indexOf(`"$${ref}"`, i + 1)) !== -1)
    console.log(ref, "…", payload.slice(Math.max(0, i - 300), i + 20).replace(/\s+/g, " "));
}
console.log(payload.slice(0, 600));
