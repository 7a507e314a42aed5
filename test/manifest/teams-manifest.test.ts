import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const pngSize = (file: string) => {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};

describe('manifest/teams', () => {
  const manifest = JSON.parse(readFileSync('manifest/teams/manifest.json', 'utf8'));

  it('declares the bot in personal, team and group chat scopes with example commands', () => {
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0].commandLists[0].commands.length).toBeGreaterThan(0);
    for (const c of manifest.bots[0].commandLists[0].commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
  });

  it('ships a 192x192 color icon and a 32x32 outline icon', () => {
    expect(pngSize('manifest/teams/color.png')).toEqual([192, 192]);
    expect(pngSize('manifest/teams/outline.png')).toEqual([32, 32]);
  });

  it('packages the app with the bot id from MicrosoftAppId, and refuses without it', async () => {
    const run = promisify(execFile);
    const appId = '11111111-2222-3333-4444-555555555555';
    await run('node', ['scripts/package-teams.mjs'], { env: { ...process.env, MicrosoftAppId: appId } });
    const zip = readFileSync('dist/uc-triage-teams.zip');
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    const text = zip.toString('latin1');
    for (const name of ['manifest.json', 'color.png', 'outline.png']) expect(text).toContain(name);
    expect(text).toContain(`"botId": "${appId}"`);
    await expect(
      run('node', ['scripts/package-teams.mjs'], { env: { PATH: process.env.PATH, MicrosoftAppId: '' } }),
    ).rejects.toMatchObject({ code: 1 });
  });
});

describe('manifest/teams/manifest.json for issue 14', () => {
  it('declares the "Diagnostiquer ce message" message action', () => {
    const manifest = JSON.parse(readFileSync('manifest/teams/manifest.json', 'utf8'));
    const [command] = manifest.composeExtensions[0].commands;
    expect(command).toMatchObject({ id: 'diagnoseMessage', type: 'action', context: ['message'] });
    expect(command.title.length).toBeLessThanOrEqual(32);
    expect(manifest.composeExtensions[0].botId).toBe('{{MicrosoftAppId}}');
  });
});
