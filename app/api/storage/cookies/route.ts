// The server's view of this site's cookies: names and sizes the request carried, so HttpOnly ones show too.
import { methodNotAllowed } from "@/lib/http/guard";
import { cookieEcho } from "@/lib/storage/routes";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return cookieEcho(request);
}

const notAllowed = methodNotAllowed(["GET", "HEAD"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
