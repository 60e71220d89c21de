// The server's view of this site's cookies: names and sizes the request carried, so HttpOnly ones show too.
// Every method is exported and guarded (lib/http/guard.ts): 405 with Allow, 403 cross-site, 413 oversize.
import { storageRoutes } from "@/lib/storage/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = storageRoutes.cookies;
