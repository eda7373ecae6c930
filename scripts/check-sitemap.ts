// npx tsx scripts/check-sitemap.ts --base http://127.0.0.1:3000 [--concurrency N] [--timeout MS]
// Reads /sitemap.xml and the sitemaps it indexes, then fetches every operation and webhook page of
// every listed version: each must answer 200 with its method and path on the page, and every
// operation in a version's description must be listed. Prints counts and failures; exits 1 on any
// failure (2 on bad arguments). See scripts/lib/sitemap-check.ts.
import { checkSitemap } from "./lib/sitemap-check";

function arg(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  const base = arg("--base");
  const concurrency = Number(arg("--concurrency") ?? 2);
  const timeoutMs = Number(arg("--timeout") ?? 60_000);
  if (!base || !/^https?:\/\//.test(base) || !(concurrency >= 1) || !(timeoutMs >= 1)) {
    console.error("usage: npx tsx scripts/check-sitemap.ts --base http://127.0.0.1:PORT [--concurrency N] [--timeout MS]");
    process.exit(2);
  }
  let lastShown = 0;
  const report = await checkSitemap({
    base,
    concurrency,
    timeoutMs,
    onPage: (done, total) => {
      if (done === total || Date.now() - lastShown > 10_000) {
        lastShown = Date.now();
        console.log(`  ${done}/${total} pages`);
      }
    },
  });
  for (const f of report.failures.slice(0, 100)) console.log(`FAIL ${f.url}: ${f.reason}`);
  if (report.failures.length > 100) console.log(`… and ${report.failures.length - 100} more failures`);
  const seconds = report.ms / 1000;
  console.log(
    `${report.sitemaps} sitemaps, ${report.urls} URLs, ${report.versions} versions; ` +
      `${report.checked} operation/webhook pages checked (${report.operations} operations, ${report.webhooks} webhooks in the descriptions); ` +
      `${report.failures.length} failures; ${seconds.toFixed(1)} s (${(report.checked / Math.max(seconds, 0.001)).toFixed(1)} pages/s, concurrency ${concurrency})`,
  );
  process.exit(report.failures.length ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
