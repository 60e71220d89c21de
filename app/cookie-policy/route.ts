// "/cookie-policy": the policy without a language in the address; chooses one as "/" does.
import { serveChooser } from "@/lib/i18n/serve-chooser";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return serveChooser(request);
}
