// Who answers for an app: its owning user, or its organization's owners and admins; disabled
// users left out. The people notices, reminders and key warnings are addressed to.
import type { Prisma } from "@/lib/generated/prisma/client";

/** Select this on an App to call appOwnerEmails. */
export const appOwnersSelect = {
  ownerUser: { select: { email: true, disabledAt: true } },
  org: { select: { memberships: { where: { role: { in: ["owner", "admin"] } }, select: { user: { select: { email: true, disabledAt: true } } } } } },
} satisfies Prisma.AppSelect;

type WithOwners = Prisma.AppGetPayload<{ select: typeof appOwnersSelect }>;

export function appOwnerEmails(app: WithOwners): string[] {
  const people = app.ownerUser ? [app.ownerUser] : (app.org?.memberships.map((m) => m.user) ?? []);
  return [...new Set(people.filter((p) => !p.disabledAt).map((p) => p.email))].sort();
}
