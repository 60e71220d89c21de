"use client";
// The inspector's islands as the policy page loads them: hydrated once the browser is idle
// (components/deferred-island.tsx), so none of their code is downloaded or run during the page load.
import { deferredIsland } from "@/components/deferred-island";

export const StorageInspector = deferredIsland(() => import("./storage-inspector").then((m) => m.StorageInspector));
export const StorageUsage = deferredIsland(() => import("./storage-usage").then((m) => m.StorageUsage));
export const PrivacySignals = deferredIsland(() => import("./privacy-signals").then((m) => m.PrivacySignals));
export const BrowserGuide = deferredIsland(() => import("./browser-guide").then((m) => m.BrowserGuide));
