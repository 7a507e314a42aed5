import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../adapters/logger.js';
import {
  fileOrigins,
  MAX_ATTACHED_BYTES,
  readAttachedText,
  type SlackFile,
} from '../../../adapters/slack/attached-files.js';

/** Production's allowlist (no SLACK_API_URL): fetch is faked, so every request it would make is seen. */
const requests: { url: string; authorization: string | null }[] = [];
function fakeSlack(routes: Record<string, () => Response>) {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    requests.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    const route = routes[url];
    return route ? route() : new Response('not found', { status: 404 });
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  requests.length = 0;
});

const read = (files: SlackFile[]) =>
  readAttachedText(files, { token: 'xoxb-t', origins: fileOrigins(), logger: createLogger('silent') });
const log = (url: string, size = 20): SlackFile => ({
  name: url.split('/').pop() ?? 'f',
  mimetype: 'text/plain',
  size,
  url_private_download: url,
});

describe('attached files in production', () => {
  it('fetches https://files.slack.com with the token', async () => {
    const url = 'https://files.slack.com/files-pri/T1-F1/download/a.log';
    fakeSlack({ [url]: () => new Response('Event ID 20017\n') });
    expect(await read([log(url)])).toEqual({ text: 'Event ID 20017\n', unread: [] });
    expect(requests).toEqual([{ url, authorization: 'Bearer xoxb-t' }]);
  });

  it('never fetches http://, look-alike hosts, other ports or URLs with credentials', async () => {
    fakeSlack({});
    const urls = [
      'http://files.slack.com/files-pri/T1-F1/download/a.log',
      'https://files.slack.com.evil.example/files-pri/T1-F1/b.log',
      'https://evil.example/files.slack.com/c.log',
      'https://files.slack.com:8443/files-pri/T1-F1/d.log',
      'https://user:pw@files.slack.com/files-pri/T1-F1/e.log',
      'not a url',
    ];
    const result = await read(urls.map((u) => log(u)));
    expect(requests).toEqual([]);
    expect(result.unread).toHaveLength(urls.length);
  });

  it('does not follow a redirect off files.slack.com, and takes the token nowhere else', async () => {
    const url = 'https://files.slack.com/files-pri/T1-F1/download/a.log';
    fakeSlack({
      [url]: () =>
        new Response(null, { status: 302, headers: { location: 'https://slack-edge.example/a.log' } }),
    });
    expect((await read([log(url)])).unread).toEqual(['a.log']);
    expect(requests.map((r) => r.url)).toEqual([url]);
  });

  it('reads only files declared as text, with a declared size that fits the 1 MB left', async () => {
    const a = 'https://files.slack.com/files-pri/T1-F1/download/big.log';
    const b = 'https://files.slack.com/files-pri/T1-F2/download/small.log';
    fakeSlack({ [a]: () => new Response('x'), [b]: () => new Response('Event ID 20017') });
    const result = await read([
      null as never,
      { name: 'photo.png', mimetype: 'image/png', size: 10, url_private: a },
      { name: 'odd.log', mimetype: 42, filetype: ['text'], size: 10, url_private: a } as never,
      log(a, MAX_ATTACHED_BYTES + 1),
      { ...log(b), size: undefined },
      log(b, 14),
    ]);
    expect(result).toEqual({ text: 'Event ID 20017', unread: ['big.log', 'small.log'] });
    expect(requests.map((r) => r.url)).toEqual([b]);
  });
});
