import { describe, expect, it } from 'vitest';
import { cleanMessage } from '../../src/intent/clean.js';
import { extractCodes } from '../../src/intent/codes.js';
import { detectLanguage } from '../../src/intent/language.js';

const codes = (text: string) => extractCodes(text).map((m) => m.code);

describe('extractCodes', () => {
  it.each([
    ['200039', ['200039']],
    ['200 039', ['200039']],
    ['#200042', ['200042']],
    ['erreur 200039', ['200039']],
    ['callEndReason 480', ['480']],
    ['{ code: 490, subCode: 0 }', ['490']],
    ['callEndReason: {"code":491,"subCode":10003}', ['491']],
    ['Event ID: 20017', ['20017']],
    ['[Error 18215] Provisioning error', ['18215']],
    ['409 Conflict', ['409']],
    ['Erreur:200041', ['200041']],
    ['200.044', ['200044']],
  ])('finds the code in %s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('ignores dates, times, IP addresses, ports, versions and hex in log lines', () => {
    expect(
      codes(
        '2024-03-12T09:14:55.120Z 10.20.30.40:8443 host.example.com:5061 v1.19 0x70000476b000 code=200039',
      ),
    ).toEqual(['200039']);
  });

  it('marks numbers introduced by a keyword as explicit', () => {
    expect(extractCodes('erreur 777777')[0]?.form).toBe('explicit');
    expect(extractCodes('pid 4242 restarted')[0]?.form).toBe('bare');
  });
});

describe('cleanMessage', () => {
  it('removes Slack and Teams mentions and keeps link labels', () => {
    expect(cleanMessage('<@U123ABC> erreur 200039 <at>UC Triage</at>')).toBe('erreur 200039');
    expect(cleanMessage('voir <https://help.webex.com|le guide> &amp; <!here>')).toBe('voir le guide &');
  });

  it('drops control characters and replacement characters from binary input', () => {
    expect(cleanMessage('\u0000\u0001abc\ufffd\u0007 200039')).toBe('abc 200039');
  });
});

describe('detectLanguage', () => {
  it('defaults to French and recognises English questions', () => {
    expect(detectLanguage('200039')).toBe('fr');
    expect(detectLanguage("l'utilisateur ne voit pas l'icône")).toBe('fr');
    expect(detectLanguage('how do I collect Webex logs from the help desk')).toBe('en');
    expect(detectLanguage('user cannot sign in with SSO')).toBe('en');
  });
});
