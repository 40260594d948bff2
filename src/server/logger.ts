import pino from 'pino';

export type Logger = pino.Logger;

/**
 * JSON lines on stdout (pino): one per request with its id, duration and SQL
 * statement count, plus lifecycle events. LOG_LEVEL sets the level (info).
 */
export function createLogger(options: { level?: string; write?: (line: string) => void } = {}): Logger {
  const write = options.write;
  const options_ = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: 'duban' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return write ? pino(options_, { write }) : pino(options_);
}
