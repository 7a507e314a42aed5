import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { DROP_REASONS, type Reply } from '../src/index.js';

/** The process's metrics, in the Prometheus text format on GET /metrics. */
export class Metrics {
  readonly registry = new Registry();
  readonly questions = new Counter({
    name: 'uc_triage_questions_total',
    help: 'Messages answered, by platform and outcome (answered, unanswered, out-of-scope, triage, ...).',
    labelNames: ['platform', 'outcome'],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'uc_triage_answer_seconds',
    help: 'Time from a message to its reply, in the core (search, triage, session store).',
    labelNames: ['platform'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly outboundFailures = new Counter({
    name: 'uc_triage_outbound_failures_total',
    help: 'Replies that could not be delivered (Slack Web API, response_url, Bot Connector), by platform.',
    labelNames: ['platform'],
    registers: [this.registry],
  });
  readonly dedupeHits = new Counter({
    name: 'uc_triage_dedupe_hits_total',
    help: 'Redelivered events and activities dropped, by platform.',
    labelNames: ['platform'],
    registers: [this.registry],
  });
  readonly redisFallbacks = new Counter({
    name: 'uc_triage_redis_fallbacks_total',
    help: 'Times Redis was unavailable and the process fell back to its local state.',
    registers: [this.registry],
  });

  readonly feedbackDropped = new Counter({
    name: 'uc_triage_feedback_dropped_total',
    help: 'Feedback events (questions, clicks, corrections) not recorded, by reason: full (500 already waiting for the store), timeout (the store too slow or its file locked too long), error (the store refused them).',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Every reason shows from the start (at 0), so an alert on its rate has a series to read.
    for (const reason of DROP_REASONS) this.feedbackDropped.inc({ reason }, 0);
  }

  /** What a reply says about the question, for the questions counter. */
  static outcome(reply: Reply): string {
    if (reply.kind === 'triage') return 'triage';
    if (reply.kind !== 'answer') return reply.kind;
    if (reply.answer.answered) return 'answered';
    return reply.answer.reason === 'out-of-scope' ? 'out-of-scope' : 'unanswered';
  }
}
