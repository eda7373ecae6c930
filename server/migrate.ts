// Applies prisma/migrations with the Prisma CLI (`migrate deploy`: idempotent, takes an advisory
// lock, so several instances starting at once are safe).
import { spawn } from "node:child_process";
import path from "node:path";

export function migrateDeploy(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const bin = path.resolve("node_modules", ".bin", "prisma");
    const child = spawn(bin, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${out.trim()}`)),
    );
  });
}
