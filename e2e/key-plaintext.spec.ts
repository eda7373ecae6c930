// SEC-B2: a key's plaintext appears nowhere but in the response that created it. A developer
// creates an app and a key in the browser; then every later page and API answer, a dump of the
// whole database, the portal's log output, the Next.js build and cache directory, the data
// directory and the audit table are searched for the plaintext and its hex, base64 and base64url
// encodings. The stored value must be the SHA-256 that lib/keys/format.ts documents.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { createKeyInBrowser } from "./support/keys";
import { signInByEmail } from "./support/sign-in";
import { PORTAL_DATA_DIR, PORTAL_LOG, PORTAL_URL } from "./support/test-servers";

/** The four spellings a careless log line, cache entry or column could hold. */
function needles(secret: string): { name: string; bytes: Buffer }[] {
  const raw = Buffer.from(secret, "utf8");
  return [
    { name: "plaintext", bytes: raw },
    { name: "hex", bytes: Buffer.from(raw.toString("hex")) },
    { name: "hex (upper case)", bytes: Buffer.from(raw.toString("hex").toUpperCase()) },
    { name: "base64", bytes: Buffer.from(raw.toString("base64")) },
    { name: "base64url", bytes: Buffer.from(raw.toString("base64url")) },
  ];
}

/** Which spellings of the secret `data` contains. */
function hits(data: Buffer, secret: string): string[] {
  return needles(secret)
    .filter((n) => data.includes(n.bytes))
    .map((n) => n.name);
}

/** Every file under `dir` (following no links), with its size. */
function filesUnder(dir: string): { file: string; size: number }[] {
  const out: { file: string; size: number }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push({ file: p, size: fs.statSync(p).size });
    }
  };
  walk(dir);
  return out;
}

/** Files under `dir` holding any spelling of the secret; fails if the directory is empty. */
function searchDir(dir: string, secret: string): { files: number; bytes: number; found: string[] } {
  const files = filesUnder(dir);
  expect(files.length, `${dir} has files to search`).toBeGreaterThan(0);
  const found: string[] = [];
  let bytes = 0;
  for (const f of files) {
    let data: Buffer;
    try {
      data = fs.readFileSync(f.file);
    } catch {
      continue; // removed while we walked (a cache file replaced atomically)
    }
    bytes += data.length;
    const h = hits(data, secret);
    if (h.length) found.push(`${f.file}: ${h.join(", ")}`);
  }
  return { files: files.length, bytes, found };
}

/**
 * A real dump of all data: pg_dump on DATABASE_URL; on the embedded database (which pg_dump cannot
 * read), every row of every table in every schema through SQL (e2e/support/sql-dump.ts).
 */
function dumpDatabase(file: string): { how: string; text: Buffer } {
  const url = process.env.DATABASE_URL;
  if (url) {
    execFileSync("pg_dump", ["--no-owner", "--file", file, url], { stdio: ["ignore", "ignore", "pipe"] });
    return { how: "pg_dump", text: fs.readFileSync(file) };
  }
  const out = execFileSync("npx", ["tsx", "e2e/support/sql-dump.ts", file], {
    env: { ...process.env, DATA_DIR: PORTAL_DATA_DIR, PORT: new URL(PORTAL_URL).port, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  const [tables, rows] = out.trim().split(/\s+/).map(Number);
  expect(tables, "tables in the SQL dump").toBeGreaterThan(20);
  expect(rows, "rows in the SQL dump").toBeGreaterThan(0);
  return { how: `SQL dump of the embedded database (${tables} tables, ${rows} rows)`, text: fs.readFileSync(file) };
}

/** The rows of public.<table> in either dump: pg_dump's COPY block, or the SQL dump's section. */
function tableRows(dump: string, table: string): string[] {
  const lines = dump.split("\n");
  const copy = lines.findIndex((l) => l.startsWith(`COPY public."${table}" `));
  const section = lines.indexOf(`-- "public"."${table}"`);
  const start = copy >= 0 ? copy : section;
  expect(start, `${table} in the dump`).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l === "\\." || l.startsWith("-- ")) break;
    rows.push(l);
  }
  return rows;
}

test("SEC-B2: a key's plaintext is in the creating response only, not in pages, APIs, database, logs or caches", async ({ page }, info) => {
  // Server-side sources are the same for both browsers: one run is enough.
  test.skip(info.project.name !== "desktop", "the server-side search does not depend on the browser");
  test.setTimeout(180_000);
  const email = `plaintext-${Date.now().toString(36)}@example.test`;
  await signInByEmail(page, email);

  await page.goto("/account/apps");
  await page.getByLabel("Name").fill("Plaintext probe");
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page).toHaveURL(/\/account\/apps\/app_[0-9A-Za-z]{20}$/);
  const appUrl = page.url();
  const appId = new URL(appUrl).pathname.split("/").pop()!;
  await page.locator('[data-api="weather"]').getByRole("button", { name: "Enable" }).click();
  await expect(page.locator('[data-api="weather"]').getByText("enabled")).toBeVisible();

  // The key, created in the browser (a server action's POST).
  const { created, secret } = await createKeyInBrowser(page, appUrl, "plaintext probe");
  expect(secret).toMatch(/^ptl_(live|test)_[0-9A-Za-z]{36}$/);
  expect(created.headers()["cache-control"]).toMatch(/no-store/);
  // Where the browser still has the streamed answer, it is the one place the secret is.
  const createdBody = await created.body().catch(() => null);
  if (createdBody) expect(hits(createdBody, secret)).toContain("plaintext");

  // From here on, every answer the browser receives is kept and searched.
  const later: Promise<{ url: string; body: Buffer | null }>[] = [];
  page.on("response", (r) => later.push(r.body().then((body) => ({ url: r.url(), body }), () => ({ url: r.url(), body: null }))));
  const pages: { what: string; html: string }[] = [];
  const snapshot = async (what: string) => pages.push({ what, html: await page.content() });

  await page.getByRole("button", { name: "Done, I have copied it" }).click();
  const masked = `${secret.slice(0, 9)}…${secret.slice(-4)}`;
  await expect(page.getByText(masked, { exact: true })).toBeVisible();
  await snapshot("app page after Done");
  await page.reload();
  await expect(page.getByText(masked, { exact: true })).toBeVisible();
  await snapshot("app page reloaded");
  const keyId = await page.locator("li[data-key-id]").filter({ hasText: secret.slice(-4) }).getAttribute("data-key-id");
  expect(keyId).toMatch(/^key_/);
  await page.goto(`/account/apps/${appId}/keys/${keyId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Usage of plaintext probe" })).toBeVisible();
  await snapshot("key detail page");
  await page.goto("/account/apps");
  await snapshot("app list");
  await page.goBack();
  await page.goBack();
  await expect(page.getByText(masked, { exact: true })).toBeVisible();
  await snapshot("app page after going back in history");

  const list = await page.request.get(`/api/v1/apps/${appId}/keys`);
  expect(list.status()).toBe(200);
  const listBody = await list.body();
  const listed = (JSON.parse(listBody.toString()) as { data: { id: string; last4: string }[] }).data;
  expect(listed.map((k) => k.id)).toContain(keyId);
  const rsc = await page.request.get(appUrl, { headers: { rsc: "1" } });
  const rscBody = await rsc.body();

  const bodies = (await Promise.all(later)).filter((b): b is { url: string; body: Buffer } => b.body !== null && b.body.length > 0);
  expect(bodies.length, "later answers with a body").toBeGreaterThan(5);
  const leaks: string[] = [];
  for (const b of [...bodies, { url: "GET /api/v1/apps/{appId}/keys", body: listBody }, { url: "RSC of the app page", body: rscBody }]) {
    const h = hits(b.body, secret);
    if (h.length) leaks.push(`response ${b.url}: ${h.join(", ")}`);
  }
  for (const p of pages) {
    expect(p.html.length).toBeGreaterThan(1000);
    const h = hits(Buffer.from(p.html), secret);
    if (h.length) leaks.push(`page (${p.what}): ${h.join(", ")}`);
  }

  // The database: the stored value is the key's SHA-256 (lib/keys/format.ts, hashSecret), and
  // neither the key nor any spelling of it is anywhere in a dump of all data.
  const sha256 = crypto.createHash("sha256").update(secret, "utf8").digest("hex");
  const dumpFile = info.outputPath("database.dump");
  const dump = dumpDatabase(dumpFile);
  test.info().annotations.push({ type: "database dump", description: `${dump.how}, ${dump.text.length} bytes` });
  expect(dump.text.includes(keyId!), "the dump holds the key's row").toBe(true);
  expect(dump.text.includes(sha256), "the key's row holds the SHA-256 of the key").toBe(true);
  for (const h of hits(dump.text, secret)) leaks.push(`database dump (${dump.how}): ${h}`);

  // The audit table, on its own: the key's creation is there, without the key.
  const auditRows = tableRows(dump.text.toString("utf8"), "AuditEvent");
  fs.writeFileSync(info.outputPath("audit.txt"), auditRows.join("\n"));
  expect(auditRows.some((l) => l.includes("key.created") && l.includes(keyId!)), "key.created audit entry for the key").toBe(true);
  for (const h of hits(Buffer.from(auditRows.join("\n")), secret)) leaks.push(`audit table: ${h}`);

  // The portal's own output (LOG_LEVEL debug, playwright.config.ts): it logged this run's requests.
  const logText = fs.readFileSync(PORTAL_LOG);
  expect(logText.length, `${PORTAL_LOG} captured the portal's output`).toBeGreaterThan(200);
  expect(logText.includes('"service":"portolan"'), "the log holds the portal's JSON lines").toBe(true);
  for (const h of hits(logText, secret)) leaks.push(`portal log: ${h}`);

  // Next's build output and cache (.next, incl. .next/cache) and the data directory on disk.
  for (const dir of [path.resolve(".next"), PORTAL_DATA_DIR]) {
    const r = searchDir(dir, secret);
    test.info().annotations.push({ type: "searched", description: `${dir}: ${r.files} files, ${r.bytes} bytes` });
    leaks.push(...r.found);
  }

  expect(leaks).toEqual([]);
});
