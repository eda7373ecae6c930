// pglite-socket 0.2.17 serves many connections from one PGlite by queueing protocol messages one
// at a time, switching connections between any two messages unless a transaction is open. The
// extended query protocol sends Parse, Bind, Execute and Sync as separate messages and keeps the
// unnamed statement and portal in between, so two connections interleaving (two concurrent
// requests through a pool) fail with `portal "" does not exist` or, worse, run the other
// connection's statement. This replaces the queue's scheduler so a connection keeps PGlite from
// its first message until its Sync or simple Query (the end of a protocol unit), as well as while
// a transaction is open. Pinned to that version in package.json; tested in embedded-db.test.ts.
import type { PGlite } from "@electric-sql/pglite";

interface QueueItem {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(e: unknown): void;
  onData(data: Uint8Array): void;
}

interface QueueInternals {
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const FIRST_TYPE = 0x41; // message types are ASCII letters; a startup message starts with its length

/** True when the message closes a protocol unit, after which another connection may go. */
function endsUnit(message: Uint8Array): boolean {
  const type = message[0] ?? 0;
  return type === SYNC || type === QUERY || type === TERMINATE || type < FIRST_TYPE;
}

export function installUnitScheduler(queryQueue: unknown): void {
  const q = queryQueue as QueueInternals;
  if (!Array.isArray(q.queue) || typeof q.processQueue !== "function") {
    throw new Error("pglite-socket's queue changed shape; review server/pglite-protocol-queue.ts");
  }
  let midUnit = false;

  q.processQueue = async function processQueue(this: QueueInternals) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const pinned = this.lastHandlerId !== null && (midUnit || this.db.isInTransaction()) ? this.lastHandlerId : null;
        const index = pinned === null ? 0 : this.queue.findIndex((x) => x.handlerId === pinned);
        if (index === -1) break; // the pinned connection's next message has not arrived yet
        const item = this.queue.splice(index, 1)[0]!;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (e) {
          item.reject(e);
        }
        this.lastHandlerId = item.handlerId;
        midUnit = !endsUnit(item.message);
      }
    } finally {
      this.processing = false;
    }
  }.bind(q);

  // A connection that goes away mid-unit must not keep everyone else waiting.
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (q.lastHandlerId === handlerId && midUnit) {
      midUnit = false;
      void q.processQueue();
    }
  };
}
