import { describe, expect, it } from 'vitest';
import { MemoryState } from '../../src/state/shared-state.js';

describe('MemoryState', () => {
  it('sees a key once within its TTL, and again after it expired', async () => {
    let now = 0;
    const state = new MemoryState(() => now);
    expect(await state.firstSeen('ev1', 60)).toBe(true);
    expect(await state.firstSeen('ev1', 60)).toBe(false);
    now = 61_000;
    expect(await state.firstSeen('ev1', 60)).toBe(true);
    await state.remember('thread', 7 * 24 * 3600);
    expect(await state.recall('thread')).toBe(true);
  });

  it('forgets expired keys as new ones come, without scanning the live ones', async () => {
    let now = 0;
    const state = new MemoryState(() => now);
    for (let i = 0; i < 10_000; i++) await state.firstSeen(`old${i}`, 1);
    await state.remember('long', 3600);
    now = 2_000;
    await state.firstSeen('new', 1);
    expect(state.size).toBe(2);
    expect(await state.recall('long')).toBe(true);
  });

  it('keeps a key under its latest TTL when it is set again', async () => {
    let now = 0;
    const state = new MemoryState(() => now);
    await state.remember('k', 1);
    await state.remember('k', 100);
    now = 5_000;
    await state.firstSeen('other', 1);
    expect(await state.recall('k')).toBe(true);
  });

  it('keeps a value for its TTL, and at most a bounded number of them, the oldest dropped first', async () => {
    let now = 0;
    const state = new MemoryState(() => now, 3);
    await state.put('a', '1', 10);
    expect(await state.get('a')).toBe('1');
    now = 11_000;
    expect(await state.get('a')).toBeNull();
    for (const key of ['b', 'c', 'd', 'e']) await state.put(key, key, 60);
    expect(await state.get('b')).toBeNull();
    expect(await state.get('e')).toBe('e');
    expect(state.size).toBe(3);
    await state.put('c', 'again', 60);
    await state.put('f', 'f', 60);
    expect(await state.get('c')).toBe('again');
    expect(await state.get('d')).toBeNull();
  });
});
