// GET /apis/<api>/deprecations/sunsets.ics: the API's sunset dates as an iCalendar feed.
import { sunsetCalendarResponse } from "@/lib/notices/serve";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ api: string }> }) {
  return sunsetCalendarResponse((await params).api);
}
