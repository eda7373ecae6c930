// A small cache for verification lookups: entries live at most `ttlMs` (the bound on how stale
// an answer can be if a change notification is lost), concurrent misses for one key share one
// load, and the oldest entries go first when `max` is reached. invalidate()/clear() are called
// when PostgreSQL notifies a change (LISTEN portolan_keys), which makes revocation immediate.
export interface TtlCache<V> {
  get(key: string): Promise<V>;
  invalidate(key: string): void;
  clear(): void;
  readonly size: number;
}

export function createTtlCache<V>(load: (key: string) => Promise<V>, opts: { ttlMs: number; max: number; now?: () => number }): TtlCache<V> {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { value: V; at: number }>();
  const inflight = new Map<string, Promise<V>>();
  // Bumped by invalidate/clear so a load that started before a change is not cached after it.
  let epoch = 0;
  const keyEpoch = new Map<string, number>();

  return {
    async get(key) {
      const hit = entries.get(key);
      if (hit && now() - hit.at < opts.ttlMs) return hit.value;
      const running = inflight.get(key);
      if (running) return running;
      const started = epoch;
      const startedKey = keyEpoch.get(key) ?? 0;
      const p = load(key)
        .then((value) => {
          if (started === epoch && startedKey === (keyEpoch.get(key) ?? 0)) {
            entries.delete(key);
            entries.set(key, { value, at: now() });
            if (entries.size > opts.max) entries.delete(entries.keys().next().value!);
          }
          return value;
        })
        .finally(() => {
          if (inflight.get(key) === p) inflight.delete(key);
        });
      inflight.set(key, p);
      return p;
    },
    invalidate(key) {
      entries.delete(key);
      inflight.delete(key);
      keyEpoch.set(key, (keyEpoch.get(key) ?? 0) + 1);
      if (keyEpoch.size > opts.max) keyEpoch.delete(keyEpoch.keys().next().value!);
    },
    clear() {
      entries.clear();
      inflight.clear();
      keyEpoch.clear();
      epoch++;
    },
    get size() {
      return entries.size;
    },
  };
}
