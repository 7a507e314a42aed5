const HELP_WORDS = /^\s*(aide|help|\?|usage|menu|comment (ça|ca) marche)\s*[!?.]*\s*$/i;

export function isHelpRequest(text: string): boolean {
  return HELP_WORDS.test(text);
}
