import { describe, expect, it } from 'vitest';
import { asksAboutCapability } from '../../src/intent/capability.js';
import { cleanMessage } from '../../src/intent/clean.js';
import { CodeReader } from '../../src/intent/codes.js';
import { ownApplicationOf } from '../../src/intent/elsewhere.js';
import { ProductDetector } from '../../src/intent/products.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/kb.js';
import { loadOverlays } from '../../src/knowledge/overlays.js';
import { compileVocabulary } from '../../src/knowledge/vocabulary.js';
import { detectLanguage } from '../../src/text/language.js';

// The code keywords come from the shared vocabulary (knowledge/overlays/vocabulary.yaml).
const reader = new CodeReader(compileVocabulary(loadOverlays(DEFAULT_KNOWLEDGE_DIR).vocabulary));
const extractCodes = (text: string) => reader.extract(text);
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
    ['erreur n°200039', ['200039']],
    ['les 200039 de ce matin sont résolus ?', ['200039']],
    ['the 487 errors keep coming back', ['487']],
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
    expect(extractCodes('errorCode 200047')[0]?.form).toBe('explicit');
    // Whole words only: "livraison" does not end with the keyword "raison".
    expect(extractCodes('bon de livraison 200049')[0]?.form).toBe('bare');
    expect(extractCodes('vu 4242 hier sur le poste')[0]?.form).toBe('bare');
  });

  it.each([
    ['ERR200047', ['200047']],
    ['errorCode:200047', ['200047']],
    ['ERROR(600006): sync threads busy', ['600006']],
    ['code600003, relancé', ['600003']],
    ['event20017;', ['20017']],
  ])('reads a code glued to its keyword or to punctuation: %s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it.each([
    'on a 480 utilisateurs sur le tenant',
    'run 77 of 120 finished',
    'les codes 200010 à 200054 sont-ils documentés',
    'SIP sur le port 5061',
    'attempt 2/3 failed',
    '3 sur 120 postes',
    'réessayé au bout de 480 s',
    'pid 4242 restarted',
    '1500 abonnements de présence',
    'la facture 200045 est impayée',
    'réunion salle 20013 à 14h',
    'invoice #600003 overdue',
    'commande n°200041 pour les écrans',
    'badge 20017 désactivé',
    'bureau 20019 : la prise réseau ne marche pas',
    "contrat 200046 avec l'opérateur",
    'devis n°600010 pour le câblage',
    'the new employee 20024 has no email account yet',
    "étage 3, poste 20015 : le téléphone ne s'allume plus",
    'réf. 200042 du bon de livraison',
    'the 403 meeting rooms need new webcams',
    'nos 480 postes seront renouvelés',
  ])('does not take a number mentioned in passing as a code: %s', (text) => {
    expect(codes(text)).toEqual([]);
  });

  it.each([
    ['UCWA 20008 x 312 sur FE01', ['20008']],
    ['600003 ×12 cette nuit', ['600003']],
    ['PhoneListSync ENT-77 status 600018 users=0/87', ['600018']],
    ['sync result 600001 contacts: 0', ['600001']],
    ['[PhoneListSync] ENT-301 code 600017 users 120/130 ok', ['600017']],
    ['PhoneListSync ENT-4410 result=600019 contacts 0/820', ['600019']],
    ['UCWA-20013 sur FE-02', ['20013']],
    ['ERR-200047', ['200047']],
  ])('reads the code, not its count or a field named like a unit: %s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('flags 3-digit numbers presented as HTTP or SIP statuses, not callEndReason codes', () => {
    expect(extractCodes('trunk: 503 Service Unavailable')[0]?.status).toBe(true);
    expect(extractCodes('HTTP/1.1 500 Internal Server Error')[0]?.status).toBe(true);
    expect(extractCodes('status=400')[0]?.status).toBe(true);
    expect(extractCodes('callEndReason 480')[0]?.status).toBeUndefined();
    expect(extractCodes('erreur 200039 -> 409')[0]?.status).toBeUndefined();
  });
});

describe('ownerOf', () => {
  const owner = (text: string) => {
    const mention = extractCodes(text)[0];
    return mention && reader.ownerOf(text, mention);
  };
  it.each([
    ["Sage : erreur 20027 à l'ouverture du dossier", 'Sage'],
    ['Exchange event 20011 on the transport server', 'Exchange'],
    ['Jabber error 200039 at login', 'Jabber'],
  ])('reads the code of %j as a code of %s', (text, name) => {
    expect(owner(text)).toBe(name);
  });

  it.each([
    'Event Viewer: Event ID 20013',
    'Windows event 20013 on FE01',
    'Erreur 200039 au login',
    'sync #5521 status FAILED code 600024',
    'Sync KO: code=600013',
    '[PhoneListSync] ENT-301 code 600017',
    '200039 chez un client',
  ])('reads no other system in %j', (text) => {
    expect(owner(text)).toBeUndefined();
  });
});

describe('ownApplicationOf', () => {
  it.each([
    ['notre appli de notes de frais refuse la connexion SSO', 'notre appli'],
    ['our expense tool rejects SAML logins', 'our expense tool'],
    ['notre nouvel outil de ticketing est lent', 'notre nouvel outil'],
  ])('reads %j as about an application of the organisation', (text, words) => {
    expect(ownApplicationOf(text)).toBe(words);
  });

  it.each([
    'your client app does not get the message',
    'notre application cliente ne reçoit pas le message',
    'our calling app drops calls',
    'our Webex app crashes at sign-in',
    "l'application Webex plante",
  ])("does not read the sources' own clients in %j as one", (text) => {
    expect(ownApplicationOf(text)).toBeUndefined();
  });
});

describe('asksAboutCapability', () => {
  it.each([
    'Can ACS do video calls with more than 350 participants?',
    'ACS : combien coûte un SMS vers la Belgique ?',
    "Webex : est-ce qu'on peut flouter l'arrière-plan ?",
    'peut-on transcrire les appels en direct ?',
    'is there a dark mode in the Webex app?',
    "what does the 'Do not disturb' button do in the Webex app?",
    'à quoi sert le bouton Self Care ?',
    "quelle est la différence entre UCWA et l'API Graph ?",
    'on a 20 000 utilisateurs sur le tenant, combien de licences Webex faut-il ?',
    'la version 20.11.2 du client est-elle supportée ?',
    'is Linux supported by the Webex app?',
  ])('reads %j as a question about what a product can do', (text) => {
    expect(asksAboutCapability(text)).toBe(true);
  });

  it.each([
    "users can't join the IM MCU",
    'Webex : impossible de rejoindre le MCU',
    'comment réinitialiser la base Webex ?',
    'ACS call ended with 487',
    'what does event 20025 mean on the Skype server',
  ])('does not read the problem report %j as one', (text) => {
    expect(asksAboutCapability(text)).toBe(false);
  });
});

describe('ProductDetector', () => {
  const detector = new ProductDetector(
    loadOverlays(DEFAULT_KNOWLEDGE_DIR).products,
    loadOverlays(DEFAULT_KNOWLEDGE_DIR).outOfScope,
  );
  const ids = (text: string) => {
    const found = detector.detect(text);
    return { products: found.products.map((p) => p.product), outOfScope: found.outOfScope.map((o) => o.id) };
  };

  it('reads the longest name: "Webex Meetings" is out of scope although "Webex" is covered', () => {
    expect(ids('Webex Meetings : erreur au démarrage')).toEqual({
      products: [],
      outOfScope: ['cisco-other'],
    });
  });

  it('keeps "Webex Teams" (an old name of the Webex app) in scope although "Teams" is not', () => {
    expect(ids('le client Webex Teams ne se connecte pas')).toEqual({
      products: ['webex-broadworks'],
      outOfScope: [],
    });
    expect(ids('le client Teams ne se connecte pas').outOfScope).toEqual(['microsoft-teams']);
  });

  it('does not take "Azure Functions" for Azure Communication Services', () => {
    expect(ids('Azure Functions timeout')).toEqual({
      products: [],
      outOfScope: ['microsoft-365-and-azure-other'],
    });
    expect(ids('Azure Communication Services timeout').products).toEqual(['azure-communication-services']);
  });

  it('tells a product named from a product only hinted at', () => {
    const [skype] = detector.detect('présence bloquée').products;
    expect(skype).toMatchObject({ product: 'skype-ucwa', named: false });
    expect(detector.detect('Skype présence bloquée').products[0]).toMatchObject({ named: true });
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

  it('cleans 120k characters of unclosed markup in well under a second (one user must not stall the process)', () => {
    expect(cleanMessage('<#C1|général> et <@U1|bob> voir <https://x.example|ici>')).toBe(
      '#général et voir ici',
    );
    // Each of these took seconds (6 s for '<http:'): the patterns read to the end from every '<'.
    for (const unit of ['<http:', '<https://a|', '<@U1|', '<#C1|', '<!here|', '<at>']) {
      const text = unit.repeat(Math.ceil(120_000 / unit.length));
      const started = performance.now();
      expect(cleanMessage(text).length).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(1000);
    }
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
