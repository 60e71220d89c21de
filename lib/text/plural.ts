// English counts for the command-line tools and the legal team's messages ("1 problem", "3 problems").
// The visitor-facing page words its counts through lib/i18n/strings instead.

/** The word for `count`: `one` for exactly 1, else `many` (default: `one` + "s"). */
export function pluralWord(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** The count and its word: "1 violation", "3 violations", "2 languages". */
export function plural(count: number, one: string, many?: string): string {
  return `${count} ${pluralWord(count, one, many)}`;
}
