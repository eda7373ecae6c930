// Who is asking. Until accounts land (issue 5) every visitor is anonymous; this is the one
// function pages and routes call to learn it, so widening access later changes one place.
import "server-only";

export type Viewer = { kind: "anonymous" } | { kind: "user"; userId: string; isAdmin: boolean; orgIds: string[] };

export async function getViewer(): Promise<Viewer> {
  return { kind: "anonymous" };
}
