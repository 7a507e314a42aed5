import type { SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/kb.js';
import { loadOverlays } from '../../src/knowledge/overlays.js';
import { compileVocabulary } from '../../src/knowledge/vocabulary.js';
import { CueReader } from '../../src/search/cues.js';
import { rerankSiblings } from '../../src/search/siblings.js';

// The failure and recovery words come from the shared vocabulary (knowledge/overlays/vocabulary.yaml).
const reader = new CueReader(compileVocabulary(loadOverlays(DEFAULT_KNOWLEDGE_DIR).vocabulary));
const cuesOf = (text: string) => reader.of(text);

const result = (id: string, score: number, terms: string[]): SearchResult => ({
  id,
  score,
  terms,
  queryTerms: terms,
  match: {},
});
const candidate = (id: string, score: number, terms: string[], title: string[], titleText = '') => ({
  result: result(id, score, terms),
  titleTerms: new Set(title),
  titleCues: cuesOf(titleText),
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

  it('lets the cues decide between siblings that share every search term', () => {
    const recovery = candidate(
      'recovery',
      10,
      ['recherch', 'contact', 'exchang'],
      ['recherch', 'contact', 'exchang'],
      "Récupération de l'échec de la recherche de contact dans Exchange",
    );
    const failure = candidate(
      'failure',
      9,
      ['recherch', 'contact', 'exchang'],
      ['recherch', 'contact', 'exchang'],
      "Impossible d'accéder Exchange pour la recherche de contact",
    );
    const ids = (query: string) =>
      rerankSiblings([recovery, failure], cuesOf(query)).results.map((r) => r.id);
    expect(ids('recherche de contacts Exchange en échec')).toEqual(['failure', 'recovery']);
    expect(ids('recherche de contacts Exchange rétablie')).toEqual(['recovery', 'failure']);
  });
});

describe('the cues of a text', () => {
  it.each([
    ["Récupération de l'échec de la connexion au MCU AS", 'recovery'],
    ['on a récupéré la connexion au MCU', 'recovery'],
    ['back online after the outage', 'recovery'],
    ['photo depuis AD OK de nouveau', 'recovery'],
    ["la photo n'est toujours pas récupérée", 'failure'],
    ['impossible à récupérer depuis AD', 'failure'],
    ["Le MCU de données n'est pas disponible", 'failure'],
    ["users can't join", 'failure'],
    ["Initialisation d'UCWA", 'neutral'],
    ['synchro en cours pour le ConfigSet', 'neutral'],
  ])('reads the polarity of %j as %s', (text, polarity) => {
    expect(cuesOf(text).polarity).toBe(polarity);
  });

  it('reads quantifiers in both languages', () => {
    expect([...cuesOf('aucun cluster BroadWorks').quantifiers]).toEqual(['none']);
    expect([...cuesOf('no cluster is linked').quantifiers]).toEqual(['none']);
    expect([...cuesOf('pas de cluster rattaché').quantifiers]).toEqual(['none']);
    expect([...cuesOf('tous les contacts').quantifiers]).toEqual(['all']);
    expect([...cuesOf('plusieurs utilisateurs trouvés').quantifiers]).toEqual(['several']);
    expect([...cuesOf("synchro d'un seul utilisateur").quantifiers]).toEqual(['single']);
    expect([...cuesOf('réussite partielle').quantifiers]).toEqual(['partial']);
  });
});
