import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../adapters/slack/app.js';
import { COMMAND } from '../../adapters/slack/listeners/commands/webex-code.js';
import { DIAGNOSE_CALLBACK_ID } from '../../adapters/slack/listeners/shortcuts/diagnose-message.js';

describe('manifest/slack/manifest.yml', () => {
  const manifest = parse(readFileSync('manifest/slack/manifest.yml', 'utf8'));

  it('declares the scopes, events and command the listeners need, all on /slack/events', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'commands',
        'app_mentions:read',
        'chat:write',
        'channels:history',
        'groups:history',
        'im:history',
        'im:write',
      ]),
    );
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.channels', 'message.im']),
    );
    expect(manifest.features.slash_commands[0].command).toBe(COMMAND);
    for (const url of [
      manifest.features.slash_commands[0].url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ]) {
      expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});

describe('manifest/slack/manifest.yml for issue 14', () => {
  const manifest = parse(readFileSync('manifest/slack/manifest.yml', 'utf8'));
  it('declares the "Diagnostiquer ce message" shortcut, files:read and an enabled Messages tab', () => {
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({
        name: 'Diagnostiquer ce message',
        type: 'message',
        callback_id: DIAGNOSE_CALLBACK_ID,
      }),
    );
    expect(manifest.features.shortcuts[0].name.length).toBeLessThanOrEqual(24);
    expect(manifest.oauth_config.scopes.bot).toContain('files:read');
    expect(manifest.features.app_home).toMatchObject({
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
  });
});

describe('manifest/slack/manifest.yml for issue 24', () => {
  const manifest = parse(readFileSync('manifest/slack/manifest.yml', 'utf8'));
  it('lets the bot read who is in the experts’ channel, public or private, and receive modal submissions', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['channels:read', 'groups:read']),
    );
    // view_submission comes through interactivity, on the same path as every click.
    expect(manifest.settings.interactivity).toMatchObject({ is_enabled: true });
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(SLACK_EVENTS_PATH);
  });
});
