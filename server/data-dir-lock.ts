// One embedded database, one process: PGlite keeps its files under DATA_DIR/pglite and two
// processes writing them at once would corrupt them. The first `npm start` takes a lock file
// (its pid, created exclusively); a second one on the same DATA_DIR stops with a clear message.
// A lock left by a process that is gone (a crash, kill -9) is taken over.
import fs from "node:fs";

export class DataDirInUseError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`${lockFile} is held by process ${pid}: another \`npm start\` is using this DATA_DIR. Stop it, or give this one its own DATA_DIR.`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Locks this process holds (a lock file with our own pid is otherwise stale: in a container a
 * restarted portal often gets the same pid as the one that crashed). */
const heldHere = new Set<string>();

/** Takes the lock or throws DataDirInUseError; returns the release function. */
export function lockDataDir(lockFile: string): () => void {
  if (heldHere.has(lockFile)) throw new DataDirInUseError(lockFile, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      heldHere.add(lockFile);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(lockFile);
        // Only our own lock: never remove one another process took over.
        if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.rmSync(lockFile, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number(fs.readFileSync(lockFile, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) throw new DataDirInUseError(lockFile, holder);
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not take ${lockFile}`);
}
