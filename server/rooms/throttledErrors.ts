// Errors caused by what clients send are logged at a bounded rate: a client that finds a message
// making a handler fail must not be able to fill the disk with stack traces. The next line logged
// after a quiet spell says how many were left out.
import type { Logger } from '../logger';
import { TokenBucket } from './tokenBucket';

export class ThrottledErrors {
  private readonly budget: TokenBucket;
  private suppressed = 0;

  /** `perSecond` lines a second, bursts of `burst`. */
  constructor(perSecond: number, burst: number, now = performance.now()) {
    this.budget = new TokenBucket(perSecond, burst, now);
  }

  error(logger: Logger, fields: Record<string, unknown>, message: string, now = performance.now()): void {
    this.log(logger, 'error', fields, message, now);
  }

  /** Any level, from the same budget (refusals a client causes are as easy to repeat as errors). */
  log(logger: Logger, level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, message: string, now = performance.now()): void {
    if (!this.budget.take(now)) {
      this.suppressed += 1;
      return;
    }
    const suppressed = this.suppressed;
    this.suppressed = 0;
    logger[level]({ ...fields, suppressed }, message);
  }
}
