// "Delete all my data on this site": a same-origin POST answered with Clear-Site-Data.
// Every method is exported and guarded (lib/http/guard.ts): 405 with Allow, 403 cross-site, 413 oversize.
import { storageRoutes } from "@/lib/storage/routes";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = storageRoutes.clearSiteData;
