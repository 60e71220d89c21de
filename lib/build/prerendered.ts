// The prerendered pages of a production build: every .html file under .next/server/app.
import { readdirSync } from "node:fs";
import path from "node:path";

/** The full paths of the .html files under `appDir`, at any depth. Throws when it cannot be read. */
export function prerenderedPages(appDir: string): string[] {
  return readdirSync(appDir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(appDir, e.name);
    return e.isDirectory() ? prerenderedPages(full) : e.name.endsWith(".html") ? [full] : [];
  });
}
