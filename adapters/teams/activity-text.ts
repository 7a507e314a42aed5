import { TurnContext } from 'botbuilder';
import { parseJsonOrNull } from '../../src/index.js';

/** The text the user typed, without the bot's <at>mention</at> (and any other mention markup). */
export function questionText(context: TurnContext): string {
  const activity = context.activity;
  const withoutBot = activity.recipient
    ? (TurnContext.removeRecipientMention(activity) ?? activity.text)
    : activity.text;
  return (withoutBot ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of a Teams message body (HTML): line breaks kept, tags dropped, entities decoded. */
export function messageBodyText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(p|div|li|pre|tr|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of the cards attached to a message (the bot's own answers are Adaptive Cards). */
export function attachmentsText(attachments: { content?: unknown }[] | undefined): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
    for (const [key, value] of Object.entries(element)) if (key !== 'data') walk(value);
  };
  for (const attachment of attachments ?? []) {
    const content =
      typeof attachment.content === 'string' ? parseJsonOrNull(attachment.content) : attachment.content;
    walk(content);
  }
  return texts.join('\n');
}
