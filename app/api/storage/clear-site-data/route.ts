// "Delete all my data on this site": a same-origin POST answered with Clear-Site-Data.
import { methodNotAllowed } from "@/lib/http/guard";
import { clearSiteData } from "@/lib/storage/routes";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return clearSiteData(request);
}

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as HEAD, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
