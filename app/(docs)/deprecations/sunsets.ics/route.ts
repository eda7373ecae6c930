// GET /deprecations/sunsets.ics: sunset dates of every public API as an iCalendar feed.
import { sunsetCalendarResponse } from "@/lib/notices/serve";

export const dynamic = "force-dynamic";

export async function GET() {
  return sunsetCalendarResponse(null);
}
