// The APIs an app could call, each with its state: enabled, requested (pending), denied with the
// admin's note, or not asked yet (public: enable at once; partner/internal: request with a reason).
import { requestAccessAction } from "@/app/(account)/account/apps/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ApiChoice } from "@/lib/data/apps";
import { ActionForm } from "./action-form";
import { fmt, INPUT } from "./fields";

const STATUS = {
  granted: <Badge tone="ok">enabled</Badge>,
  pending: <Badge tone="warn">pending</Badge>,
  denied: <Badge tone="danger">denied</Badge>,
  none: null,
};

export function ApiAccessList({ appId, choices, manage }: { appId: string; choices: ApiChoice[]; manage: boolean }) {
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-bg">
      {choices.map((c) => (
        <li key={c.id} className="px-4 py-3 text-sm" data-api={c.id}>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="min-w-0">
              <p className="font-medium">
                {c.name} <span className="text-xs text-fg-muted">({c.visibility})</span>
              </p>
              {c.summary && <p className="text-fg-muted">{c.summary}</p>}
            </div>
            <span className="flex items-center gap-2">
              {STATUS[c.status]}
              {manage && c.status === "none" && c.visibility === "public" && (
                <ActionForm action={requestAccessAction.bind(null, appId, c.id)} label={`Enable ${c.name}`}>
                  <Button variant="secondary">Enable</Button>
                </ActionForm>
              )}
            </span>
          </div>
          {c.request && c.status !== "granted" && (
            <p className="mt-2 text-xs text-fg-muted">
              Requested {fmt(c.request.createdAt)}: “{c.request.reason}”
              {c.request.decidedAt && ` · decided ${fmt(c.request.decidedAt)}`}
              {c.request.decisionNote && <> · admin’s note: “{c.request.decisionNote}”</>}
            </p>
          )}
          {manage && c.visibility !== "public" && (c.status === "none" || c.status === "denied") && (
            <details className="mt-3 rounded-lg border border-border p-3">
              <summary className="cursor-pointer font-medium">{c.status === "denied" ? "Ask again…" : "Request access…"}</summary>
              <ActionForm action={requestAccessAction.bind(null, appId, c.id)} className="mt-3 grid gap-3" label={`Request access to ${c.name}`}>
                <label className="block">
                  <span className="text-sm font-medium">Why does this app need {c.name}?</span>
                  <textarea name="reason" required minLength={10} maxLength={2000} rows={3} className={INPUT} />
                </label>
                <div>
                  <Button>Request access</Button>
                </div>
              </ActionForm>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
