// A fingerprint of everything in content/ (names, sizes, modification times), so the dev preview can
// tell whether the page it shows is older than the files on disk. Server only, development only.
import "server-only";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export async function contentStamp(
  root: string = path.join(/*turbopackIgnore: true*/ process.cwd(), "content"),
): Promise<string> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const parts = await Promise.all(
    files.map(async (f) => {
      const s = await stat(f).catch(() => null);
      return s ? `${path.relative(root, f)}:${s.size}:${s.mtimeMs}` : "";
    }),
  );
  let h = 0x811c9dc5; // FNV-1a: short and stable; no need for a cryptographic hash
  for (const ch of parts.join("|")) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(36);
}
