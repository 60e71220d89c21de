// The items' labels: what each declared item is for, who sets it and how long it lasts, in words of the
// page's language (made on the server by toItemLabels, lib/registry/client.ts; served by
// app/[locale]/storage-labels.json). No imports but types: the storage inspector's code includes this.
import type { StorageType } from "./schema";

/** What an item says to a reader, in the page's language. */
export interface ItemLabel {
  provider: string;
  purpose: string;
  /** The duration in words ("2 years", "Session"), worded on the server: the browser's first Intl
   * formatter costs ~40 ms of main thread on a phone, which no visitor should pay for a label. */
  duration: string;
}

/** Every item's label, as [storage, name, provider, purpose, duration in words]: compact JSON. */
export type ItemLabels = Array<[StorageType, string, string, string, string]>;

/** Looks up an item's label; an item the labels do not know (labels of another build) gets none. */
export function labelLookup(
  labels: ItemLabels | null,
): (item: { storage: StorageType; name: string }) => ItemLabel | null {
  const byKey = new Map(
    labels?.map(([storage, name, provider, purpose, duration]) => [
      `${storage} ${name}`,
      { provider, purpose, duration },
    ]),
  );
  return (item) => byKey.get(`${item.storage} ${item.name}`) ?? null;
}
