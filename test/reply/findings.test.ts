import { describe, expect, it } from 'vitest';
import { FINDINGS_IN_FULL, FINDINGS_LISTED, type ReplyView, type ViewBlock } from '../../src/reply/view.js';
import { realBot } from '../support/bot.js';
import { FORTY_TWO_CODES, pastedLog } from '../support/pasted-log.js';

/** How the core's view reports the findings of a pasted log, for every platform. */
const bot = realBot();
const viewOf = (text: string, options = {}) => {
  const answer = bot.ask(text);
  return bot.view({ kind: 'answer', language: 'fr', answer }, options);
};
const ofType = <T extends ViewBlock['type']>(view: ReplyView, type: T) =>
  view.blocks.filter((b): b is Extract<ViewBlock, { type: T }> => b.type === type);
const details = (view: ReplyView) =>
  ofType(view, 'choices').find((c) => c.label === 'Détails')?.buttons ?? [];

const SEVEN = [
  { product: 'skype-ucwa', code: '20017' },
  { product: 'webex-broadworks', code: '600001' },
  { product: 'azure-communication-services', code: '487' },
  { product: 'webex-broadworks', code: '200039' },
  { product: 'skype-ucwa', code: '20003' },
  { product: 'webex-broadworks', code: '200042' },
  { product: 'azure-communication-services', code: '480' },
];

describe('the findings of a pasted log', () => {
  it('reports every one of 7 codes: grouped by product, sorted by code, the first five in full, two in brief', () => {
    const view = viewOf(pastedLog(SEVEN, 12));
    expect(ofType(view, 'title')[0]?.text).toBe(
      '7 constats : Webex pour Cisco BroadWorks (3), Azure Communication Services (2), Skype Entreprise Server (2)',
    );
    const full = ofType(view, 'section').filter((s) => s.label.includes(' — '));
    expect(full.map((s) => s.label)).toEqual([
      'Webex pour Cisco BroadWorks — 200039',
      'Webex pour Cisco BroadWorks — 200042',
      'Webex pour Cisco BroadWorks — 600001',
      'Azure Communication Services — 480',
      'Azure Communication Services — 487',
    ]);
    expect(full).toHaveLength(FINDINGS_IN_FULL);
    expect(ofType(view, 'paragraph').map((p) => p.text)).toContain(
      '2 autres constats, en bref (Détails ci-dessous) :',
    );
    const brief = ofType(view, 'section').filter((s) => !s.label.includes(' — '));
    expect(brief).toEqual([
      {
        type: 'section',
        label: 'Skype Entreprise Server (UCWA)',
        text: '• 20003 — UCWA a rencontré une exception non\n• 20017 — AS MCU n’est pas disponible',
      },
    ]);
    expect(details(view).map((b) => b.label)).toEqual([
      'Webex pour Cisco BroadWorks 200039',
      'Webex pour Cisco BroadWorks 200042',
      'Webex pour Cisco BroadWorks 600001',
      'Azure Communication Services 480',
      'Azure Communication Services 487',
      'Skype Entreprise Server 20003',
      'Skype Entreprise Server 20017',
    ]);
  });

  it('opens each finding alone: its "Détails" names the finding, whole on its button', () => {
    const log = pastedLog(FORTY_TWO_CODES, 65);
    const findings = bot.ask(log).findings;
    const buttons = details(viewOf(log));
    expect(buttons.map((b) => (b.action.kind === 'pick' ? b.action.id : '')).sort()).toEqual(
      findings.map((f) => f.id).sort(),
    );
    for (const b of buttons) {
      expect(b.action).toMatchObject({ kind: 'pick', l: 'fr' });
      expect(b.text, b.label).toBeUndefined();
    }
  });

  it(`names the findings past ${FINDINGS_LISTED} by their codes, each answered when typed: none is dropped in silence`, () => {
    const all = bot.kb.entries.flatMap((e) =>
      e.kind === 'code' ? [{ product: e.product, code: e.code }] : [],
    );
    const unique = [...new Map(all.map((c) => [`${c.product}:${c.code}`, c])).values()];
    const view = viewOf(pastedLog(unique, unique.length));
    const findings = bot.ask(pastedLog(unique, unique.length)).findings;
    expect(findings.length).toBeGreaterThan(FINDINGS_LISTED);
    expect(details(view)).toHaveLength(FINDINGS_LISTED);
    const rest = ofType(view, 'paragraph').at(-1)?.text ?? '';
    expect(rest).toMatch(new RegExp(`^Et ${findings.length - FINDINGS_LISTED} autres : `));
    expect(rest).toMatch(/Tapez un code pour sa réponse complète\.$/);
    const shown = JSON.stringify(view.blocks);
    for (const f of findings) expect(shown, f.code).toContain(f.code);
  });
});
