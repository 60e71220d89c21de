"use client";
// MDX <ConsentReceipt />, as the page loads it: the server's stand-in (no decision yet, children) until the
// receipt's code arrives when the browser is idle, then the receipt itself. The receipt sits near the
// end of the policy and is ~1 KB gzip of code, which every page view would otherwise parse up front.
import type { ReactNode } from "react";
import { useDeferredImport } from "@/components/use-deferred-import";

const loadReceipt = () => import("./consent-receipt");

export function ReceiptIsland({ children }: { children: ReactNode }) {
  const loaded = useDeferredImport(loadReceipt);
  return loaded ? <loaded.ConsentReceipt /> : children;
}
