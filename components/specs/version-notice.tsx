import Link from "next/link";
import type { CatalogVersion } from "@/lib/specs/model";

// The banner on every page of a version that is not the one to build on.
export function VersionNotice({ version, latestId, apiId }: { version: CatalogVersion; latestId: string | null; apiId: string }) {
  const newer = latestId && latestId !== version.id ? latestId : null;
  const toLatest = newer && (
    <>
      {" "}Use <Link className="font-medium underline" href={`/apis/${apiId}/${encodeURIComponent(newer)}`}>{newer}</Link> instead.
    </>
  );
  if (version.lifecycle === "deprecated") {
    return (
      <p role="note" className="mt-6 rounded-lg border border-warn/40 bg-warn-subtle px-4 py-3 text-sm">
        <strong className="font-semibold">This version is deprecated</strong>
        {version.deprecated && <> since {version.deprecated}</>}
        {version.sunset ? <> and stops working on <strong>{version.sunset}</strong>.</> : "."}
        {toLatest}
      </p>
    );
  }
  if (version.lifecycle === "retired") {
    return (
      <p role="note" className="mt-6 rounded-lg border border-danger/40 bg-danger-subtle px-4 py-3 text-sm">
        <strong className="font-semibold">This version is retired</strong>
        {version.sunset && <> since {version.sunset}</>}: calls to it no longer work.{toLatest}
      </p>
    );
  }
  if (version.lifecycle === "beta") {
    return (
      <p role="note" className="mt-6 rounded-lg border border-info/40 bg-info-subtle px-4 py-3 text-sm">
        <strong className="font-semibold">Beta:</strong> this version may still change in ways that break clients.
      </p>
    );
  }
  return null;
}
