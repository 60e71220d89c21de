// The consent log as lines of JSON or as CSV (RFC 4180), for the CLI's consent:export and the
// dashboard's download. One row per event, in chain order, with both hashes so a copy can be checked.
import type { StoredEvent } from "./chain";

export const exportFormats = ["jsonl", "csv"] as const;
const CSV_COLUMNS = [
  "position",
  "receivedAt",
  "decisionId",
  "previousDecisionId",
  "sequence",
  "action",
  "place",
  "reconsent",
  "grantedCategories",
  "deniedCategories",
  "grantedServices",
  "deniedServices",
  "policyVersion",
  "consentRevision",
  "locale",
  "gpc",
  "clientTime",
  "policyHash",
  "wordingHash",
  "prevHash",
  "hash",
] as const satisfies ReadonlyArray<keyof StoredEvent>;

function csvCell(value: unknown): string {
  let text = Array.isArray(value) ? value.join(" ") : value === null ? "" : String(value);
  // a spreadsheet would run a cell that starts like a formula
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = (): string => `${CSV_COLUMNS.join(",")}\r\n`;

export const csvRow = (e: StoredEvent): string => `${CSV_COLUMNS.map((c) => csvCell(e[c])).join(",")}\r\n`;

export const jsonLine = (e: StoredEvent): string => `${JSON.stringify(e)}\n`;
