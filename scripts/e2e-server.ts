// The server Playwright tests against: `npm start` on a fresh data directory, so every run
// exercises the first start (migrations, seed, ingest) the way a new user meets it.
import fs from "node:fs";
import path from "node:path";

fs.rmSync(path.resolve(process.env.DATA_DIR ?? ".test-output/e2e-data"), { recursive: true, force: true });
void import("../server/start");
