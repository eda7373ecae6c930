import Link from "next/link";
import { ApiCard } from "@/components/specs/api-card";
import { getViewer } from "@/lib/access/viewer";
import { visibleApis } from "@/lib/access/visibility";
import { getCatalog } from "@/lib/specs";

export const dynamic = "force-dynamic";

const PILLARS = [
  { title: "Read the reference", text: "Versioned references rendered from the OpenAPI descriptions the API teams publish, with a page for every operation." },
  { title: "Get access", text: "Keys for public APIs at once; partner and internal APIs after an administrator approves the request." },
  { title: "Hear about changes early", text: "Changelogs and deprecation notices with sunset dates, sent to the developers whose apps call what changes." },
];

export default async function Home() {
  const apis = visibleApis(await getViewer(), getCatalog().apis);
  return (
    <div className="mx-auto max-w-7xl px-4 sm:px-6">
      <section className="py-16 sm:py-20">
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">Everything you need to build on our APIs.</h1>
        <p className="mt-4 max-w-2xl text-lg text-fg-muted">
          References for every version, keys for your apps, and notice well before anything you rely on changes or goes away.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/apis" className="rounded-lg bg-accent px-4 py-2 font-medium text-accent-fg hover:opacity-90">Browse APIs</Link>
        </div>
      </section>
      <section aria-label="What the portal offers" className="grid gap-6 border-t border-border py-10 sm:grid-cols-3">
        {PILLARS.map((p) => (
          <div key={p.title}>
            <h2 className="font-semibold">{p.title}</h2>
            <p className="mt-1 text-sm text-fg-muted">{p.text}</p>
          </div>
        ))}
      </section>
      {apis.length > 0 && (
        <section aria-labelledby="featured" className="border-t border-border py-10">
          <h2 id="featured" className="text-xl font-semibold">APIs</h2>
          <div className="mt-5 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
            {apis.slice(0, 6).map((api) => (
              <ApiCard key={api.id} api={api} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
