// Small numeric helpers for the benchmark's summaries.

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (values: number[]) => percentile(values, 50);
export const min = (values: number[]) => (values.length ? Math.min(...values) : NaN);
export const max = (values: number[]) => (values.length ? Math.max(...values) : NaN);
export const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: max(values) };
}
