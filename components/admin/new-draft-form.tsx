// "New draft" box of the admin's content lists (deprecation notices, changelog entries): pick
// the API and a title; everything else is edited on the draft's own page.
import { Button } from "@/components/ui/button";
import type { CatalogApi } from "@/lib/specs/model";

const input = "w-full rounded-lg border border-border bg-bg px-3 py-2 text-sm";

export function NewDraftForm({ heading, hint, action, apis, titlePlaceholder }: { heading: string; hint?: string; action: string; apis: CatalogApi[]; titlePlaceholder: string }) {
  return (
    <section aria-labelledby="new" className="mt-8 rounded-xl border border-border bg-bg-subtle p-5">
      <h2 id="new" className="text-lg font-semibold">{heading}</h2>
      {hint && <p className="mt-1 text-sm text-fg-muted">{hint}</p>}
      <form method="post" action={action} className="mt-3 grid gap-3 sm:grid-cols-[14rem_1fr_auto] sm:items-end">
        <label className="text-sm">
          <span className="mb-1 block text-fg-muted">API</span>
          <select name="api" required className={input}>
            {apis.map((a) => (
              <option key={a.id} value={a.id}>{a.name} ({a.visibility ?? "invalid"})</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-fg-muted">Title</span>
          <input name="title" required maxLength={200} className={input} placeholder={titlePlaceholder} />
        </label>
        <Button>Create draft</Button>
      </form>
    </section>
  );
}
