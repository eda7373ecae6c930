// /bench/empty: the JavaScript baseline of `npm run bench` (scripts/bench/js-bytes.ts). The
// benchmark compares the compressed JavaScript an operation page loads with what this page loads
// in the same build; the difference is what the docs pages add to the framework and the site
// chrome (root layout: header, theme toggle, footer). Keep it a heading and nothing else: any
// import here would hide that cost from the comparison. Not linked from anywhere, never indexed.
import type { Metadata } from "next";

export const metadata: Metadata = {
  title: "Empty page (benchmark baseline)",
  robots: { index: false, follow: false },
};

export default function BenchEmptyPage() {
  return <h1 className="mx-auto max-w-7xl px-4 py-10 text-2xl font-semibold sm:px-6">Empty page</h1>;
}
