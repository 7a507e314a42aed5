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
});
