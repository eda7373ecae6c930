import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-24 text-center sm:px-6">
      <p className="font-mono text-sm text-fg-muted">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-3 text-fg-muted">This page does not exist, or you do not have access to it.</p>
      <Link href="/apis" className="mt-6 inline-block rounded-lg bg-accent px-4 py-2 font-medium text-accent-fg hover:opacity-90">
        Browse APIs
      </Link>
    </div>
  );
}
