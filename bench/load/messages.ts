/** Events arrive in batches (`events`, one message per fan-out round); hand each on by its type. */
export function eachMessage(name: string, data: unknown, fn: (name: string, data: Record<string, unknown>) => void): void {
  if (name === 'events' && Array.isArray(data)) for (const e of data as Array<Record<string, unknown>>) fn(String(e.type), e);
  else fn(name, data as Record<string, unknown>);
}
