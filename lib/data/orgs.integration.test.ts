// Organizations, members and invitations through /api/v1/orgs… on the real database: members read,
// owners/admins manage, only owners touch owners, the last owner stays, outsiders get 404, and an
// invitation works once, for the invited verified address only (its token stored as a hash).
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { newId } from "@/lib/ids";
import { mintSecret } from "@/lib/keys/format";
import { assertDocumented } from "@/tests/contract";
import { testDb } from "@/tests/db";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const db = testDb();
const run = Date.now().toString(36);
type Who = "olga" | "adam" | "mia" | "otto";
const tokens = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;
type Routes = {
  orgs: typeof import("@/app/api/v1/orgs/route");
  org: typeof import("@/app/api/v1/orgs/[slug]/route");
  member: typeof import("@/app/api/v1/orgs/[slug]/members/[userId]/route");
  invites: typeof import("@/app/api/v1/orgs/[slug]/invitations/route");
  invite: typeof import("@/app/api/v1/orgs/[slug]/invitations/[invitationId]/route");
  data: typeof import("@/lib/data/orgs");
};
let r: Routes;

const email = (who: Who) => `${who}-${run}@example.test`;
function req(who: Who | null, method: string, body?: unknown): Request {
  return new Request("http://localhost:3000/api/v1/orgs", {
    method,
    headers: { ...(who && { authorization: `Bearer ${tokens[who]}` }), "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const ctx = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
const read = async (res: Response) => ({ status: res.status, body: res.status === 204 ? null : await res.json() });
const viewer = (who: Who) => ({ kind: "user" as const, userId: ids[who], isAdmin: false, orgIds: [] });

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.PORTAL_URL = "http://localhost:3000";
  delete process.env.SMTP_URL;
  for (const who of ["olga", "adam", "mia", "otto"] as const) {
    const user = await db.user.create({ data: { id: newId("usr"), email: email(who), name: who, emailVerified: new Date() } });
    const pat = mintSecret("pat");
    await db.personalAccessToken.create({ data: { id: newId("pat"), userId: user.id, name: "t", prefix: pat.prefix, last4: pat.last4, hash: pat.hash } });
    tokens[who] = pat.plaintext;
    ids[who] = user.id;
  }
  r = {
    orgs: await import("@/app/api/v1/orgs/route"),
    org: await import("@/app/api/v1/orgs/[slug]/route"),
    member: await import("@/app/api/v1/orgs/[slug]/members/[userId]/route"),
    invites: await import("@/app/api/v1/orgs/[slug]/invitations/route"),
    invite: await import("@/app/api/v1/orgs/[slug]/invitations/[invitationId]/route"),
    data: await import("@/lib/data/orgs"),
  };
}, 60_000);

afterAll(() => db.$disconnect());

/** The token in the newest invitation mail to `who` (the dev mailbox keeps it). */
async function invitationToken(who: Who): Promise<string> {
  const mail = await db.devMail.findFirstOrThrow({ where: { to: email(who) }, orderBy: { createdAt: "desc" } });
  return /\/account\/invitations\/([0-9A-Za-z]{43})/.exec(mail.text)![1]!;
}

describe("organizations through /api/v1/orgs", () => {
  let slug = "";

  it("creates an organization with the caller as owner (contract)", async () => {
    const created = await read(await r.orgs.POST(req("olga", "POST", { name: `Olga & Co ${run}` })));
    expect(created.status).toBe(201);
    assertDocumented("POST", "/orgs", 201, created.body);
    slug = created.body.slug;
    expect(slug).toMatch(/^olga-co-/);
    expect(created.body.role).toBe("owner");
    const listed = await read(await r.orgs.GET(req("olga", "GET")));
    assertDocumented("GET", "/orgs", 200, listed.body);
    expect(listed.body.data.map((o: { slug: string }) => o.slug)).toContain(slug);
    expect((await read(await r.orgs.POST(req("olga", "POST", { name: "x", slug: "taken" })))).status).toBe(400);
  });

  it("invites by email; the link works once, for the invited verified address only", async () => {
    const sent = await read(await r.invites.POST(req("olga", "POST", { email: email("adam").toUpperCase(), role: "admin" }), ctx({ slug })));
    expect(sent.status).toBe(201);
    assertDocumented("POST", "/orgs/{slug}/invitations", 201, sent.body);
    expect(JSON.stringify(sent.body)).not.toMatch(/token/i);
    const token = await invitationToken("adam");
    const row = await db.invitation.findUniqueOrThrow({ where: { id: sent.body.id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    expect(await r.data.acceptInvitation(viewer("otto"), token)).toEqual({ ok: false, reason: "wrong-account" });
    expect(await r.data.lookupInvitation(token)).toMatchObject({ kind: "open", role: "admin", email: email("adam") });
    expect(await r.data.acceptInvitation(viewer("adam"), token)).toEqual({ ok: true, orgSlug: slug });
    expect(await r.data.acceptInvitation(viewer("adam"), token)).toEqual({ ok: false, reason: "invalid" });
    expect(await r.data.acceptInvitation(viewer("adam"), "x".repeat(43))).toEqual({ ok: false, reason: "invalid" });

    // An unverified address cannot accept, and an expired invitation cannot be used.
    await r.invites.POST(req("adam", "POST", { email: email("mia") }), ctx({ slug }));
    const miaToken = await invitationToken("mia");
    await db.user.update({ where: { id: ids.mia }, data: { emailVerified: null } });
    expect(await r.data.acceptInvitation(viewer("mia"), miaToken)).toEqual({ ok: false, reason: "unverified" });
    await db.user.update({ where: { id: ids.mia }, data: { emailVerified: new Date() } });
    expect(await r.data.acceptInvitation(viewer("mia"), miaToken)).toEqual({ ok: true, orgSlug: slug });

    const actions = (await db.auditEvent.findMany({ where: { targetId: sent.body.id } })).map((e) => e.action).sort();
    expect(actions).toEqual(["org.invitation_accepted", "org.invitation_created"]);
  });

  it("lets members read, admins manage members but not owners, and keeps the last owner", async () => {
    const asMember = await read(await r.org.GET(req("mia", "GET"), ctx({ slug })));
    assertDocumented("GET", "/orgs/{slug}", 200, asMember.body);
    expect(asMember.body).toMatchObject({ role: "member", members: 3, invitations: [] });
    expect((await read(await r.member.PATCH(req("mia", "PATCH", { role: "admin" }), ctx({ slug, userId: ids.mia })))).status).toBe(403);
    expect((await read(await r.invites.POST(req("mia", "POST", { email: "x@example.test" }), ctx({ slug })))).status).toBe(403);

    // Admins: not to owner, not an owner.
    expect((await read(await r.member.PATCH(req("adam", "PATCH", { role: "owner" }), ctx({ slug, userId: ids.mia })))).status).toBe(403);
    expect((await read(await r.member.PATCH(req("adam", "PATCH", { role: "member" }), ctx({ slug, userId: ids.olga })))).status).toBe(403);
    expect((await read(await r.member.DELETE(req("adam", "DELETE"), ctx({ slug, userId: ids.olga })))).status).toBe(403);
    const changed = await read(await r.member.PATCH(req("adam", "PATCH", { role: "admin" }), ctx({ slug, userId: ids.mia })));
    assertDocumented("PATCH", "/orgs/{slug}/members/{userId}", 200, changed.body);

    // The last owner can neither be demoted nor leave; with a second owner both work.
    const demote = await read(await r.member.PATCH(req("olga", "PATCH", { role: "admin" }), ctx({ slug, userId: ids.olga })));
    expect(demote.status).toBe(409);
    assertDocumented("PATCH", "/orgs/{slug}/members/{userId}", 409, demote.body);
    expect((await read(await r.member.DELETE(req("olga", "DELETE"), ctx({ slug, userId: ids.olga })))).status).toBe(409);
    await r.member.PATCH(req("olga", "PATCH", { role: "owner" }), ctx({ slug, userId: ids.adam }));
    expect((await read(await r.member.DELETE(req("olga", "DELETE"), ctx({ slug, userId: ids.olga })))).status).toBe(204);
    expect((await read(await r.member.DELETE(req("adam", "DELETE"), ctx({ slug, userId: ids.mia })))).status).toBe(204);
    const actions = (await db.auditEvent.findMany({ where: { orgId: asMember.body.id } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["org.created", "org.member_role_changed", "org.member_left", "org.member_removed"]));
  });

  it("answers 404 to outsiders for every operation, exactly like an unknown organization", async () => {
    const unknown = await read(await r.org.GET(req("otto", "GET"), ctx({ slug: "no-such-org" })));
    expect(unknown).toEqual({ status: 404, body: { error: { code: "not_found", message: "No such resource." } } });
    assertDocumented("GET", "/orgs/{slug}", 404, unknown.body);
    const attempts = [
      () => r.org.GET(req("otto", "GET"), ctx({ slug })),
      () => r.member.PATCH(req("otto", "PATCH", { role: "owner" }), ctx({ slug, userId: ids.otto })),
      () => r.member.DELETE(req("otto", "DELETE"), ctx({ slug, userId: ids.adam })),
      () => r.invites.POST(req("otto", "POST", { email: email("otto") }), ctx({ slug })),
      () => r.invite.DELETE(req("otto", "DELETE"), ctx({ slug, invitationId: newId("inv") })),
    ];
    for (const a of attempts) expect(await read(await a())).toEqual(unknown);
    expect((await r.orgs.GET(req(null, "GET"))).status).toBe(401);
  });
});
