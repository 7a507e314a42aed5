import { CATALOGUE } from '../text/catalogue.js';
import type { Language } from '../text/language.js';

/** Something the bot adds to its reply about guided triage. */
export type TriageNotice =
  | 'unavailable'
  | 'expired'
  | 'stale-choice'
  | 'not-understood'
  | 'switched-tree'
  | 'paused'
  | 'no-session'
  | 'choose-tree';

/** What each triage notice says, in the user's language (from the catalogue). */
export const NOTICES: Record<Language, Record<TriageNotice, string>> = {
  fr: CATALOGUE.fr.notices,
  en: CATALOGUE.en.notices,
};
