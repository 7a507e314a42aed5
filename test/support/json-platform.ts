import express, { type Express } from 'express';
import type { PlatformAdapter } from '../../adapters/platform.js';
import {
  type ConversationRef,
  decodeAction,
  encodeAction,
  type ReplyView,
  type TriageBot,
} from '../../src/index.js';

/**
 * A fourth platform in about fifty lines, to show the claim of docs/architecture.md's "Adding a platform":
 * a renderer of the core's view (here: plain JSON) and a transport (here: POST /json/messages).
 */
export interface JsonBlock {
  type: string;
  text?: string;
  label?: string;
  buttons?: { label: string; text?: string; value: string }[];
}

export function renderJson(view: ReplyView): { language: string; blocks: JsonBlock[] } {
  return {
    language: view.language,
    blocks: view.blocks.map((block) => {
      if (block.type === 'choices' || block.type === 'controls') {
        const buttons = block.buttons.map((b) => ({
          label: b.label,
          ...(b.text ? { text: b.text } : {}),
          value: encodeAction(b.action),
        }));
        return {
          type: block.type,
          ...('label' in block && block.label ? { label: block.label } : {}),
          buttons,
        };
      }
      if (block.type === 'section') return { type: block.type, label: block.label, text: block.text };
      return { type: block.type, ...('text' in block ? { text: block.text } : {}) };
    }),
  };
}

export function jsonPlatform(bot: TriageBot): PlatformAdapter {
  return {
    name: 'json',
    mount(server: Express) {
      server.post('/json/messages', express.json({ limit: '64kb' }), async (req, res) => {
        const { user, thread, text, button, private: isPrivate } = req.body ?? {};
        if (typeof user !== 'string' || typeof thread !== 'string') {
          res.status(400).json({ error: 'user and thread are required' });
          return;
        }
        const conversation: ConversationRef = { platform: 'json', workspace: user, channel: 'api', thread };
        const action = button === undefined ? undefined : decodeAction(button);
        if (button !== undefined && !action) {
          res.status(400).json({ error: 'unknown button' });
          return;
        }
        const reply = await bot.handle({
          conversation,
          text: typeof text === 'string' ? text : '',
          ...(action ? { action } : {}),
        });
        res.json({ kind: reply.kind, ...renderJson(bot.view(reply, { private: Boolean(isPrivate) })) });
      });
    },
    start: async () => {},
    stop: async () => {},
  };
}
