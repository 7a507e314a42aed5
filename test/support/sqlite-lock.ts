import { spawn } from 'node:child_process';
import { once } from 'node:events';

const root = new URL('../../', import.meta.url).pathname;

/** Run by a second process: takes the file's write lock (BEGIN IMMEDIATE), releases it when stdin ends. */
const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
process.stdin.resume();
process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
`;

export interface WriteLock {
  /** Commits the holder's empty transaction and waits for it to exit. */
  release(): Promise<void>;
}

/** Another process (as a backup tool or a sqlite3 shell would) holding the write lock of a SQLite file. */
export async function holdWriteLock(file: string): Promise<WriteLock> {
  const child = spawn(process.execPath, ['-e', HOLDER, file], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before locking`)));
  });
  return {
    release: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
