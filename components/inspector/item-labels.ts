// The items' labels (what each is for, who sets it, how long it lasts in words) for the live inspector,
// fetched from /<locale>/storage-labels.json when it goes live rather than carried by every page view's
// payload (lib/registry/client.ts). null when they cannot be had: the inspector still recognises every
// declared item, without its texts, and the declaration tables on the page still have them.
import type { ItemLabels } from "@/lib/registry/item-labels";
import { itemLabelsHref } from "@/lib/site/routes";

export async function fetchItemLabels(locale: string): Promise<ItemLabels | null> {
  try {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(locale)) throw new Error(`no page language ("${locale}")`);
    const response = await fetch(itemLabelsHref(locale));
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const labels: unknown = await response.json();
    if (!isItemLabels(labels)) throw new Error("the answer is not a list of labels");
    return labels;
  } catch (error) {
    console.warn("The storage inspector could not fetch what each item is for; it lists them without:", error);
    return null;
  }
}

export function isItemLabels(value: unknown): value is ItemLabels {
  return (
    Array.isArray(value) &&
    value.every((entry) => Array.isArray(entry) && entry.length === 5 && entry.every((s) => typeof s === "string"))
  );
}
