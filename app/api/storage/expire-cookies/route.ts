// Deletes named cookies a script cannot reach (HttpOnly), for the inspector's per-row "Delete".
// Every method is exported and guarded (lib/http/guard.ts): 405 with Allow, 403 cross-site, 413 oversize.
import { storageRoutes } from "@/lib/storage/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = storageRoutes.expireCookies;
