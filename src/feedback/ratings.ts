import type { FeedbackEvent, HelpfulnessEvent } from './events.js';

/** The same rated reply, rated by the same person on the same platform. */
function keyOf(event: HelpfulnessEvent): string | undefined {
  return event.rating === undefined
    ? undefined
    : `${event.platform}\u0000${event.user ?? ''}\u0000${event.rating}`;
}

/**
 * The events with each rating once: a reason clicked after a "Pas utile" (a "not useful" with a
 * reason and the same `rating` as an earlier "not useful" of the same person) is that rating's reason,
 * not a second rating. The rating takes the reason (the last one given, when several were clicked)
 * and the reason's event is left out. A reason with no such rating in the events (its "Pas utile"
 * before the period, or dropped on its way to the store) still says the reply was not useful: it
 * counts as one rating, with its reason. Every other event is kept as it is, in its place.
 */
export function ratedOnce(events: readonly FeedbackEvent[]): FeedbackEvent[] {
  const kept: FeedbackEvent[] = [];
  /** Where the last "not useful" of each rated reply is in `kept`. */
  const notUseful = new Map<string, number>();
  for (const event of events) {
    const key = event.type === 'feedback' ? keyOf(event) : undefined;
    if (event.type !== 'feedback' || key === undefined || event.useful) {
      kept.push(event);
      continue;
    }
    const earlier = notUseful.get(key);
    const rated = earlier === undefined ? undefined : (kept[earlier] as HelpfulnessEvent);
    if (event.reason && rated) {
      kept[earlier as number] = { ...rated, reason: event.reason };
      continue;
    }
    notUseful.set(key, kept.length);
    kept.push(event);
  }
  return kept;
}
