import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The README is the front door (issue 23): short, the two commands first, every page of docs/ linked. */
const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const lines = readme.trimEnd().split('\n');

describe('README', () => {
  it('stays within 200 lines, with the two commands in its first screen', () => {
    expect(lines.length).toBeLessThanOrEqual(200);
    const firstScreen = lines.slice(0, 24).join('\n');
    expect(firstScreen).toContain('npm ci && npm start');
    expect(firstScreen).toContain('npm ci && npm test');
  });

  it('links every page of docs/, and every link it makes to docs/ leads to a page', () => {
    const pages = readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.md'));
    for (const page of pages) expect(readme, page).toContain(`(docs/${page}`);
    for (const [, target] of readme.matchAll(/\]\((docs\/[^)#]+\.md)/g))
      expect(
        pages.map((p) => `docs/${p}`),
        String(target),
      ).toContain(target);
  });
});
