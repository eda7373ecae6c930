import type { Metadata } from "next";
import { inputClass } from "@/components/account/code-field";
import { AdminShell } from "@/components/admin/admin-shell";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { queryOf, requireAdminPage } from "@/lib/admin/page";
import { listUsers, UserFilterSchema, type UserAction } from "@/lib/data/admin/users";

export const metadata: Metadata = { title: "Users · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export default async function UsersPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireAdminPage("/admin/users");
  const params = await searchParams;
  const filter = UserFilterSchema.parse(params);
  const users = await listUsers(actor, filter);
  const back = `/admin/users${queryOf(filter)}`;
  return (
    <AdminShell title="Users" current="/admin/users" params={params} intro={<p>Disabling a user ends every session of theirs at once; their keys and tokens stop working.</p>}>
      <form method="get" className="mb-6 grid gap-3 rounded-xl border border-border bg-bg-subtle p-4 sm:grid-cols-[1fr_10rem_10rem_auto] sm:items-end">
        <label className="text-sm">
          <span className="font-medium">Email contains</span>
          <input name="q" type="search" defaultValue={filter.q} maxLength={200} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="font-medium">Role</span>
          <select name="role" defaultValue={filter.role ?? ""} className={inputClass}>
            <option value="">Any</option>
            <option value="admin">Admin</option>
            <option value="developer">Developer</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="font-medium">Status</span>
          <select name="disabled" defaultValue={filter.disabled ?? ""} className={inputClass}>
            <option value="">Any</option>
            <option value="no">Active</option>
            <option value="yes">Disabled</option>
          </select>
        </label>
        <Button variant="secondary">Filter</Button>
      </form>
      {users.length === 0 ? (
        <p className="text-fg-muted">No users match.</p>
      ) : (
        <ul className="divide-y divide-border rounded-xl border border-border">
          {users.map((u) => (
            <li key={u.id} className="flex flex-wrap items-start gap-3 p-4" data-testid="user-row">
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="break-all font-medium">{u.email}</span>
                  {u.role === "admin" && <Badge tone="accent">admin</Badge>}
                  {u.disabledAt && <Badge tone="danger">disabled</Badge>}
                  {u.secondFactor ? <Badge tone="ok">2FA</Badge> : <Badge>no 2FA</Badge>}
                </p>
                <p className="mt-1 text-sm text-fg-muted">
                  {u.name ? `${u.name} · ` : ""}since {date.format(u.createdAt)} · {u.sessions} session(s) · {u.apps} personal app(s) · {u.orgs} organization(s) ·{" "}
                  <span className="font-mono text-xs">{u.id}</span>
                </p>
              </div>
              {u.id !== actor.userId && (
                <div className="flex flex-wrap gap-2">
                  <UserButton id={u.id} back={back} action={u.disabledAt ? "enable" : "disable"} label={u.disabledAt ? "Enable" : "Disable"} danger={!u.disabledAt} />
                  <UserButton id={u.id} back={back} action={u.role === "admin" ? "revoke-admin" : "grant-admin"} label={u.role === "admin" ? "Remove admin" : "Make admin"} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </AdminShell>
  );
}

function UserButton({ id, back, action, label, danger }: { id: string; back: string; action: UserAction; label: string; danger?: boolean }) {
  return (
    <form method="post" action={`/api/admin/users/${id}`}>
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="back" value={back} />
      <Button variant={danger ? "danger" : "secondary"}>{label}</Button>
    </form>
  );
}
