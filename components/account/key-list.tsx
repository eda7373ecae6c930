// An app's keys: prefix and last four only (the secret was shown once, at creation), with rotate
// (a new key shown once; the old one keeps working for the chosen grace period) and revoke.
import Link from "next/link";
import { revokeKeyAction, rotateKeyAction } from "@/app/(account)/account/apps/actions";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { KeyView } from "@/lib/data/apps";
import { ActionForm } from "./action-form";
import { dateTime, fmt, INPUT } from "./fields";
import { SecretForm } from "./secret-form";

const STATUS_TONE: Record<KeyView["status"], BadgeTone> = { active: "ok", rotated: "warn", expired: "neutral", revoked: "danger" };

function statusText(k: KeyView): string {
  if (k.status === "rotated") return `rotated · ${k.expiresAt && new Date(k.expiresAt) > new Date() ? "works until" : "ended"} ${fmt(k.expiresAt, dateTime)} UTC`;
  if (k.replacedById && k.status === "active") return `rotated · works until ${fmt(k.expiresAt, dateTime)} UTC`;
  return k.status;
}

export function KeyList({ appId, keys, manage }: { appId: string; keys: KeyView[]; manage: boolean }) {
  if (keys.length === 0) return <p className="rounded-lg border border-dashed border-border px-4 py-3 text-sm text-fg-muted">No keys yet.</p>;
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-bg" aria-label="Keys">
      {keys.map((k) => {
        const live = k.status === "active" && !k.replacedById;
        return (
          <li key={k.id} className="px-4 py-3 text-sm" data-key-id={k.id}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="font-medium">
                  {k.name} <code className="ml-1 rounded bg-bg-muted px-1.5 py-0.5 font-mono text-xs">{k.display}</code>
                </p>
                <p className="mt-1 text-xs text-fg-muted">
                  {k.scopes.join(", ")} · created {fmt(k.createdAt)} · expires {k.expiresAt ? fmt(k.expiresAt, dateTime) : "never"} · last used {k.lastUsedAt ? fmt(k.lastUsedAt, dateTime) : "never"}
                </p>
              </div>
              <span className="flex items-center gap-2">
                <Badge tone={k.replacedById && k.status === "active" ? "warn" : STATUS_TONE[k.status]}>{statusText(k)}</Badge>
                <Link href={`/account/apps/${appId}/keys/${k.id}`} className="text-xs text-accent hover:underline">
                  Usage<span className="sr-only"> of {k.name} ({k.display})</span>
                </Link>
              </span>
            </div>
            {manage && live && (
              <div className="mt-3 flex flex-wrap gap-3">
                <details className="min-w-0 flex-1 basis-72 rounded-lg border border-border p-3">
                  <summary className="cursor-pointer text-sm font-medium">Rotate…</summary>
                  <SecretForm action={rotateKeyAction.bind(null, appId, k.id)} doneHref={`/account/apps/${appId}#keys`} label={`Rotate ${k.name}`} className="mt-3 flex flex-wrap items-end gap-3">
                    <label className="block">
                      <span className="text-sm">The old key keeps working</span>
                      <select name="grace" defaultValue="86400" className={INPUT}>
                        <option value="0">No longer (ends now)</option>
                        <option value="3600">For 1 hour</option>
                        <option value="86400">For 24 hours</option>
                        <option value="604800">For 7 days</option>
                      </select>
                    </label>
                    <Button variant="secondary">Rotate key</Button>
                  </SecretForm>
                </details>
                <details className="min-w-0 flex-1 basis-72 rounded-lg border border-danger/30 p-3">
                  <summary className="cursor-pointer text-sm font-medium text-danger">Revoke…</summary>
                  <p className="mt-2 text-sm">Calls with {k.display} are refused at once. This cannot be undone.</p>
                  <ActionForm action={revokeKeyAction.bind(null, appId, k.id)} className="mt-3" label={`Revoke ${k.name}`}>
                    <Button variant="danger">Revoke {k.name}</Button>
                  </ActionForm>
                </details>
              </div>
            )}
            {manage && k.replacedById && k.status === "active" && (
              <details className="mt-3 rounded-lg border border-danger/30 p-3">
                <summary className="cursor-pointer text-sm font-medium text-danger">End now…</summary>
                <ActionForm action={revokeKeyAction.bind(null, appId, k.id)} className="mt-3" label={`Revoke ${k.name} (old)`}>
                  <Button variant="danger">Revoke the old key now</Button>
                </ActionForm>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
