/**
 * `record[key]` only when `key` is the record's own property (never `__proto__`, `constructor`
 * or anything inherited): lookups by id in plain-data state go through this or a Map.
 */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  (Object.hasOwn(record, key) ? record[key] : undefined);
