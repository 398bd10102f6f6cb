/** Percentiles and the summary table. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Dist { n: number; p50: number; p99: number; max: number }
export function dist(values: number[]): Dist {
  return { n: values.length, p50: round(percentile(values, 50)), p99: round(percentile(values, 99)), max: round(largest(values)) };
}

/** The largest value, NaN for none. A loop, not `Math.max(...values)`: a fan-out of 5,000 viewers × 60 rounds is 300,000 values, more arguments than the call stack takes. */
export function largest(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest value, NaN for none (a loop, as `largest`). */
export function smallest(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}

export const round = (v: number, digits = 1): number => (Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : v);

/** One line of the summary: a measured figure against its target and the same-run baseline. */
export interface Check {
  scenario: string;
  metric: string;
  measured: string;
  target: string;
  baseline: string;
  pass: boolean | null; // null: not applicable (e.g. the scenario broke)
  note?: string;
}

export function table(rows: Check[]): string {
  const head = ['scenario', 'metric', 'measured', 'target', 'baseline (same run)', 'result'];
  const cells = rows.map((r) => [r.scenario, r.metric, r.measured, r.target, r.baseline, r.pass === null ? 'ERROR' : r.pass ? 'PASS' : 'MISS']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
