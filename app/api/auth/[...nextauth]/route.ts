// next-auth's endpoints (sign-in, callbacks, sign-out, session, CSRF) behind Portolan's checks:
// see lib/auth/route-handler.ts.
import { handleAuthRequest } from "@/lib/auth/route-handler";

export const dynamic = "force-dynamic";

export { handleAuthRequest as GET, handleAuthRequest as POST };
