// POST /api/account/security/enrol: a new TOTP secret waiting for its first code; the security
// page then shows it as a QR code and as text.
import { formRoute } from "@/lib/admin/form-route";
import { startEnrolment } from "@/lib/auth/second-factor";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return formRoute(request, "/account/security", async ({ viewer, to }) => {
    const started = await startEnrolment(viewer.userId);
    return to(started ? "/account/security#setup" : "/account/security?error=already");
  });
}
