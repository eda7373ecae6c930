// Changelog entries written by admins in the portal (/admin/changelog), beside the files under
// specs/<api>/changelog/. Drafts are seen by admins only; published entries join the changelog
// pages and feeds through `adminEntrySource` (lib/changes/store.ts merges every source). Every
// change is audited in its transaction. Publishing, unpublishing and deleting a published entry
// change what everyone reads: the route handler asks for a fresh TOTP step-up first
// (lib/changes/admin-entry-forms.ts); this module checks the admin role itself.
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Db } from "@/lib/db/create-client";
import { newId } from "@/lib/ids";
import { HTTP_METHODS } from "@/lib/specs/model";
import type { CatalogApi } from "@/lib/specs/model";
import type { ChangelogEntry } from "./entries";
import { SEVERITIES } from "./types";

export interface EntryActor {
  userId: string;
  isAdmin: boolean;
  ip?: string | null;
}

export class EntryNotFound extends Error {}
/** A refusal to show the admin as it is (e.g. publishing an entry without text). */
export class EntryConflict extends Error {}

const OPERATION = /^([A-Za-z]+)\s+(\/\S*)$/;

/** The form's fields: the same rules as a file entry's front matter (lib/changes/entries.ts). */
export const AdminEntryInputSchema = z.strictObject({
  title: z.string().trim().min(1, "is required").max(200),
  date: z.iso.date({ message: "must be a date written YYYY-MM-DD" }),
  versions: z.array(z.string().trim().min(1).max(80)).min(1, "pick at least one version").max(50),
  severity: z.union([z.literal(""), z.enum(SEVERITIES)]).transform((v) => (v === "" ? null : v)),
  kind: z.union([z.literal(""), z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "must be lower-case words joined by -")]).transform((v) => (v === "" ? null : v)),
  operations: z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      for (const l of lines) {
        const m = OPERATION.exec(l);
        if (!m || !HTTP_METHODS.includes(m[1]!.toLowerCase() as never)) ctx.addIssue({ code: "custom", message: `"${l.slice(0, 80)}" is not written "METHOD /path"` });
      }
      return lines.map((l) => l.replace(OPERATION, (_, method: string, p: string) => `${method.toUpperCase()} ${p}`));
    }),
  /** May be empty while a draft; publishing needs it. */
  body: z.string().trim().max(20_000),
});
export type AdminEntryInput = z.output<typeof AdminEntryInputSchema>;

/** Versions the API does not have, as messages for the form. */
export function unknownVersions(api: CatalogApi, input: AdminEntryInput): string[] {
  const known = new Set(api.versions.map((v) => v.id));
  return input.versions.filter((v) => !known.has(v)).map((v) => `versions: ${v} is not a version of ${api.id}`);
}

const assertAdmin = (actor: EntryActor) => {
  if (!actor.isAdmin) throw new EntryNotFound();
};
const who = (actor: EntryActor) => ({ actorUserId: actor.userId, actorKind: "user" as const, ip: actor.ip ?? null });
const toData = (input: AdminEntryInput) => ({ ...input, date: new Date(`${input.date}T00:00:00Z`) });

export async function createEntry(db: Db, actor: EntryActor, apiId: string, input: AdminEntryInput): Promise<string> {
  assertAdmin(actor);
  const id = newId("cle");
  await db.$transaction(async (tx) => {
    await tx.adminChangelogEntry.create({ data: { id, apiId, status: "draft", ...toData(input), createdById: actor.userId } });
    await audit(tx, { ...who(actor), action: "changelog.created", targetType: "changelog_entry", targetId: id, details: { api: apiId, title: input.title } });
  });
  return id;
}

/** Changes one entry; returns its API and whether it was published (its pages need a refresh). */
async function change(db: Db, actor: EntryActor, id: string, action: string, fn: (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], status: string) => Promise<Record<string, string> | void>) {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const row = await tx.adminChangelogEntry.findUnique({ where: { id }, select: { apiId: true, status: true, title: true } });
    if (!row) throw new EntryNotFound();
    const details = (await fn(tx, row.status)) ?? {};
    await audit(tx, { ...who(actor), action, targetType: "changelog_entry", targetId: id, details: { api: row.apiId, title: row.title, from: row.status, ...details } });
    return { apiId: row.apiId, wasPublished: row.status === "published" };
  });
}

export const updateEntry = (db: Db, actor: EntryActor, id: string, input: AdminEntryInput) =>
  change(db, actor, id, "changelog.updated", async (tx) => {
    await tx.adminChangelogEntry.update({ where: { id }, data: toData(input) });
  });

export const publishEntry = (db: Db, actor: EntryActor, id: string, now = new Date()) =>
  change(db, actor, id, "changelog.published", async (tx) => {
    const row = await tx.adminChangelogEntry.findUniqueOrThrow({ where: { id }, select: { body: true, versions: true } });
    if (!row.body.trim()) throw new EntryConflict("Write the entry's text before publishing it.");
    if (!row.versions.length) throw new EntryConflict("Pick at least one version before publishing.");
    await tx.adminChangelogEntry.update({ where: { id }, data: { status: "published", publishedAt: now } });
  });

export const unpublishEntry = (db: Db, actor: EntryActor, id: string) =>
  change(db, actor, id, "changelog.unpublished", async (tx) => {
    await tx.adminChangelogEntry.update({ where: { id }, data: { status: "draft" } });
  });

export const deleteEntry = (db: Db, actor: EntryActor, id: string) =>
  change(db, actor, id, "changelog.deleted", async (tx) => {
    await tx.adminChangelogEntry.delete({ where: { id } });
  });

type Row = Awaited<ReturnType<Db["adminChangelogEntry"]["findFirstOrThrow"]>>;

/** A stored entry as the changelog reads it. */
export function toChangelogEntry(r: Row): ChangelogEntry {
  return {
    id: `admin:${r.id}`,
    source: "admin",
    date: r.date.toISOString().slice(0, 10),
    title: r.title,
    versions: r.versions,
    severity: (r.severity as ChangelogEntry["severity"]) ?? null,
    kind: r.kind,
    operations: r.operations.flatMap((o) => {
      const m = OPERATION.exec(o);
      return m ? [{ method: m[1]!.toLowerCase(), path: m[2]! }] : [];
    }),
    body: r.body,
  };
}

export async function publishedEntries(db: Db, apiId: string): Promise<ChangelogEntry[]> {
  const rows = await db.adminChangelogEntry.findMany({ where: { apiId, status: "published" }, orderBy: [{ date: "desc" }, { id: "asc" }] });
  return rows.map(toChangelogEntry);
}
