// Who is asking. Until accounts land (issue 5) every visitor is anonymous; this is the one
// function pages and routes call to learn it, so widening access later changes one place.
import "server-only";

export type Viewer =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: string;
      isAdmin: boolean;
      orgIds: string[];
      /** Restricted APIs the user's apps (personal or their organizations') hold grants for, and
       * whether they belong to the internal organization (lib/access/api-access.ts). */
      access?: { apis: string[]; internal: boolean };
    };

export async function getViewer(): Promise<Viewer> {
  return { kind: "anonymous" };
}
