/**
 * The logger port of the core: what it reports (a store unreachable, a cache rebuilt) goes through
 * this, never into a bare catch. Adapters pass their pino logger; the CLI gets the stderr default.
 */
export interface CoreLogger {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/** One JSON line per event on stderr, like pino: stdout stays the command's output. */
export const stderrLogger: CoreLogger = {
  warn: (details, message) => write('warn', details, message),
  error: (details, message) => write('error', details, message),
};

function write(level: string, details: Record<string, unknown>, message: string): void {
  const err =
    details.err instanceof Error ? { err: { message: details.err.message, name: details.err.name } } : {};
  process.stderr.write(`${JSON.stringify({ level, msg: message, ...details, ...err })}\n`);
}
