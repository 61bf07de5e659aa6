/**
 * The workshop's other pure parts: the team cards' figures (fog of war kept), hints read in the
 * reader's language, the setup's suggestions, the join page's refusals, the QR drawing, the
 * roster, and the locale keys the workshop screens build at run time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONCEPT_IDS } from '../../../shared/campaign/concepts';
import { HINT_CHARS } from '../../../shared/protocol/roomActions';
import { loadPreset } from '../../../shared/scenarios';
import { createSim, step, teamView, type Feature, type TeamView } from '../../../shared/sim';
import type { SeatModel } from '../../../client/state/model';
import type { DraftProblem, StrengthField } from '../../../client/ui/workshop/incidentForm';
import { hintFrom, hintKey, newestHint, readHint } from '../../../client/ui/workshop/hintText';
import { joinProblem } from '../../../client/ui/workshop/joinRefusal';
import { qrDrawing } from '../../../client/ui/workshop/qrPath';
import { headCount, membersOf, participants, roomTeamName } from '../../../client/ui/workshop/roster';
import { realMinutes, scenarioChoices, suggestTeams } from '../../../client/ui/workshop/setupOptions';
import { cardFigures } from '../../../client/ui/workshop/teamFigures';

const GOALS = { latencyMs: 300, availability: 0.99 };
/** Every value the incident form builds a locale key from. */
const StrengthUnits: readonly StrengthField['unit'][] = ['times', 'percent', 'seconds'];
const DraftProblemKeys: readonly DraftProblem[] = ['samePeer', 'noRegions', 'strength', 'duration'];

function viewWith(features: Feature[]): TeamView {
  const state = createSim(loadPreset('sandbox'), 7);
  for (const f of features) state.features[f] = true;
  for (let i = 0; i < 5; i++) step(state);
  return teamView(state);
}

const score = { team: 'team-1', peakDau: 100, availability: 0.97, profit: 10, incidents: 5, recovered: 3, gameOver: null };

describe('team card figures', () => {
  it('hide what the team cannot see, as its own header does', () => {
    const f = cardFigures(viewWith([]), score, GOALS);
    expect(f.availability.value).toBeNull();
    expect(f.p95.value).toBeNull();
    expect(f.users.value).not.toBeNull();
    expect(f.users.approx).toBe(true);
    expect(f.money.value).not.toBeNull();
    expect(f.gameAvailability).toBe(0.97);
  });

  it('show availability and p95 with aggregated metrics, judged against the goals', () => {
    const f = cardFigures(viewWith(['aggregatedMetrics', 'businessMetrics']), score, GOALS);
    expect(f.availability.value).not.toBeNull();
    expect(['good', 'warn', 'bad']).toContain(f.availability.tone);
    expect(f.p95.value).not.toBeNull();
    expect(f.users.approx).toBe(false);
  });

  it('count open incidents from the scoreboard (the same way for every team), else from the feed', () => {
    const view = viewWith([]);
    expect(cardFigures(view, score, GOALS).openIncidents).toBe(2);
    const withFeed = {
      ...view,
      feed: [
        { tick: 1, recoveredTick: null, cause: null },
        { tick: 2, recoveredTick: 3, cause: null },
      ],
    };
    expect(cardFigures(withFeed, undefined, GOALS).openIncidents).toBe(1);
  });
});

describe('hints', () => {
  const both = { tick: 5, concept: 'cache', en: 'Look at the cache', ko: '캐시를 보세요' };
  it('are read in the reader language, else the other one', () => {
    expect(readHint(both, 'ko')).toEqual({ text: '캐시를 보세요', textLang: 'ko', concept: 'cache' });
    expect(readHint({ ...both, ko: null }, 'ko')).toEqual({ text: 'Look at the cache', textLang: 'en', concept: 'cache' });
    expect(readHint({ ...both, en: null, ko: null }, 'en')).toEqual({ text: null, textLang: null, concept: 'cache' });
    expect(readHint({ ...both, concept: 'notAConcept' }, 'en').concept).toBeNull();
  });

  it('tell a new hint from the dismissed one, even at the same tick', () => {
    expect(newestHint([])).toBeNull();
    const second = { ...both, en: 'Now the CDN' };
    expect(newestHint([both, second])).toBe(second);
    expect(hintKey(both)).not.toBe(hintKey(second));
    expect(hintKey(both)).toBe(hintKey({ ...both }));
  });

  it('are made by the form only when they say something the schema takes', () => {
    expect(hintFrom('', '', '  ')).toBeNull();
    expect(hintFrom('cache', '', '')).toEqual({ concept: 'cache' });
    expect(hintFrom('', ' Scale out ', '')).toEqual({ en: 'Scale out' });
    expect(hintFrom('', 'x'.repeat(HINT_CHARS + 1), '')).toBeNull();
    for (const id of CONCEPT_IDS) expect(hintFrom(id, '', '한국어')).not.toBeNull();
  });
});

describe('the setup', () => {
  it('suggests about five people per team, 1 to 12 teams', () => {
    expect(suggestTeams(0)).toBe(1);
    expect(suggestTeams(5)).toBe(1);
    expect(suggestTeams(20)).toBe(4);
    expect(suggestTeams(33)).toBe(7);
    expect(suggestTeams(60)).toBe(12);
    expect(suggestTeams(100)).toBe(12);
    expect(suggestTeams(Number.NaN)).toBe(1);
  });

  it('lists the free-play presets, then every chapter', () => {
    const choices = scenarioChoices();
    expect(choices[0]!.id).toBe('sandbox');
    expect(choices.filter((c) => c.chapter !== null).length).toBe(14);
    for (const c of choices) expect(c.name.ko).toMatch(/[\uAC00-\uD7A3]/);
    expect(realMinutes(1440, 8)).toBe(3);
  });
});

describe('join refusals', () => {
  it('say the server reason and what to do; a removed person cannot retry', () => {
    expect(joinProblem(new Error('room-locked'))).toEqual({
      key: 'reasons.room-locked',
      nextKey: 'ui.workshop.join.lockedNext',
      retry: true,
    });
    expect(joinProblem(new Error('code-expired')).nextKey).toBe('ui.workshop.join.expiredNext');
    expect(joinProblem(new Error('room-full')).nextKey).toBe('ui.workshop.join.fullNext');
    expect(joinProblem(new Error('removed')).retry).toBe(false);
    expect(joinProblem(new Error('room "ABC123" not found')).key).toBe('ui.workshop.join.noRoom');
    expect(joinProblem(new Error('socket hang up')).key).toBe('ui.workshop.join.failed');
  });
});

describe('the join QR code', () => {
  it('draws one square per dark module, the same for the same link', () => {
    const a = qrDrawing('http://127.0.0.1:2567/join/K7PX2M');
    expect(a.size).toBeGreaterThanOrEqual(21 + 4);
    expect(a.d.match(/M/g)!.length).toBeGreaterThan(100);
    expect(qrDrawing('http://127.0.0.1:2567/join/K7PX2M')).toEqual(a);
    expect(qrDrawing('http://127.0.0.1:2567/join/K7PX2N').d).not.toBe(a.d);
  });
});

describe('the roster', () => {
  const seat = (seatId: string, team: string | null, role: SeatModel['role'], connected = true, name = seatId): SeatModel => ({
    seatId,
    name,
    team,
    role,
    connected,
    ready: false,
  });
  const seats = [
    seat('inst', null, 'instructor'),
    seat('a', 'team-1', 'player', false, 'Zed'),
    seat('b', 'team-1', 'player', true, 'Amy'),
    seat('c', null, 'player'),
    seat('d', 'team-2', 'spectator'),
  ];
  it('counts participants, not the instructor or spectators', () => {
    expect(participants(seats).map((s) => s.seatId)).toEqual(['a', 'b', 'c']);
    expect(headCount(seats)).toEqual({ total: 3, connected: 2 });
    expect(membersOf(seats, 'team-1').map((s) => s.name)).toEqual(['Amy', 'Zed']);
    expect(membersOf(seats, null).map((s) => s.seatId)).toEqual(['c']);
  });

  it('names a team by its given name, else its default', () => {
    const t = (key: string, params?: Record<string, string | number>) => `${key}:${JSON.stringify(params ?? {})}`;
    expect(roomTeamName(t, { teamNames: { 'team-2': 'Cachers' } }, 'team-2')).toBe('Cachers');
    expect(roomTeamName(t, { teamNames: {} }, 'team-3')).toBe('ui.teams.numbered:{"n":3}');
  });
});

describe('locale keys the workshop screens build at run time', () => {
  const ROOT = join(import.meta.dirname, '../../..');
  for (const lang of ['en', 'ko'] as const) {
    it(`exist in ${lang}.json`, () => {
      const locale = JSON.parse(readFileSync(join(ROOT, `client/i18n/locales/${lang}.json`), 'utf8')) as {
        ui: { workshop: { inject: { strength: Record<string, string>; problem: Record<string, string> } } };
      };
      for (const unit of StrengthUnits) expect(locale.ui.workshop.inject.strength[unit], unit).toBeTruthy();
      for (const problem of DraftProblemKeys) expect(locale.ui.workshop.inject.problem[problem], problem).toBeTruthy();
    });
  }
});
