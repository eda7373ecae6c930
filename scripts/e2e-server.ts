// The server Playwright tests against: `npm start` on a fresh data directory, so every run
// exercises the first start (migrations, seed, ingest) the way a new user meets it. Its specs
// folder is the demo specs plus APIs that are broken on purpose (e2e/broken-spec.spec.ts): a
// broken description must cost its own API only.
import fs from "node:fs";
import path from "node:path";

const dataDir = path.resolve(process.env.DATA_DIR ?? ".test-output/e2e-data");
fs.rmSync(dataDir, { recursive: true, force: true });

// Beside the data directory: Playwright runs two of these servers, each with its own.
const specsDir = `${dataDir}-specs`;
fs.rmSync(specsDir, { recursive: true, force: true });
fs.cpSync(path.resolve("specs"), specsDir, { recursive: true });
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(specsDir, rel)), { recursive: true });
  fs.writeFileSync(path.join(specsDir, rel), text);
};
write("broken/api.yaml", "name: Broken Demo API\nsummary: Its only version cannot be parsed.\nvisibility: public\n");
write("broken/v1/openapi.yaml", "openapi: 3.1.0\ninfo:\n  title: Broken\n  version: '1'\npaths:\n  /things:\n    get: [unclosed\n");
process.env.SPECS_DIR = specsDir;
// The second portal (playwright.config.ts, dev mailbox) keeps to its own embedded database.
if (process.env.E2E_OWN_DATABASE === "1") delete process.env.DATABASE_URL;

void import("../server/start");
