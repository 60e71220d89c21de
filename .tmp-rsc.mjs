import { readFileSync } from "node:fs";
const html = readFileSync(process.argv[2], "utf8");
const pushes = [...html.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)].map((m) => JSON.parse(m[1]));
const payload = pushes
  .filter((p) => p[0] === 1)
  .map((p) => p[1])
  .join("");
console.log("html", html.length, "payload (decoded)", payload.length, "script tags", pushes.length);
// rows: id:type...
const rows = payload.split("\n");
const big = rows
  .map((r) => [r.length, r.slice(0, 140)])
  .sort((a, b) => b[0] - a[0])
  .slice(0, 15);
for (const [n, s] of big) console.log(n, s.replace(/\s+/g, " "));
const count = (re) => (payload.match(re) || []).length;
console.log(
  "dangerouslySetInnerHTML",
  count(/dangerouslySetInnerHTML/g),
  "className",
  count(/"className"/g),
  "$L refs",
  count(/\$L[0-9a-f]+/g),
);
const styleRe = /"precedence":"[^"]*"/g;
console.log("precedence", count(styleRe));
