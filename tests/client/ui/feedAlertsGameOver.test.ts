/** Incident headlines without a target, counting alerts in the singular, and the game-over summary's peak. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../shared/sim';
import { alertKey, feedLine, UNTARGETED_HEADLINE } from '../../../client/ui/feed/feedText';
import { peakDailyUsers } from '../../../client/ui/GameOver';

const ROOT = join(import.meta.dirname, '../../..');
const locale = (lang: 'en' | 'ko') =>
  JSON.parse(readFileSync(join(ROOT, `client/i18n/locales/${lang}.json`), 'utf8')) as Record<
    string,
    Record<string, Record<string, string>>
  >;

describe('incident headlines', () => {
  const worldEvent = (type: 'cdnOutage' | 'hotspotKey' | 'replicationLagSpike', target: string | null): FeedEntry => ({
    tick: 10,
    recoveredTick: null,
    cause: { incidentId: 1, type, target, region: null, peer: null, endTick: null },
  });

  it('use the wording without a target when a world event names none (no "Replicas of  are…")', () => {
    for (const type of UNTARGETED_HEADLINE) {
      const line = feedLine(worldEvent(type as 'cdnOutage', null), (id) => id, String);
      expect(line.key).toBe(`incidents.${type}.startedAll`);
    }
    expect(feedLine(worldEvent('cdnOutage', 'cdn-2'), (id) => `<${id}>`, String)).toMatchObject({
      key: 'incidents.cdnOutage.started',
      params: { target: '<cdn-2>' },
    });
  });

  it('have that wording in both languages, with no {{target}} to fill', () => {
    for (const lang of ['en', 'ko'] as const) {
      for (const type of UNTARGETED_HEADLINE) {
        const text = locale(lang).incidents?.[type]?.startedAll;
        expect(text, `${lang} incidents.${type}.startedAll`).toBeTypeOf('string');
        expect(text).not.toContain('{{');
      }
    }
  });
});

describe('alert wording', () => {
  it('says "an instance" for one, and keeps the counting text for more', () => {
    expect(alertKey({ kind: 'instanceDown', value: 1 })).toBe('alerts.instanceDownOne');
    expect(alertKey({ kind: 'instanceDown', value: 3 })).toBe('alerts.instanceDown');
    expect(alertKey({ kind: 'shardFull', value: 1 })).toBe('alerts.shardFullOne');
    expect(alertKey({ kind: 'utilisation', value: 1 })).toBe('alerts.utilisation');
    for (const lang of ['en', 'ko'] as const) {
      expect(locale(lang).alerts?.instanceDownOne).toBeTypeOf('string');
      expect(locale(lang).alerts?.shardFullOne).toBeTypeOf('string');
    }
  });
});

describe('game-over summary', () => {
  it('reports the highest daily users seen, not the last', () => {
    const point = (tick: number, dau: number) => ({
      tick,
      money: 0,
      dau,
      online: 0,
      availability: null,
      p95LatencyMs: null,
      errorRate: null,
    });
    expect(peakDailyUsers({ users: { dau: 300 } } as never, [point(1, 280), point(2, 520), point(3, 410)])).toBe(520);
    expect(peakDailyUsers({ users: { dau: 300 } } as never, [])).toBe(300);
  });
});
