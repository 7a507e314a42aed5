import type { Case, NewCase } from '../../src/cases/case.js';

/** A case as the form would open it, for store and state-machine tests; `over` changes any field. */
export function newCase(over: Partial<NewCase> = {}): NewCase {
  return {
    state: 'open',
    language: 'fr',
    product: 'webex-broadworks',
    title: '200039 : Échec de la validation de l’e-mail',
    summary: "l'utilisateur a l'erreur 200039 à l'activation",
    path: [],
    codes: ['200039'],
    logLines: [],
    checklist: [
      {
        item: "Identifiant de l'organisation",
        citation: 'Quelles informations client collecter',
        answer: 'ORG-42',
      },
    ],
    citations: ['Quelles informations client collecter'],
    conversation: { platform: 'slack', workspace: 'T1', channel: 'C1', thread: '1700000000.000100' },
    openedAt: '2026-12-01T09:00:00.000Z',
    openedBy: 'jean',
    history: [{ at: '2026-12-01T09:00:00.000Z', by: 'jean', action: 'open', from: null, to: 'open' }],
    ...over,
  };
}

/** The same, with a number: what a store returns. */
export function storedCase(id: number, over: Partial<NewCase> = {}): Case {
  return { id, ...newCase(over) };
}
