// The `uc-triage` command as one bundle (with lazy chunks): loading ~60 small modules was most of
// the cold start of `uc-triage ask 200039`. Native modules and the Redis client stay external.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names are content hashes: without a clean folder, every build would leave its old chunks.
rmSync('dist/bin', { recursive: true, force: true });

await build({
  entryPoints: ['dist/adapters/cli.js'],
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'ioredis'],
  // Bundled CommonJS dependencies call require(): give the ESM bundle one.
  banner: {
    js: "import { createRequire as __ucCreateRequire } from 'node:module'; const require = __ucCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
