// Orders version folder names the way people read them: v1 < v2 < v10, 1.9 < 1.10,
// 2022-11-28 < 2023-01-05, and a pre-release (v2-beta, 2.0.0-rc.1) before its release.

const CHUNK = /(\d+)|(\D+)/g;

function chunks(s: string): (number | string)[] {
  return Array.from(s.toLowerCase().matchAll(CHUNK), (m) => (m[1] !== undefined ? Number(m[1]) : m[2]!));
}

/** Splits "2.0.0-rc.1" into ["2.0.0", "rc.1"]; a leading "v" or a date's dashes are not suffixes. */
function splitPrerelease(v: string): [string, string | null] {
  const m = /^(v?\d+(?:[.-]\d+)*)-([a-z].*)$/i.exec(v);
  return m ? [m[1]!, m[2]!] : [v, null];
}

function compareChunks(a: string, b: string): number {
  const ca = chunks(a);
  const cb = chunks(b);
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    const x = ca[i];
    const y = cb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return 1; // "v10" > "v-beta"
    if (typeof y === "number") return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: string, b: string): number {
  const [baseA, preA] = splitPrerelease(a);
  const [baseB, preB] = splitPrerelease(b);
  const base = compareChunks(baseA, baseB);
  if (base !== 0) return base;
  if (preA === preB) return a.localeCompare(b);
  if (preA === null) return 1;
  if (preB === null) return -1;
  return compareChunks(preA, preB);
}

/** Oldest first. */
export function sortVersions<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVersions(name(x), name(y)));
}
