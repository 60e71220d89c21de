"use client";
// The inspector's islands as the policy page loads them: hydrated once the browser is idle
// (components/deferred-island.tsx), so none of their code is downloaded or run during the page load.
import type { ComponentProps } from "react";
import { deferredIsland } from "@/components/deferred-island";
import { fetchItemLabels } from "./item-labels";

// Its code and the items' labels come together, so it goes live with the texts its rows show. The server
// renders it without labels: it has no browser storage to list.
export const StorageInspector = deferredIsland(async () => {
  const [{ StorageInspector: Inspector }, labels] = await Promise.all([
    import("./storage-inspector"),
    typeof window === "undefined" ? null : fetchItemLabels(document.documentElement.lang),
  ]);
  return function LabelledInspector(props: Omit<ComponentProps<typeof Inspector>, "labels">) {
    return <Inspector {...props} labels={labels} />;
  };
});
export const StorageUsage = deferredIsland(() => import("./storage-usage").then((m) => m.StorageUsage));
export const PrivacySignals = deferredIsland(() => import("./privacy-signals").then((m) => m.PrivacySignals));
export const BrowserGuide = deferredIsland(() => import("./browser-guide").then((m) => m.BrowserGuide));
