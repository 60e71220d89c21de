// Runs `npm run scan` (tsx scripts/scan/cli.ts) as a child process for the scanner's e2e specs and reads
// back its JSON report.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { ScanReport } from "../scripts/scan/report";

export interface ScanRun {
  code: number | null;
  stdout: string;
  stderr: string;
  report: ScanReport;
}

export async function runScan(args: string[], json: string): Promise<ScanRun> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--enable-source-maps", "scripts/scan/cli.ts", ...args, "--json", json],
    {
      cwd: process.cwd(),
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  let report: ScanReport;
  try {
    report = JSON.parse(await readFile(json, "utf8")) as ScanReport;
  } catch {
    throw new Error(`The scan wrote no report (exit ${code}).\n${stderr}\n${stdout}`);
  }
  return { code, stdout, stderr, report };
}
