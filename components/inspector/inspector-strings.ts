import type { Strings } from "@/lib/i18n/strings";

/** The inspector's wording, with the storage type names it shares with the declaration tables. */
export type InspectorStrings = Strings["inspector"] & { storage: Strings["declaration"]["storage"] };
