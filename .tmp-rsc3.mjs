import { readFileSync } from "node:fs";
const html = readFileSync(process.argv[2], "utf8");
const pushes = [...html.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)].map((m) => JSON.parse(m[1]));
const payload = pushes
  .filter((p) => p[0] === 1)
  .map((p) => p[1])
  .join("");
let i = 0;
const rows = [];
while (i < payload.length) {
  const colon = payload.indexOf(":", i);
  const id = payload.slice(i, colon);
  if (payload[colon + 1] === "T") {
    const comma = payload.indexOf(",", colon);
    const len = parseInt(payload.slice(colon + 2, comma), 16);
    // len is in bytes (utf-8)
    const buf = Buffer.from(payload.slice(comma + 1), "utf8")
      .subarray(0, len)
      .toString("utf8");
    rows.push({ id, kind: "T", size: len, head: buf.slice(0, 80) });
    i = comma + 1 + buf.length;
  } else {
    const nl = payload.indexOf("\n", colon);
    const body = payload.slice(colon + 1, nl === -1 ? undefined : nl);
    rows.push({ id, kind: body[0] === "I" ? "I" : "J", size: body.length, head: body.slice(0, 100) });
    i = nl === -1 ? payload.length : nl + 1;
  }
}
const by = {};
for (const r of rows) by[r.kind] = (by[r.kind] || 0) + r.size;
console.log(by, rows.length);
for (const r of rows.sort((a, b) => b.size - a.size).slice(0, +(process.argv[3] ?? 25)))
  console.log(r.size, r.kind, r.id, r.head.replace(/\s+/g, " "));
