/** At most this many examples or queries are listed per group. */
export const EXAMPLES = 5;

/** Items grouped by a key, in the order each key first appears. */
export function countBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The most frequent values first (ties alphabetically), each once. */
export function mostFrequent(values: string[], limit = EXAMPLES): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([v]) => v);
}
