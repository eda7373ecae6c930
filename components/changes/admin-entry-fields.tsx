// The fields of an admin changelog entry (new and edit forms): the same fields as a file entry's
// front matter (lib/changes/entries.ts), checked again by lib/changes/admin-entries.ts.
import type { CatalogApi } from "@/lib/specs/model";
import { SEVERITIES, SEVERITY_LABEL } from "@/lib/changes/types";

const input = "w-full rounded-lg border border-border bg-bg px-3 py-2 text-sm";

export interface EntryValues {
  title: string;
  date: string;
  versions: string[];
  severity: string | null;
  kind: string | null;
  operations: string[];
  body: string;
}

export function AdminEntryFields({ api, values }: { api: CatalogApi | null; values: EntryValues }) {
  return (
    <>
      <label className="block text-sm sm:col-span-2">
        <span className="mb-1 block text-fg-muted">Title</span>
        <input name="title" required maxLength={200} defaultValue={values.title} className={input} />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-fg-muted">Date</span>
        <input name="date" type="date" required defaultValue={values.date} className={input} />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-fg-muted">Severity</span>
        <select name="severity" defaultValue={values.severity ?? ""} className={input}>
          <option value="">None (a note)</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>{SEVERITY_LABEL[s]}</option>
          ))}
        </select>
      </label>
      {api && (
        <fieldset className="text-sm sm:col-span-2">
          <legend className="mb-1 text-fg-muted">Versions</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {api.versions.map((v) => (
              <label key={v.id} className="inline-flex items-center gap-1.5">
                <input type="checkbox" name="versions" value={v.id} defaultChecked={values.versions.includes(v.id)} />
                {v.id}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <label className="block text-sm">
        <span className="mb-1 block text-fg-muted">Kind (optional rule id, e.g. version-released)</span>
        <input name="kind" maxLength={60} pattern="[a-z0-9][a-z0-9\-]{0,59}" defaultValue={values.kind ?? ""} className={input} />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-fg-muted">Operations (optional, one &quot;METHOD /path&quot; a line)</span>
        <textarea name="operations" rows={2} defaultValue={values.operations.join("\n")} className={`${input} font-mono`} />
      </label>
      <label className="block text-sm sm:col-span-2">
        <span className="mb-1 block text-fg-muted">Body (Markdown)</span>
        <textarea name="body" required rows={8} maxLength={20_000} defaultValue={values.body} className={`${input} font-mono`} />
      </label>
    </>
  );
}
