// Types for docs.mjs (a plain Node module, so the benchmarks run without a build step).
export function splitSections(md: string): [string, string][];
export function sectionKey(heading: string): string;
export function keepOtherSections(oldMd: string | null, sections: string[]): string[];
