// npm links the bins of dependencies, not the package's own: link `uc-triage` so that
// `npx uc-triage` and node_modules/.bin/uc-triage work in a checkout.
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';

const target = '../../dist/bin/cli.js';
const link = 'node_modules/.bin/uc-triage';
if (existsSync('node_modules')) {
  mkdirSync('node_modules/.bin', { recursive: true });
  rmSync(link, { force: true });
  symlinkSync(target, link);
  chmodSync('dist/bin/cli.js', 0o755);
}
