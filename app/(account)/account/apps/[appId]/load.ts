// The app behind /account/apps/[appId]/*: 404 (Next's not-found page) when the data layer says the
// viewer may not see it, exactly as for an app that does not exist.
import "server-only";
import { notFound } from "next/navigation";
import { ApiError } from "@/lib/api/respond";

export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) notFound();
    throw e;
  }
}
