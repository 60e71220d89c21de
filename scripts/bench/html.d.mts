// Types for html.mjs (a plain Node module, so the benchmarks run without a build step).
export function withoutScripts(html: string): string;
