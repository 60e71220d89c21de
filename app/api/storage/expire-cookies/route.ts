// Deletes named cookies a script cannot reach (HttpOnly), for the inspector's per-row "Delete".
import { methodNotAllowed } from "@/lib/http/guard";
import { expireCookies } from "@/lib/storage/routes";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return expireCookies(request);
}

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as HEAD, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
