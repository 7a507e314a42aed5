import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AC: any = require('adaptivecards/dist/adaptivecards.js');

/**
 * Problems of a card as Teams would meet them: parse events of the adaptivecards renderer
 * (unknown elements or properties), its validation events, and the limits Teams enforces.
 */
export function cardProblems(card: Record<string, any>): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validate: ${event.message}`);
  const [major, minor] = String(card.version).split('.').map(Number);
  if (card.type !== 'AdaptiveCard' || major !== 1 || (minor ?? 0) > 5)
    problems.push(`version ${card.version} is above 1.5`);
  if (JSON.stringify(card).length > 28_000) problems.push('card over 28 KB');
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    if (node.type === 'TextBlock' && (typeof node.text !== 'string' || node.text.length === 0))
      problems.push('TextBlock without text');
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && !node.title)
      problems.push(`${node.type} without a title`);
    for (const value of Object.values(node)) walk(value);
  };
  walk(card);
  return problems;
}
