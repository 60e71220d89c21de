// Types for blocking.mjs (a plain Node module, so the benchmarks run without a build step).
export type Cause = "script" | "rendering" | "navigation" | "other";
export const CAUSES: Cause[];
export const CAUSE_LABELS: Record<Cause, string>;
export type TraceEvent = { name: string; ph: string; ts: number; dur?: number };
export type SimulatedTask = { start: number; end: number; duration: number; shares: Record<Cause, number> };
export function causeOf(name: string): Cause;
export function shares(taskDuration: number, childEvents: TraceEvent[]): Record<Cause, number>;
export function blockingOf(task: { start: number; end: number }, fromMs: number, toMs: number): number;
export function splitBlocking(tasks: SimulatedTask[], fromMs: number, toMs: number): Record<Cause, number>;
export function blockingByCause(
  artifacts: unknown,
  settings: unknown,
): Promise<{ total: number; byCause: Record<Cause, number> }>;
