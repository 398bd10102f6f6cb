import { largest, percentile, round, smallest } from './report';

/** A figure over several repetitions: every value, the median and the range, and how to print it. */
export interface Spread { values: number[]; median: number; min: number; max: number; text: string }

/** Median and min–max of repeated measurements (at least three for a figure the docs quote). */
export function spread(values: number[], digits = 1): Spread {
  const v = values.map((x) => round(x, digits));
  const median = round(percentile(v, 50), digits);
  const min = smallest(v);
  const max = largest(v);
  return { values: v, median, min, max, text: `${median} [${min}–${max}] over ${v.length}` };
}
