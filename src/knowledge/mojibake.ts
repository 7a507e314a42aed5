import iconv from 'iconv-lite';

/** Sequences that only appear when UTF-8 bytes were decoded as Mac Roman (é -> √©, ’ -> ‚Äô, nbsp -> ¬†). */
const MOJIBAKE_MARKERS = /[√¬]|‚Ä|Ã[©¨®§´]/;

export function hasMojibake(text: string): boolean {
  return MOJIBAKE_MARKERS.test(text);
}

/**
 * Repairs text that was UTF-8 read as Mac Roman, line by line and only where a line is
 * actually corrupted; a repair that does not yield clean UTF-8 is discarded.
 */
export function repairMojibake(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!hasMojibake(line)) return line;
      const repaired = iconv.decode(iconv.encode(line, 'macintosh'), 'utf8');
      return repaired.includes('\uFFFD') || hasMojibake(repaired) ? line : repaired;
    })
    .join('\n');
}
