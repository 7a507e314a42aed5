import { describe, expect, it } from 'vitest';
import {
  caseOpeningOf,
  checklistOf,
  draftFromAnswer,
  fitDraft,
  MAX_DRAFT_JSON,
  parseCaseDraft,
} from '../../src/cases/draft.js';
import { realBot } from '../support/bot.js';

const bot = realBot();
const { kb } = bot;
const trees = new Map(bot.treeList.map((t) => [t.id, t]));
const draftOf = (q: string, entry?: string) => {
  const intent = bot.parser.parse(q);
  const hint = intent.products[0]?.product;
  return draftFromAnswer(
    kb,
    bot.ask(q),
    { codes: intent.codes.map((c) => c.code), ...(hint ? { productHint: hint } : {}) },
    entry,
  );
};

describe('the draft of an escalation', () => {
  it('of an answer: its entry, product, title, code and the question as summary', () => {
    expect(draftOf('200039')).toEqual({
      product: 'webex-broadworks',
      title:
        "200039 : Échec de la validation de l'e-mail en tant qu'emailId déjà utilisé dans une autre organisation",
      summary: '200039',
      path: [],
      codes: ['200039'],
      logLines: [],
      entry: 'webex-200039',
    });
  });

  it('of an "I don’t know": no entry, the product the text names, the log lines it pasted', () => {
    const draft = draftOf('webex: 2026-12-01 10:00:02 ERROR client crashed while sharing the screen');
    expect(draft.entry).toBeUndefined();
    expect(draft.product).toBe('webex-broadworks');
    expect(draft.logLines).toEqual([
      'webex: 2026-12-01 10:00:02 ERROR client crashed while sharing the screen',
    ]);
    expect(draftOf("l'imprimante du 3e étage est en panne").product).toBeNull();
  });

  it('stays within MAX_DRAFT_JSON whatever was pasted, keeping the title and the start of the summary', () => {
    const log = Array.from(
      { length: 60 },
      (_, i) => `2026-12-01 10:00:${String(i).padStart(2, '0')} ERROR ${'x'.repeat(280)}`,
    ).join('\n');
    const draft = fitDraft({
      product: 'webex-broadworks',
      title: 'T'.repeat(500),
      summary: log,
      path: Array.from({ length: 30 }, (_, i) => ({
        question: `Q${i} ${'?'.repeat(300)}`,
        answer: 'A'.repeat(200),
      })),
      codes: Array.from({ length: 40 }, (_, i) => String(100000 + i)),
      logLines: log.split('\n'),
    });
    expect(JSON.stringify(draft).length).toBeLessThanOrEqual(MAX_DRAFT_JSON);
    expect([...draft.title]).toHaveLength(150);
    expect(draft.summary.startsWith('2026-12-01 10:00:00 ERROR')).toBe(true);
  });

  it('read back from a form only when it is one, bounded again', () => {
    const draft = draftOf('200039');
    expect(parseCaseDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
    for (const forged of [
      null,
      [],
      { ...draft, title: 3 },
      { ...draft, path: [{ question: 'q' }] },
      { ...draft, codes: 'x' },
    ])
      expect(parseCaseDraft(forged), JSON.stringify(forged)).toBeNull();
    expect(
      [...(parseCaseDraft({ ...draft, summary: 's'.repeat(50_000) })?.summary ?? '')].length,
    ).toBeLessThanOrEqual(1000);
  });
});

describe('the checklist to collect', () => {
  it('outside a triage: the product’s, quoted from its entry (escalation.yaml)', () => {
    expect(checklistOf(kb, trees, draftOf('200039')).map((c) => c.item)).toEqual([
      "Identifiant de l'utilisateur : adresse e-mail CI ou UUID de l'utilisateur (il s'agit de l'identifiant Webex, mais si vous obtenez également l'identifiant BroadWorks de l'utilisateur, cela vous aidera)",
      "Identifiant de l'organisation",
      'Délai approximatif pendant lequel le problème est survenu',
      'Plateforme client et version',
      'Envoyer ou collecter les journaux du client',
      "Enregistrez l'ID de suivi s'il est affiché sur le client",
    ]);
  });

  it('only the lines of an entry that are information to collect, as the source writes them', () => {
    const items = checklistOf(kb, trees, {
      ...draftOf('callEndReason 487'),
      product: 'azure-communication-services',
    });
    expect(items.map((c) => c.item.replace(/\s/gu, ' ').slice(0, 16))).toEqual([
      'ID MS-CV : cet I',
      'ID d’appel : cet',
      'ID de message SM',
      'Journaux des app',
    ]);
    // The source's no-break space before the colon, not the YAML's plain one.
    expect(items[0]?.item).toContain('ID MS-CV\u00a0:');
    expect(items.every((c) => c.citation.includes('Obtenir de l’aide'))).toBe(true);
  });

  it('of a triage: its tree’s, whatever product the draft names', () => {
    const items = checklistOf(kb, trees, { ...draftOf('200039'), treeId: 'ucwa-events' });
    expect(items[0]?.citation).toContain('skype-ucwa-events.md');
  });

  it('none when the escalation names no product', () => {
    expect(checklistOf(kb, trees, draftOf("l'imprimante du 3e étage est en panne"))).toEqual([]);
  });

  it('opens with the answers in order, a blank one skipped, and the sources cited', () => {
    const opening = caseOpeningOf(
      kb,
      trees,
      { draft: draftOf('200039'), answers: ['jean@exemple.fr', '  ', 'hier 14 h'] },
      {
        conversation: { platform: 't', workspace: 'w', channel: 'c', thread: '1' },
        by: 'jean',
        language: 'fr',
      },
    );
    expect(opening.checklist.map((c) => c.answer)).toEqual([
      'jean@exemple.fr',
      null,
      'hier 14 h',
      null,
      null,
      null,
    ]);
    expect(opening.citations[0]).toContain("Codes d'erreur de l'utilisateur final");
    expect(opening.citations[1]).toContain('Quelles informations client collecter');
  });
});
