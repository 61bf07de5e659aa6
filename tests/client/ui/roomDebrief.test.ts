/**
 * The room debrief's client-side naming and drawing rules: a dozen teams get a colour and dash
 * pair each (colour alone never tells two teams apart), a team's given name wins over its default
 * one, seats are named from the result, and an instructor's injected incident reads as such.
 */
import { describe, expect, it } from 'vitest';
import { roomNames } from '../../../client/ui/roomDebrief/roomNames';
import { dashArray, teamLooks } from '../../../client/ui/roomDebrief/teamLooks';
import { setLanguage, t } from '../../../client/i18n';
import type { GameResult, ReplayDocument } from '../../../shared/protocol/results';
import { sandboxScenario } from '../../helpers/scenarios';

describe('team looks', () => {
  it('give twelve workshop teams twelve different colour and dash pairs', () => {
    const teams = Array.from({ length: 12 }, (_, i) => `team-${i + 1}`);
    const looks = teamLooks(teams);
    const pairs = new Set(teams.map((team) => `${looks.get(team)!.colour}/${looks.get(team)!.dash.join(',')}`));
    expect(pairs.size).toBe(12);
    // team-1 and team-5 share a colour (four go round), so their dashes differ.
    expect(looks.get('team-1')!.colour).toBe(looks.get('team-5')!.colour);
    expect(looks.get('team-1')!.dash).not.toEqual(looks.get('team-5')!.dash);
  });

  it('give teams without a colour of their own the team colours in turn, not one grey', () => {
    const looks = teamLooks(['ops', 'devs']);
    expect(looks.get('ops')!.colour).not.toBe(looks.get('devs')!.colour);
  });

  it('write a solid line without a dash array', () => {
    expect(dashArray([])).toBeUndefined();
    expect(dashArray([8, 4])).toBe('8 4');
  });
});

describe('room names', () => {
  const replay = { scenario: sandboxScenario(), teams: ['red', 'blue'] } as unknown as ReplayDocument;
  const result = {
    teams: [
      { team: 'red', name: 'Night Owls' },
      { team: 'blue', name: null },
    ],
    seats: { s1: 'Ana', inst: 'Ms Kim' },
  } as unknown as GameResult;

  it("name teams by the name they were given, else their default name, and seats by the result's names", () => {
    setLanguage('en');
    const names = roomNames(t, 'en', replay, result);
    expect(names.team('red')).toBe('Night Owls');
    expect(names.team('blue')).toBe('Blue');
    expect(names.seat('inst')).toBe('Ms Kim');
    expect(names.seat('gone')).toBe('gone');
    expect(names.clock(1440 + 75)).toBe('Day 2 01:15');
    expect(names.duration(null)).toBe('–');
    expect(names.duration(135)).toBe('2 hr 15 min');
  });

  it("say an injected incident as the instructor's, in both languages", () => {
    setLanguage('en');
    expect(roomNames(t, 'en', replay, null).command({ type: 'inject', incident: { type: 'serverCrash' } })).toBe(
      'The instructor started an incident: Server crash',
    );
    setLanguage('ko');
    const ko = roomNames(t, 'ko', replay, null);
    expect(ko.command({ type: 'buy', kind: 'web', region: 'ap' })).toMatch(/[가-힣]/);
    expect(ko.team('blue')).toMatch(/[가-힣]/);
    setLanguage('en');
  });
});
