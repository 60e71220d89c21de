import type { ReactNode } from "react";
import { isGuideBrowser } from "@/lib/browser/detect";

/** MDX: one browser's steps inside <BrowserGuide>; browser is chrome, edge, firefox or safari. */
export function BrowserSteps({ browser, children }: { browser: string; children?: ReactNode }) {
  if (!isGuideBrowser(browser))
    throw new Error(`BrowserSteps: unknown browser "${browser}" (write chrome, edge, firefox or safari)`);
  return (
    <section className="browser-steps" data-browser={browser}>
      {children}
    </section>
  );
}
