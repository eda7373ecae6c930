import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-border bg-bg-subtle">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-8 text-sm text-fg-muted sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Portolan — API reference, access and deprecation notices in one place.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/apis" className="hover:text-fg">APIs</Link>
          <a href="/healthz" className="hover:text-fg">Status</a>
        </nav>
      </div>
    </footer>
  );
}
