// After an admin changes a notice: re-render this instance's cached deprecation pages and feeds.
// Other instances re-render within the pages' `revalidate` time (60 s).
import "server-only";
import { revalidatePath } from "next/cache";

export function revalidateNoticePages(apiId: string): void {
  revalidatePath("/deprecations");
  revalidatePath(`/apis/${apiId}/deprecations`);
  revalidatePath("/apis/[api]/deprecations", "page");
}
