// Lets a TypeScript command-line tool run under `tsx scripts/…/cli.ts` and still be imported by its tests:
// main() runs only when the file is the program itself.
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

export function runWhenMain(meta: ImportMeta, main: (argv: string[]) => Promise<number>): void {
  const entry = process.argv[1];
  if (!entry || pathToFileURL(realpathSync(entry)).href !== meta.url) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 2;
    },
  );
}
