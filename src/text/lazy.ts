/** Values computed on first use: a process pays only for what it reads. */
/** A value computed on first use, then kept. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** An object whose every property is computed on first read, then kept. */
export function lazily<T extends object>(compute: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T;
  for (const key of Object.keys(compute) as (keyof T)[])
    Object.defineProperty(out, key, { enumerable: true, get: once(compute[key]) });
  return out;
}
