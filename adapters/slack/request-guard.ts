import { isValidSlackRequest } from '@slack/bolt';
import type { NextFunction, Request, Response } from 'express';
import getRawBody from 'raw-body';
import type { Logger } from '../logger.js';
import { FORM_CALLBACK_ID } from './cases/modal.js';
import { DIAGNOSE_CALLBACK_ID } from './listeners/shortcuts/diagnose-message.js';

/** Slack payloads are small; anything bigger is refused before any parsing. */
export const SLACK_BODY_LIMIT = 1024 * 1024;
const MAX_FUTURE_SKEW_SECONDS = 5 * 60;

type Shape = 'routable' | 'ignored' | 'malformed';

/** What Bolt can route. Anything else is answered here, at once, instead of a 500 or a 3 s 404. */
export function classifySlackBody(raw: string, contentType: string | undefined): Shape {
  let body: unknown;
  try {
    if ((contentType ?? '').includes('application/json')) body = JSON.parse(raw);
    else {
      const form = new URLSearchParams(raw);
      if (form.has('ssl_check')) return 'routable';
      if (form.has('command')) return /^\/\S+$/.test(form.get('command') ?? '') ? 'routable' : 'malformed';
      const payload = form.get('payload');
      if (payload === null) return 'malformed';
      body = JSON.parse(payload);
    }
  } catch (error) {
    if (error instanceof SyntaxError) return 'malformed';
    throw error;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'malformed';
  const b = body as Record<string, unknown>;
  if (b.type === 'url_verification') return typeof b.challenge === 'string' ? 'routable' : 'malformed';
  if (b.type === 'event_callback') {
    const event = b.event as Record<string, unknown> | null | undefined;
    return typeof event === 'object' && event !== null && typeof event.type === 'string'
      ? 'routable'
      : 'malformed';
  }
  if (b.type === 'block_actions') {
    const user = b.user as Record<string, unknown> | null | undefined;
    const ok =
      Array.isArray(b.actions) &&
      b.actions.length > 0 &&
      typeof user === 'object' &&
      user !== null &&
      typeof user.id === 'string';
    return ok ? 'routable' : 'malformed';
  }
  if (b.type === 'message_action') {
    // The "Diagnostiquer ce message" shortcut: routed only with what its listener reads.
    const ok =
      b.callback_id === DIAGNOSE_CALLBACK_ID &&
      typeof (b.channel as { id?: unknown } | null)?.id === 'string' &&
      typeof (b.user as { id?: unknown } | null)?.id === 'string' &&
      typeof b.message === 'object' &&
      b.message !== null;
    return ok ? 'routable' : typeof b.callback_id === 'string' ? 'ignored' : 'malformed';
  }
  if (b.type === 'view_submission') {
    // The bot's forms (the case form, an expert's resolution): routed only with what their listener reads.
    const view = b.view as { callback_id?: unknown; private_metadata?: unknown } | null | undefined;
    const ok =
      typeof view === 'object' &&
      view !== null &&
      view.callback_id === FORM_CALLBACK_ID &&
      typeof view.private_metadata === 'string' &&
      typeof (b.user as { id?: unknown } | null)?.id === 'string';
    return ok ? 'routable' : typeof view?.callback_id === 'string' ? 'ignored' : 'malformed';
  }
  // Other Slack payloads (global shortcuts, view_closed, app_rate_limited...) are valid but unused: acknowledge them.
  return typeof b.type === 'string' ? 'ignored' : 'malformed';
}

/**
 * In front of Bolt on POST /slack/events: refuses oversized bodies (413) and timestamps from the
 * future (401, Bolt accepts them), and answers what Bolt cannot route (401 if unsigned, else
 * 400/200) so garbage never costs a 500 or a 3 s wait. Routable requests go on to Bolt, which
 * verifies the signature itself.
 */
export function slackRequestGuard(signingSecret: string, logger: Logger, now: () => number = Date.now) {
  return async (req: Request & { rawBody?: Buffer }, res: Response, next: NextFunction) => {
    const timestamp = Number(req.header('x-slack-request-timestamp'));
    if (Number.isFinite(timestamp) && timestamp > now() / 1000 + MAX_FUTURE_SKEW_SECONDS) {
      logger.warn({ timestamp }, 'Slack request with a timestamp from the future refused');
      res.status(401).json({ error: 'invalid_timestamp' });
      return;
    }
    let raw: Buffer;
    try {
      raw = await getRawBody(req, { limit: SLACK_BODY_LIMIT });
    } catch (error) {
      const status = (error as { status?: number }).status === 413 ? 413 : 400;
      // Read the rest (discarded) so the client gets the status instead of a reset connection.
      req.resume();
      res
        .set('connection', 'close')
        .status(status)
        .json({ error: status === 413 ? 'payload_too_large' : 'unreadable_body' });
      return;
    }
    req.rawBody = raw;
    const text = raw.toString('utf8');
    const shape = classifySlackBody(text, req.header('content-type'));
    if (shape === 'routable') {
      next();
      return;
    }
    const signed = isValidSlackRequest({
      signingSecret,
      body: text,
      headers: {
        'x-slack-signature': req.header('x-slack-signature') ?? '',
        'x-slack-request-timestamp': Number(req.header('x-slack-request-timestamp')),
      },
      nowMilliseconds: now(),
    });
    if (!signed) {
      res.status(401).json({ error: 'invalid_signature' });
      return;
    }
    if (shape === 'ignored') {
      res.status(200).end();
      return;
    }
    logger.warn({ bytes: raw.length }, 'malformed signed Slack request refused');
    res.status(400).json({ error: 'malformed_payload' });
  };
}
