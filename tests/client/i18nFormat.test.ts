/** Number, money, percent, latency, duration and clock formatting in both languages, and the language choice. */
import { describe, expect, it } from 'vitest';
import {
  clockOf,
  formatCount,
  formatDuration,
  formatGigabytes,
  formatLatency,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRate,
  formatSeconds,
} from '../../client/i18n/format';
import { detectLanguage } from '../../client/i18n';

describe('formatting per language', () => {
  it('groups plain numbers', () => {
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
    expect(formatNumber('ko', 1234567)).toBe('1,234,567');
    expect(formatNumber('en', 12.345, 1)).toBe('12.3');
  });

  it('keeps small counts exact and makes big ones compact, the Korean way by 만', () => {
    expect(formatCount('en', 345)).toBe('345');
    expect(formatCount('en', 9999)).toBe('9,999');
    expect(formatCount('en', 12_345)).toBe('12.3K');
    expect(formatCount('ko', 12_345)).toBe('1.2만');
    expect(formatCount('en', 1_234_567)).toBe('1.2M');
    expect(formatCount('ko', 1_234_567)).toBe('123.5만');
  });

  it('writes money with a plain $ in both languages, cents only on small amounts that have them', () => {
    expect(formatMoney('en', 1950)).toBe('$1,950');
    expect(formatMoney('ko', 1950)).toBe('$1,950');
    expect(formatMoney('en', 12.5)).toBe('$12.50');
    expect(formatMoney('en', 12)).toBe('$12');
    expect(formatMoney('en', -340)).toBe('-$340');
    expect(formatMoney('en', 2_500_000)).toBe('$2.5M');
    expect(formatMoney('ko', 2_500_000)).toBe('$250만');
  });

  it('rounds availability down and error rates up, so neither flatters the system', () => {
    expect(formatPercent('en', 0.99996, 'floor')).toBe('99.99%');
    expect(formatPercent('en', 0.99996, 'round')).toBe('100%');
    expect(formatPercent('en', 0.00001, 'ceil')).toBe('0.01%');
    expect(formatPercent('en', 0.00001, 'round')).toBe('0%');
    expect(formatPercent('ko', 0.5)).toBe('50%');
    // Float noise must not move a floor or ceil a whole step: 0.29 × 10⁴ is 2899.99…
    expect(formatPercent('en', 0.29, 'floor')).toBe('29%');
    expect(formatPercent('en', 0.29, 'ceil')).toBe('29%');
  });

  it('writes latencies in ms below a second and in seconds above, with the language’s units', () => {
    expect(formatLatency('en', 123.4)).toBe('123 ms');
    expect(formatLatency('ko', 123.4)).toBe('123ms');
    expect(formatLatency('en', 0.42)).toBe('0.4 ms');
    expect(formatLatency('en', 1250)).toBe('1.25 sec');
    expect(formatLatency('ko', 1250)).toBe('1.25초');
  });

  it('writes simulated durations with their two largest parts', () => {
    expect(formatDuration('en', 0)).toBe('0 min');
    expect(formatDuration('en', 45)).toBe('45 min');
    expect(formatDuration('en', 125)).toBe('2 hr 5 min');
    expect(formatDuration('ko', 125)).toBe('2시간 5분');
    expect(formatDuration('en', 1500)).toBe('1 day 1 hr');
    expect(formatDuration('ko', 1441)).toBe('1일 1분');
    expect(formatSeconds('en', 45)).toBe('45 sec');
    expect(formatSeconds('ko', 300)).toBe('5분');
  });

  it('writes rates and sizes', () => {
    expect(formatRate('en', 12.34)).toBe('12.3');
    expect(formatRate('en', 20_000)).toBe('20K');
    expect(formatRate('ko', 20_000)).toBe('2만');
    expect(formatGigabytes('en', 3.94)).toBe('3.9 GB');
  });
});

describe('the simulated clock', () => {
  it('starts on day 1 at midnight; one tick is one minute', () => {
    expect(clockOf(0)).toEqual({ day: 1, time: '00:00' });
    expect(clockOf(61)).toEqual({ day: 1, time: '01:01' });
    expect(clockOf(1439)).toEqual({ day: 1, time: '23:59' });
    expect(clockOf(1440)).toEqual({ day: 2, time: '00:00' });
    expect(clockOf(1440 * 9 + 14 * 60 + 5)).toEqual({ day: 10, time: '14:05' });
  });
});

describe('the starting language', () => {
  it('is the remembered choice, else Korean for a Korean browser, else English', () => {
    expect(detectLanguage('ko', ['en-US'])).toBe('ko');
    expect(detectLanguage('en', ['ko-KR'])).toBe('en');
    expect(detectLanguage(null, ['ko-KR', 'en'])).toBe('ko');
    expect(detectLanguage(null, ['ko'])).toBe('ko');
    expect(detectLanguage(undefined, ['en-GB', 'ko'])).toBe('en');
    expect(detectLanguage('fr', ['fr-FR'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });
});
