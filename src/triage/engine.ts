import { foldText } from '../text/fold.js';
import { isQuestion } from './node.js';
import type { QuestionNodeT, TriageTree } from './tree.js';

/** One answered step of a guided triage. */
export interface TriageStepRecord {
  node: string;
  question: string;
  answer: string;
}

/** What a triage keeps between messages: pure data, stored as JSON in the session store. */
export interface TriageSession {
  treeId: string;
  node: string;
  history: TriageStepRecord[];
  /** Codes and log lines seen during the triage, for the escalation summary. */
  evidence: { codes: string[]; logLines: string[] };
  status: 'active' | 'finished';
  startedAt: number;
  updatedAt: number;
  /** The question the triage was started for: where it ends is recorded as the right answer to it. */
  origin?: string;
}

export type TriageControl = 'back' | 'restart' | 'stop' | 'escalate' | 'resume';

const CONTROLS: [TriageControl, RegExp][] = [
  ['back', /^(retour|precedent|revenir|back|go back|previous)$/],
  ['restart', /^(recommencer|redemarrer|reprendre depuis le debut|restart|start over)$/],
  ['stop', /^(stop|arreter|arrete|annuler|terminer|quitter|cancel|quit|end)$/],
  ['escalate', /^(escalader|escalade|escalate|escalation|faire remonter)$/],
  ['resume', /^(reprendre|continuer|resume|continue)$/],
];

/** A control word typed on its own ("retour", "recommencer", "stop", "escalader", "reprendre"). */
export function parseControl(text: string): TriageControl | null {
  const folded = foldText(text)
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [control, pattern] of CONTROLS) if (pattern.test(folded)) return control;
  return null;
}

/** "escalader" / "escalate" typed on its own: a terminal maps it to the escalation its last reply offers. */
export function asksToEscalate(text: string): boolean {
  return parseControl(text) === 'escalate';
}

const START =
  /^(?:triage|diagnostic|diagnostique|diagnose|troubleshoot|guide[- ]moi|guided triage|lancer le diagnostic)\b[\s:,-]*(.*)$/;

/** "triage", "diagnostic <symptôme>": a request to start a guided triage, with its symptom if any. */
export function parseStart(text: string): { symptom: string } | null {
  const match = START.exec(foldText(text));
  if (!match) return null;
  const folded = (match[1] ?? '').trim();
  if (!folded) return { symptom: '' };
  // The symptom as it was typed, its case and accents kept (the case summary shows it back): the
  // same last words of the message, when they fold to what was matched.
  const count = folded.split(' ').length;
  const typed = text.trim().split(/\s+/).slice(-count).join(' ');
  return { symptom: foldText(typed) === folded ? typed : folded };
}

export function newSession(
  tree: TriageTree,
  now: number,
  evidence?: TriageSession['evidence'],
  origin?: string,
): TriageSession {
  return {
    ...(origin ? { origin } : {}),
    treeId: tree.id,
    node: tree.start,
    history: [],
    evidence: evidence ?? { codes: [], logLines: [] },
    status: 'active',
    startedAt: now,
    updatedAt: now,
  };
}

export function currentQuestion(tree: TriageTree, session: TriageSession): QuestionNodeT | null {
  const node = tree.nodes[session.node];
  return node && isQuestion(node) ? node : null;
}

/** The step the user is at: 1 for the first question. */
export function stepNumber(session: TriageSession): number {
  return session.history.length + 1;
}

const phrase = (p: string) =>
  new RegExp(`(?:^|[^a-z0-9])${foldText(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^a-z0-9])`);

/**
 * Which option a typed answer picks: its number ("2"), its label, or one of its match phrases,
 * the longest phrase winning; null when nothing or several options match equally.
 */
export function matchOption(node: QuestionNodeT, text: string): number | null {
  const folded = foldText(text).trim();
  const number = /^(\d)[).]?$/.exec(folded);
  if (number) {
    const index = Number(number[1]) - 1;
    return index >= 0 && index < node.options.length ? index : null;
  }
  return phraseOption(node, folded, () => true);
}

/** Words that answer any question: in a symptom ("no calling icon") they answer none. */
const YES_NO = new Set(['oui', 'non', 'yes', 'no', 'si']);

/**
 * The option a symptom already gives ("diagnostic l'icône d'appel est absente" answers "does the
 * icon show?"): its label or a match phrase, as for a typed answer, but never a number, a yes or a
 * no, or a phrase of fewer than three letters ("la", "ad"): those answer a question, they do not
 * describe a problem.
 */
export function describedOption(node: QuestionNodeT, text: string): number | null {
  return phraseOption(node, foldText(text).trim(), (p) => p.length >= 3 && !YES_NO.has(p));
}

function phraseOption(
  node: QuestionNodeT,
  folded: string,
  usable: (phrase: string) => boolean,
): number | null {
  let best: { index: number; length: number } | null = null;
  let tie = false;
  node.options.forEach((option, index) => {
    for (const candidate of [option.label, ...option.match]) {
      const c = foldText(candidate);
      if (!usable(c)) continue;
      if (!phrase(c).test(folded)) continue;
      if (!best || c.length > best.length) {
        best = { index, length: c.length };
        tie = false;
      } else if (c.length === best.length && best.index !== index) {
        tie = true;
      }
    }
  });
  const found = best as { index: number; length: number } | null;
  return found && !tie ? found.index : null;
}

/** Answers the current question with an option: the session moves to that option's node. */
export function choose(tree: TriageTree, session: TriageSession, index: number, now: number): TriageSession {
  const node = currentQuestion(tree, session);
  const option = node?.options[index];
  if (!node || !option) return session;
  const next = tree.nodes[option.next];
  return {
    ...session,
    node: option.next,
    history: [...session.history, { node: session.node, question: node.question, answer: option.label }],
    status: next && isQuestion(next) ? 'active' : 'finished',
    updatedAt: now,
  };
}

/** One step back (undoes the last answer); at the first question it stays there. */
export function back(session: TriageSession, now: number): TriageSession {
  const last = session.history[session.history.length - 1];
  if (!last) return { ...session, updatedAt: now };
  return {
    ...session,
    node: last.node,
    history: session.history.slice(0, -1),
    status: 'active',
    updatedAt: now,
  };
}

export function restart(tree: TriageTree, session: TriageSession, now: number): TriageSession {
  return { ...newSession(tree, now, session.evidence), startedAt: session.startedAt };
}

export function isIdleExpired(session: TriageSession, now: number, idleMs: number): boolean {
  return now - session.updatedAt > idleMs;
}

/** Adds codes and log lines to the evidence, without duplicates and within bounds. */
export function withEvidence(session: TriageSession, codes: string[], logLines: string[]): TriageSession {
  const merged = {
    codes: [...new Set([...session.evidence.codes, ...codes])].slice(0, 20),
    logLines: [...new Set([...session.evidence.logLines, ...logLines])].slice(0, 20),
  };
  return { ...session, evidence: merged };
}
