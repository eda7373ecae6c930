// "Fill a test key": docs pages are static and cannot know the reader, so when the console opens
// it asks the portal (with the session cookie) which of the reader's apps may call this API, and
// mints a one-hour test key for the chosen one (lib/data/try-it-keys.ts). The key goes into the
// console's state only; it is listed with the app's keys, where it can be revoked.
import { useEffect, useState } from "react";

type App = { id: string; name: string; owner: string };
type State = { kind: "loading" } | { kind: "anonymous" } | { kind: "unavailable" } | { kind: "apps"; apps: App[] };

const LINK = "text-accent hover:underline";

export function TestKey({ api, onKey }: { api: string; onKey: (secret: string) => void }) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [appId, setAppId] = useState("");
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState("");

  useEffect(() => {
    let live = true;
    fetch(`/api/v1/apis/${encodeURIComponent(api)}/try-it`, { cache: "no-store" })
      .then(async (r) => (r.status === 401 ? { kind: "anonymous" as const } : r.ok ? { kind: "apps" as const, apps: ((await r.json()) as { data: App[] }).data } : { kind: "unavailable" as const }))
      .catch(() => ({ kind: "unavailable" as const }))
      .then((s) => {
        if (!live) return;
        setState(s);
        if (s.kind === "apps") setAppId(s.apps[0]?.id ?? "");
      });
    return () => void (live = false);
  }, [api]);

  async function mint() {
    setBusy(true);
    setNote("");
    try {
      const r = await fetch(`/api/v1/apps/${encodeURIComponent(appId)}/try-it-keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ api }) });
      const body = (await r.json()) as { secret?: string; expiresAt?: string; error?: { message: string } };
      if (!r.ok || !body.secret) throw new Error(body.error?.message ?? `The portal answered ${r.status}.`);
      onKey(body.secret);
      setNote(`Test key filled in. It works until ${new Date(body.expiresAt!).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })} and is listed with the app's keys, where you can revoke it.`);
    } catch (e) {
      setNote(`No key: ${e instanceof Error ? e.message : "the portal could not be reached."}`);
    }
    setBusy(false);
  }

  if (state.kind === "loading" || state.kind === "unavailable") return null;
  if (state.kind === "anonymous") {
    return (
      <p className="text-xs">
        <a className={LINK} href={`/signin?callbackUrl=${encodeURIComponent(location.pathname)}`}>
          Sign in to fill a test key
        </a>
      </p>
    );
  }
  if (state.apps.length === 0) {
    return (
      <p className="text-xs text-fg-muted">
        None of your apps may call this API yet. <a className={LINK} href="/account/apps">Your apps</a>
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      {state.apps.length > 1 && (
        <select aria-label="App for the test key" className="rounded-md border border-border bg-bg px-2 py-1" value={appId} onChange={(e) => setAppId(e.target.value)}>
          {state.apps.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.owner})
            </option>
          ))}
        </select>
      )}
      <button type="button" disabled={busy} onClick={mint} className="rounded-md border border-border px-2 py-1 font-medium hover:border-accent disabled:opacity-60">
        Fill a test key{state.apps.length === 1 ? ` for ${state.apps[0]!.name}` : ""}
      </button>
      <span role="status" className="basis-full text-fg-muted">
        {note}
      </span>
    </div>
  );
}
