import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir } from "./data-dir-lock";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-lock-"));
const lockFile = path.join(dir, "pglite.lock");
afterEach(() => fs.rmSync(lockFile, { force: true }));

describe("lockDataDir", () => {
  it("refuses a second holder while the first process lives, naming it", async () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      fs.writeFileSync(lockFile, String(other.pid));
      expect(() => lockDataDir(lockFile)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(lockFile)).toThrow(new RegExp(`process ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  it("takes over the lock of a process that is gone, and releases only its own", async () => {
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((r) => gone.on("exit", r));
    fs.writeFileSync(lockFile, String(gone.pid));
    const release = lockDataDir(lockFile);
    expect(fs.readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
    // A lock taken over by someone else after ours is left alone.
    const again = lockDataDir(lockFile);
    fs.writeFileSync(lockFile, "999999999");
    again();
    expect(fs.readFileSync(lockFile, "utf8")).toBe("999999999");
  });
});
