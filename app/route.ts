// "/": sends the visitor to their edition of the policy (lib/i18n/chooser.ts says how).
import { serveChooser } from "@/lib/i18n/serve-chooser";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return serveChooser(request);
}
