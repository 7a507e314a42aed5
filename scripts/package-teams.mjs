// `npm run package:teams`: writes dist/uc-triage-teams.zip (manifest.json + icons) to upload to
// Teams (Apps > Manage your apps > Upload an app). The bot id comes from MicrosoftAppId.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { config } from 'dotenv';
import { crc32 } from './make-icons.mjs';

config({ quiet: true });
const appId = process.env.MicrosoftAppId;
if (!appId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
  console.error(
    'package:teams: set MicrosoftAppId (the Azure Bot app id, a GUID) in the environment or .env',
  );
  process.exit(1);
}

/** A zip archive with stored (uncompressed) entries: enough for a Teams app package. */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const manifest = readFileSync('manifest/teams/manifest.json', 'utf8').replaceAll('{{MicrosoftAppId}}', appId);
JSON.parse(manifest);
mkdirSync('dist', { recursive: true });
const out = 'dist/uc-triage-teams.zip';
writeFileSync(
  out,
  zip([
    ['manifest.json', Buffer.from(manifest, 'utf8')],
    ['color.png', readFileSync('manifest/teams/color.png')],
    ['outline.png', readFileSync('manifest/teams/outline.png')],
  ]),
);
console.log(`package:teams: wrote ${out}`);
