import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buttonLabel, MAX_BUTTON_LABEL } from '../../src/reply/button-label.js';
import { expectMeaningfulLabel } from '../support/button-labels.js';

describe('a button label', () => {
  it('is the whole text when it fits', () => {
    expect(buttonLabel('403 : Interdit')).toBe('403 : Interdit');
    expect(buttonLabel('x'.repeat(MAX_BUTTON_LABEL))).toBe('x'.repeat(MAX_BUTTON_LABEL));
  });

  it('is cut after a whole word, without a dangling separator', () => {
    expect(buttonLabel('Azure Communication Services : 403 : Interdit / Échec de l’authentification.')).toBe(
      'Azure Communication Services : 403 : Interdit…',
    );
    expect(
      buttonLabel("L'adresse e-mail existe-t-elle déjà dans Common Identity (utilisateur déjà dans CI) ?"),
    ).toBe("L'adresse e-mail existe-t-elle déjà dans Common…");
    // The word that ends right at the limit is kept.
    expect(buttonLabel(`${'a'.repeat(40)} abcdef ghijkl`)).toBe(`${'a'.repeat(40)} abcdef…`);
  });

  it('cuts a text without spaces where it must', () => {
    expect(buttonLabel('x'.repeat(100))).toBe(`${'x'.repeat(MAX_BUTTON_LABEL - 1)}…`);
  });

  it('always fits and always stands for its text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const label = buttonLabel(text);
        expect([...label].length).toBeLessThanOrEqual(MAX_BUTTON_LABEL);
        if (label !== text) expect(label.endsWith('…') && text.startsWith(label.slice(0, -1))).toBe(true);
      }),
    );
    for (const text of ['Échecs de provisionnement des utilisateurs en réponse à Provisioning Bridge'])
      expectMeaningfulLabel(buttonLabel(text), text, MAX_BUTTON_LABEL);
  });
});
