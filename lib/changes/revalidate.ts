// After an admin publishes, edits, unpublishes or deletes a changelog entry: re-render this
// instance's cached changelog pages (the API's and the global one, with their severity filters).
// Feeds and JSON are dynamic. Other instances, and the History of operation pages, catch up
// within the pages' `revalidate` time (1 hour).
import "server-only";
import { revalidatePath } from "next/cache";

export function revalidateChangelogPages(apiId: string): void {
  revalidatePath("/changelog");
  revalidatePath("/changelog/[filter]", "page");
  revalidatePath(`/apis/${apiId}/changelog`);
  revalidatePath("/apis/[api]/changelog", "page");
  revalidatePath("/apis/[api]/changelog/[filter]", "page");
}
