// The baseline of `uc-triage ask 200039`'s cold start (issue 15): the least a process can do to
// answer a code from the build caches: read them, load the MiniSearch index, find the code.
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';

const dist = new URL('../dist/', import.meta.url);
const kb = JSON.parse(readFileSync(new URL('knowledge-base.json', dist), 'utf8'));
const cached = JSON.parse(readFileSync(new URL('search-index.json', dist), 'utf8'));
MiniSearch.loadJSON(cached.index, { fields: ['title', 'keywords', 'path', 'text'] });
const hit = kb.entries.find((e) => e.code === '200039');
process.stdout.write(`${JSON.stringify({ query: '200039', answered: true, results: [hit] })}\n`);
