import type { SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { rerankSiblings } from '../../src/search/siblings.js';

const result = (id: string, score: number, terms: string[]): SearchResult => ({
  id,
  score,
  terms,
  queryTerms: terms,
  match: {},
});
const candidate = (id: string, score: number, terms: string[], title: string[]) => ({
  result: result(id, score, terms),
  titleTerms: new Set(title),
});

describe('rerankSiblings', () => {
  it('lets the only term that separates two siblings beat a lead built on shared words', () => {
    // Both match "synchro" and "annuaire" (A more strongly, in a shorter text); only B matches
    // "customerconfig", the word of the query that tells them apart.
    const ranked = rerankSiblings([
      candidate('A', 10, ['synchro', 'annuaire'], ['synchro', 'annuaire', 'activ', 'configset']),
      candidate(
        'B',
        9,
        ['synchro', 'annuaire', 'customerconfig'],
        ['synchro', 'annuaire', 'activ', 'customerconfig'],
      ),
    ]);
    expect(ranked.results.map((r) => r.id)).toEqual(['B', 'A']);
  });

  it('prefers the sibling whose title the query covers over one whose title says more', () => {
    const ranked = rerankSiblings([
      candidate('recovery', 10, ['mcu', 'dispon'], ['recuper', 'echec', 'connexion', 'mcu']),
      candidate('unavailable', 9.5, ['mcu', 'dispon'], ['mcu', 'dispon']),
    ]);
    expect(ranked.results[0]?.id).toBe('unavailable');
  });

  it('leaves a clear winner and weak candidates alone', () => {
    const ranked = rerankSiblings([
      candidate('strong', 10, ['a', 'b'], ['a', 'b']),
      candidate('weak', 2, ['c'], ['c']),
    ]);
    expect(ranked.results.map((r) => r.id)).toEqual(['strong', 'weak']);
  });
});
