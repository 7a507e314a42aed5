import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { buildLibrary } from '../../src/app/build-library.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { answerJson } from '../../src/cli/ask.js';
import { renderText } from '../../src/reply/render-text.js';

let bot: TriageBot;
beforeAll(() => {
  bot = new TriageBot(buildLibrary());
});
const ids = (q: string) => bot.ask(q).results.map((r) => r.id);
const renderAnswerText = (answer: Answer) =>
  renderText(bot.view({ kind: 'answer', language: answer.language, answer })).text;

describe('scope: what the sources cover and what they do not', () => {
  it('answers a message about an uncovered system with an honest sentence and suggestions only', () => {
    const answer = bot.ask('Zoom Phone : appel entrant rejeté avec 603 Decline');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('out-of-scope');
    expect(answer.outOfScope).toEqual([{ id: 'zoom', label: 'Zoom' }]);
    expect(answer.results[0]?.id).toBe('acs-603');
    const text = renderAnswerText(answer);
    expect(text).toContain(
      'Je ne couvre que Webex pour Cisco BroadWorks, Azure Communication Services et Skype',
    );
    expect(text).toContain('votre message semble concerner Zoom');
    expect(text).toContain('Le code 603 existe dans Azure Communication Services');
  });

  it('says it in English to an English message', () => {
    const text = renderAnswerText(bot.ask('Twilio callback returned 404 for the voice webhook'));
    expect(text).toContain('I only cover Webex for Cisco BroadWorks, Azure Communication Services and Skype');
    expect(text).toContain('Code 404 exists in Azure Communication Services');
  });

  it('still answers when a covered product is named beside the uncovered one', () => {
    const answer = bot.ask('migration de Teams vers Webex : le portail renvoie 200039');
    expect(answer.answered).toBe(true);
    expect(answer.results[0]?.id).toBe('webex-200039');
    expect(bot.ask('Teams et Skype Entreprise : événement 20017').results[0]?.id).toBe('ucwa-20017');
  });

  it('still answers a code only the sources know, whatever else the message names', () => {
    const answer = bot.ask('le client Jabber a été remplacé, maintenant erreur 200042');
    expect(answer.answered).toBe(true);
    expect(answer.results[0]?.id).toBe('webex-200042');
  });

  it('extends the ask --json contract with reason and outOfScope, keeping the result fields', () => {
    const line = JSON.parse(answerJson(bot.ask('nginx 502 Bad Gateway sur le reverse proxy')));
    expect(line).toMatchObject({ answered: false, reason: 'out-of-scope' });
    expect(line.outOfScope[0].id).toBe('web-servers-and-proxies');
    expect(Array.isArray(line.results)).toBe(true);
    const answered = JSON.parse(answerJson(bot.ask('200039')));
    expect(answered.reason).toBeUndefined();
    expect(answered.outOfScope).toBeUndefined();
  });
});

describe('codes in context', () => {
  it('takes a protocol status with no product context for a suggestion, not an Azure answer', () => {
    const answer = bot.ask('le trunk répond 503 Service Unavailable');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('out-of-scope');
    expect(answer.results[0]?.id).toBe('acs-503');
    expect(renderAnswerText(answer)).toContain('statut HTTP ou SIP d’un autre système');
  });

  it('answers the same status as a callEndReason when Azure is in the message', () => {
    expect(bot.ask('ACS : 503 Service Unavailable').results[0]?.id).toBe('acs-503');
    expect(bot.ask('callEndReason 503').results[0]?.id).toBe('acs-503');
  });

  it('puts the product code before the HTTP status of the same line, and drops the status', () => {
    const answer = bot.ask('{"status":400,"errorCode":200050,"provisioningId":"abc"}');
    expect(answer.results[0]?.id).toBe('webex-200050');
    expect(ids('{"status":400,"errorCode":200050}')).not.toContain('webex-400');
    expect(bot.ask('HTTP/1.1 500 Internal Server Error body {"code":200013}').results[0]?.id).toBe(
      'webex-200013',
    );
  });

  it('keeps an explicit callEndReason of another product beside a Webex code', () => {
    expect(ids('errorCode 200039 puis callEndReason 487')).toEqual(
      expect.arrayContaining(['webex-200039', 'acs-487']),
    );
  });

  it('does not answer a number mentioned in passing', () => {
    const answer = bot.ask('on a 480 utilisateurs sur le tenant');
    expect(answer.results[0]?.id).not.toBe('acs-480');
    expect(answer.answered && answer.results[0]?.id === 'acs-480').toBe(false);
  });

  it('offers the known code one digit away as a lead only', () => {
    const answer = bot.ask('erreur 200038 au portail');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe('unknown-code');
    expect(answer.results.map((r) => r.id)).toContain('webex-200039');
  });
});

describe('technicians’ acronyms and the UCWA translation', () => {
  it.each([
    ["l'AV MCU n'est pas disponible", 'ucwa-20015'],
    ["impossible de rejoindre l'AV MCU", 'ucwa-20022'],
    ["l'IM MCU n'est pas disponible", 'ucwa-20013'],
    ['data MCU not available', 'ucwa-20019'],
    ['AS MCU unavailable', 'ucwa-20017'],
  ])('reads %s as the source’s wording (%s), shown verbatim', (q, id) => {
    const answer = bot.ask(q);
    expect(answer.answered).toBe(true);
    expect(answer.results[0]?.id).toBe(id);
  });

  it('shows the source text itself, not the acronym', () => {
    expect(bot.ask("l'AV MCU n'est pas disponible").results[0]?.title).toBe(
      '20015 : Le MCU antivirus n’est pas disponible',
    );
  });
});

describe('sibling codes', () => {
  it('lets the word that tells directory-sync codes apart decide (ConfigSet vs CustomerConfig)', () => {
    expect(bot.ask("la synchronisation d'annuaire n'est pas activée pour le ConfigSet").results[0]?.id).toBe(
      'webex-600004',
    );
    expect(
      bot.ask("la synchronisation d'annuaire n'est pas activée pour le CustomerConfig").results[0]?.id,
    ).toBe('webex-600011');
  });
});
