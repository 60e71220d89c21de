// The scan report: the analysis plus what it was run on and the raw observations (`--json` writes it).
import type { Analysis } from "@/lib/scan/analyze";
import type { StateObservation } from "@/lib/scan/observation";

export interface ScanReport extends Analysis {
  tool: "candor-scan";
  /** The site scanned (its start address). */
  site: string;
  registry: string;
  /** ISO time the scan started. */
  startedAt: string;
  durationMs: number;
  stubVendors: boolean;
  /** Pages found but not visited because of --max-pages. */
  droppedPages: number;
  observations: StateObservation[];
}

export function exitCodeOf(report: Pick<ScanReport, "violations">): 0 | 1 {
  return report.violations > 0 ? 1 : 0;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
