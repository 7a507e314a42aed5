import { describe, expect, it } from 'vitest';
import { postOf } from '../../../adapters/teams/experts-channel.js';
import { reachOf } from '../../../adapters/teams/technician.js';
import { storedCase } from '../../support/cases.js';

const teamsCase = (expertsPost?: string) =>
  storedCase(7, {
    conversation: { platform: 'teams', workspace: 'tenant-1', channel: 'a:jean', thread: 'a:jean' },
    ...(expertsPost !== undefined ? { expertsPost } : {}),
  });

const technician = {
  type: 'personal',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  link: { url: 'https://teams.microsoft.com/l/chat/0/0?users=aad-jean', label: 'Discuter avec Jean' },
};

describe('how to reach a Teams case’s technician', () => {
  it('reads it from a card posted in the experts’ channel, as recorded before technician-only records', () => {
    const post = {
      channel: '19:experts@thread.tacv2',
      activity: '1700000000000',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      tenant: 'tenant-1',
      technician,
    };
    const c = teamsCase(`teams:${JSON.stringify(post)}`);
    expect(reachOf(c)).toEqual({ tenant: 'tenant-1', technician });
    expect(postOf(c)).toEqual(post);
  });

  it('reads a technician-only record (no card posted), which is no card post', () => {
    const c = teamsCase(`teams:${JSON.stringify({ tenant: 'tenant-1', technician })}`);
    expect(reachOf(c)).toEqual({ tenant: 'tenant-1', technician });
    expect(postOf(c)).toBeNull();
    const bare = teamsCase(`teams:${JSON.stringify({ technician: { serviceUrl: technician.serviceUrl } })}`);
    expect(reachOf(bare)).toEqual({ technician: { serviceUrl: technician.serviceUrl } });
  });

  it('finds none in nothing, another platform’s post or garbage, and keeps only well-formed parts', () => {
    const none = [
      undefined,
      'slack:C-EXPERTS:1700000000.000200',
      'teams:',
      'teams:{not json',
      'teams:null',
      'teams:[1,2]',
      'teams:"text"',
      'teams:{"tenant":"tenant-1"}',
      'teams:{"technician":"a:jean"}',
      'teams:{"technician":{"type":"personal"}}',
      'teams:{"technician":{"serviceUrl":42}}',
    ];
    for (const expertsPost of none) expect(reachOf(teamsCase(expertsPost)), String(expertsPost)).toBeNull();
    const odd = { tenant: 3, technician: { type: 1, serviceUrl: technician.serviceUrl, link: { url: 5 } } };
    expect(reachOf(teamsCase(`teams:${JSON.stringify(odd)}`))).toEqual({
      technician: { serviceUrl: technician.serviceUrl },
    });
  });
});
