// LISTEN portolan_keys: the database triggers in the apps/keys migration notify every change to a
// key (payload: its hash) or to grants and owners (payload: "*"). LISTEN portolan_notices: any
// change to deprecation notices or brownouts (the notices migration), so brownouts start and
// stop on every instance within a second. Each instance's verification
// cache drops what changed at once. If the connection drops, the cache is cleared (notifications
// may have been missed) and the listener reconnects with backoff; the cache's short TTL bounds
// staleness meanwhile.
import pg from "pg";

export interface KeyChangeListener {
  stop(): Promise<void>;
}

export const KEY_CHANNEL = "portolan_keys";
/** Notified on any change to deprecation notices or brownouts (migration 20261129000000). */
export const NOTICE_CHANNEL = "portolan_notices";

export function listenForKeyChanges(
  databaseUrl: string,
  on: { key(hash: string): void; all(): void; notices?(): void; error?(e: unknown): void },
): KeyChangeListener {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 250;
  let timer: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000, keepAlive: true });
    c.on("notification", (n) => {
      if (n.channel === NOTICE_CHANNEL) return on.notices?.();
      if (n.channel !== KEY_CHANNEL) return;
      if (!n.payload || n.payload === "*") on.all();
      else on.key(n.payload);
    });
    c.on("error", (e) => {
      on.error?.(e);
      retry(c);
    });
    c.on("end", () => retry(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${KEY_CHANNEL}`);
      await c.query(`LISTEN ${NOTICE_CHANNEL}`);
      client = c;
      delay = 250;
      on.all(); // anything cached before (re)connecting may have missed a notification
      on.notices?.();
    } catch (e) {
      on.error?.(e);
      retry(c);
    }
  }

  function retry(c: pg.Client): void {
    if (stopped || timer || (client && client !== c)) return;
    client = null;
    c.end().catch(() => {});
    on.all();
    on.notices?.();
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 10_000);
  }

  void connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
