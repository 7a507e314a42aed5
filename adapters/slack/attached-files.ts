import type { Logger } from '../logger.js';

/** Text attached to a message is read up to this size, in all: the files' declared sizes must fit. */
export const MAX_ATTACHED_BYTES = 1_000_000;
/** Files of one message looked at (Slack attaches at most 10); the others are skipped. */
export const MAX_FILES = 10;
/** One file (its redirects included) is skipped when it takes longer than this. */
export const FILE_TIMEOUT_MS = 5000;
/** All the files of one message: whatever is not read by then is skipped, and the reply goes. */
export const FILES_DEADLINE_MS = 8000;
/** Downloads at once. */
export const FILE_CONCURRENCY = 3;
/** Redirects followed, each within the allowed origins. */
export const MAX_REDIRECTS = 3;
/** Where Slack serves the files of a workspace (url_private, url_private_download), with files:read. */
export const SLACK_FILE_ORIGIN = 'https://files.slack.com';

export interface SlackFile {
  name?: string;
  mimetype?: string;
  filetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

/** Text files Slack describes by their filetype rather than a text/ mimetype. */
const TEXT_FILETYPES = new Set([
  'text',
  'log',
  'csv',
  'json',
  'xml',
  'yaml',
  'yml',
  'javascript',
  'shell',
  'ini',
]);
/** A file entry of the payload that says it is text (a forged payload may hold anything). */
const isText = (f: unknown): f is SlackFile => {
  if (typeof f !== 'object' || f === null) return false;
  const { mimetype, filetype } = f as Record<string, unknown>;
  return (
    (typeof mimetype === 'string' && mimetype.startsWith('text/')) ||
    (typeof filetype === 'string' && TEXT_FILETYPES.has(filetype))
  );
};

/** Why a text file was not read. */
export type Unread =
  | 'no-size'
  | 'too-large'
  | 'not-on-slack'
  | 'redirected-off-slack'
  | 'too-many-redirects'
  | 'http-error'
  | 'timeout'
  | 'failed';

class FileNotRead extends Error {
  constructor(
    readonly why: Unread,
    readonly detail: string,
  ) {
    super(`${why}: ${detail}`);
  }
}

export interface AttachedText {
  /** The text of the files read, in the message's order. */
  text: string;
  /** Names of the text files that could not be read (the reply says so). */
  unread: string[];
}

/**
 * The origins files may be fetched from with the bot token: Slack's file host, and the origin of
 * SLACK_API_URL when it is set (a stub in tests, a proxy the operator chose: the token goes there
 * already). A URL elsewhere, over http, or with credentials in it is never fetched.
 */
export function fileOrigins(apiUrl?: string): Set<string> {
  return new Set([SLACK_FILE_ORIGIN, ...(apiUrl ? [new URL(apiUrl).origin] : [])]);
}

function parseUrl(raw: string, base?: URL): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

function allowedUrl(url: URL | null, origins: Set<string>): URL | null {
  return url && origins.has(url.origin) && !url.username && !url.password ? url : null;
}

/** The body, up to `cap` bytes: at the cap the rest is cancelled, whatever the server declared. */
async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  cap: number,
): Promise<{ bytes: Buffer; cut: boolean }> {
  if (!body) return { bytes: Buffer.alloc(0), cut: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: Buffer.concat(chunks, size), cut: false };
    const room = cap - size;
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, room));
      size += room;
      await reader.cancel();
      return { bytes: Buffer.concat(chunks, size), cut: true };
    }
    chunks.push(value);
    size += value.byteLength;
  }
}

const nameOf = (file: SlackFile) => (typeof file.name === 'string' ? file.name : 'file');

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One file, following redirects by hand: only to allowed origins, at most MAX_REDIRECTS, and the
 * token goes to the file's own origin only (a redirect to another allowed origin goes without it).
 */
async function download(
  url: URL,
  cap: number,
  options: { token: string; origins: Set<string>; signal: AbortSignal },
): Promise<{ bytes: Buffer; cut: boolean }> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const res = await fetch(current, {
      headers: current.origin === url.origin ? { authorization: `Bearer ${options.token}` } : {},
      redirect: 'manual',
      signal: options.signal,
    });
    if (REDIRECTS.has(res.status)) {
      await res.body?.cancel();
      const raw = res.headers.get('location');
      const location = raw ? parseUrl(raw, current) : null;
      const next = allowedUrl(location, options.origins);
      if (!next) throw new FileNotRead('redirected-off-slack', `to ${location?.host ?? 'nowhere'}`);
      if (hop >= MAX_REDIRECTS) throw new FileNotRead('too-many-redirects', `${MAX_REDIRECTS} followed`);
      current = next;
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new FileNotRead('http-error', `HTTP ${res.status}`);
    }
    return readCapped(res.body, cap);
  }
}

/** Runs `work` over `items`, at most `limit` at once, keeping the results in order. */
async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The text of a message's text files (files:read, bot token), bounded every way a payload could
 * abuse: only Slack's file hosts, only files declared as text and within MAX_ATTACHED_BYTES in all,
 * each read up to its declared size, FILE_CONCURRENCY at once, FILE_TIMEOUT_MS each and
 * FILES_DEADLINE_MS in all. What is skipped is logged (host and reason, never the token or URL).
 */
export async function readAttachedText(
  files: unknown,
  options: { token: string; origins: Set<string>; logger: Logger },
): Promise<AttachedText> {
  const textFiles = (Array.isArray(files) ? files : []).filter(isText);
  if (textFiles.length > MAX_FILES)
    options.logger.warn(
      { files: textFiles.length, read: MAX_FILES },
      'more attached files than Slack allows: the first ones only are read',
    );
  const unread: string[] = [];
  const skip = (file: SlackFile, why: Unread, host: string | undefined, detail?: string) => {
    unread.push(nameOf(file));
    options.logger.warn(
      { file: nameOf(file), host, why, detail },
      'attached file not read: diagnosing the rest of the message',
    );
  };
  const planned: { file: SlackFile; url: URL; cap: number }[] = [];
  let budget = MAX_ATTACHED_BYTES;
  for (const file of textFiles.slice(0, MAX_FILES)) {
    const raw = file.url_private_download ?? file.url_private;
    const parsed = typeof raw === 'string' ? parseUrl(raw) : null;
    const url = allowedUrl(parsed, options.origins);
    if (!url) {
      skip(file, 'not-on-slack', parsed?.host, parsed?.protocol);
      continue;
    }
    const size = file.size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
      skip(file, 'no-size', url.host);
      continue;
    }
    if (size > budget) {
      skip(file, 'too-large', url.host, `${size} bytes declared, ${budget} left`);
      continue;
    }
    budget -= size;
    planned.push({ file, url, cap: size });
  }
  const deadline = AbortSignal.timeout(FILES_DEADLINE_MS);
  const texts = await inPool(planned, FILE_CONCURRENCY, async ({ file, url, cap }) => {
    if (deadline.aborted) {
      skip(file, 'timeout', url.host);
      return '';
    }
    try {
      const signal = AbortSignal.any([deadline, AbortSignal.timeout(FILE_TIMEOUT_MS)]);
      const { bytes, cut } = await download(url, cap, { ...options, signal });
      if (cut)
        options.logger.warn(
          { file: nameOf(file), host: url.host, declared: cap },
          'attached file longer than declared: cut at its declared size',
        );
      return new TextDecoder('utf-8').decode(bytes);
    } catch (error) {
      if (error instanceof FileNotRead) skip(file, error.why, url.host, error.detail);
      else {
        const name = (error as { name?: string }).name;
        const timedOut = name === 'TimeoutError' || name === 'AbortError';
        skip(
          file,
          timedOut ? 'timeout' : 'failed',
          url.host,
          error instanceof Error ? error.message : undefined,
        );
      }
      return '';
    }
  });
  return { text: texts.filter((t) => t.trim()).join('\n'), unread };
}
