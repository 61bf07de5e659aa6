// Structured logs (pino): JSON lines on stdout, one object per event, with the room code and
// team where they apply. LOG_LEVEL sets the level (default info; tests use silent).
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'scale-up' } });
}
