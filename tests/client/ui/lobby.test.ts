/**
 * A team match before it starts: the setup form's choices and checks (scenarios, lengths, the
 * player's name, a typed code, the settings sent), the public list's order, and the lobby's rules
 * read from the model (rosters with the captain first, this player's seat after a team switch,
 * why Start waits, which team counts the host may pick), and the team names and colours.
 */
import { joinLink } from '../../../client/ui/joinLink';
import { describe, expect, it } from 'vitest';
import { chapters } from '../../../shared/campaign';
import { MATCH_TEAMS } from '../../../shared/protocol/roomActions';
import { PRESET_IDS } from '../../../shared/scenarios';
import type { GameModel, SeatModel } from '../../../client/state/model';
import {
  mySeat,
  orderMatches,
  someNames,
  startBlocker,
  TEAM_COUNTS,
  teamCountAllowed,
  teamRosters,
  watchers,
} from '../../../client/ui/lobby/lobbyModel';
import {
  defaultLength,
  lengthChoices,
  lengthMinutes,
  LENGTHS,
  matchSettings,
  nameProblem,
  scenarioChoices,
  typedCode,
} from '../../../client/ui/lobby/matchForm';
import { TEAM_COLOURS, teamColour, teamDash, teamLabel } from '../../../client/ui/teams';
import { THEME, hexNumber } from '../../../client/theme/colours';
import { contrastRatio, distance, VISION_NAMES } from '../colourVision';
import { localeText } from '../../helpers/locales';

const seat = (seatId: string, team: string | null, extra: Partial<SeatModel> = {}): SeatModel => ({
  seatId,
  name: seatId.toUpperCase(),
  team,
  role: 'player',
  connected: true,
  ready: false,
  ...extra,
});

type LobbyGame = Pick<GameModel, 'me' | 'seats' | 'teamIds' | 'host'>;
const lobby = (seats: SeatModel[], me = 'a', teamIds = ['red', 'blue'], host: string | null = 'a'): LobbyGame => ({
  me: { team: 'red', role: 'captain', seatId: me },
  seats,
  teamIds,
  host,
});

describe('the setup form', () => {
  it('offers the presets, then every chapter in campaign order', () => {
    const choices = scenarioChoices();
    expect(choices.map((c) => c.id)).toEqual([...PRESET_IDS, ...chapters().map((c) => c.scenario.id)]);
    expect(choices.filter((c) => c.group === 'preset').map((c) => c.id)).toEqual(PRESET_IDS);
  });

  it("offers the scenario's own length only when it has one, and starts on it (else a day)", () => {
    expect(lengthChoices('sandbox')).toEqual(LENGTHS);
    expect(defaultLength('sandbox')).toBe(1440);
    expect(lengthChoices('07-cache')[0]).toBe('scenario');
    expect(defaultLength('07-cache')).toBe('scenario');
    expect(lengthMinutes('07-cache', 'scenario')).toBe(2880);
    expect(lengthMinutes('sandbox', 360)).toBe(360);
    // Every length offered is one the server takes (60..10080 simulated minutes).
    for (const minutes of LENGTHS) expect(minutes >= 60 && minutes <= 7 * 24 * 60).toBe(true);
  });

  it('sends no duration for the scenario’s own length, and 2–4 teams', () => {
    expect(matchSettings({ scenario: '07-cache', length: 'scenario', teams: 3, public: false })).toEqual({
      scenario: '07-cache',
      teams: 3,
      public: false,
    });
    expect(matchSettings({ scenario: 'sandbox', length: 120, teams: 9, public: true })).toEqual({
      scenario: 'sandbox',
      teams: 4,
      public: true,
      durationTicks: 120,
    });
    expect(matchSettings({ scenario: 'sandbox', length: 120, teams: 1, public: true }).teams).toBe(2);
  });

  it('needs a name of 1 to 32 characters (spaces around it do not count)', () => {
    expect(nameProblem('')).toBe('missing');
    expect(nameProblem('   ')).toBe('missing');
    expect(nameProblem(' Minji ')).toBeNull();
    expect(nameProblem('민지')).toBeNull();
    expect(nameProblem('x'.repeat(32))).toBeNull();
    expect(nameProblem('x'.repeat(33))).toBe('long');
  });

  it('takes a typed code in any case, with spaces or dashes, only when it can be one', () => {
    expect(typedCode(' k7q-x3m ')).toBe('K7QX3M');
    expect(typedCode('K7QX3')).toBeNull();
    expect(typedCode('K7QX30')).toBeNull();
  });

  it('lists joinable public matches first, the fullest first, full ones last', () => {
    const matches = [
      { code: 'AAAAAA', scenario: 'sandbox', teams: ['red', 'blue'], players: 8, capacity: 8 },
      { code: 'CCCCCC', scenario: 'sandbox', teams: ['red', 'blue'], players: 1, capacity: 8 },
      { code: 'DDDDDD', scenario: 'sandbox', teams: ['red', 'blue', 'green'], players: 5, capacity: 12 },
    ];
    expect(orderMatches(matches).map((m) => m.code)).toEqual(['DDDDDD', 'CCCCCC', 'AAAAAA']);
  });
});

describe('the lobby', () => {
  it('lists each team with its captain first, and spectators apart', () => {
    const seats = [
      seat('a', 'red'),
      seat('b', 'blue'),
      seat('c', 'red', { role: 'captain' }),
      seat('s', null, { role: 'spectator' }),
      seat('d', 'blue', { role: 'captain' }),
    ];
    const rosters = teamRosters({ teamIds: ['red', 'blue', 'green'], seats });
    expect(rosters.map((r) => [r.team, r.players.map((p) => p.seatId)])).toEqual([
      ['red', ['c', 'a']],
      ['blue', ['d', 'b']],
      ['green', []],
    ]);
    expect(watchers({ seats }).map((s) => s.seatId)).toEqual(['s']);
  });

  it("reads this player's team from the seats, not from the welcome (a team switch changes it)", () => {
    const game = { me: { team: 'red', role: 'captain' as const, seatId: 'a' }, seats: [seat('a', 'blue')] };
    expect(mySeat(game)?.team).toBe('blue');
    expect(mySeat({ ...game, me: { ...game.me, seatId: 'zz' } })).toBeNull();
  });

  it('lets the host start only when every team has a player and every player is ready', () => {
    const ready = { ready: true };
    expect(startBlocker(lobby([seat('a', 'red', ready)]))).toEqual({ reason: 'empty-team', team: 'blue' });
    expect(startBlocker(lobby([seat('a', 'red', ready), seat('b', 'blue'), seat('c', 'blue')]))).toEqual({
      reason: 'not-ready',
      names: ['B', 'C'],
    });
    // A spectator need not be ready.
    expect(startBlocker(lobby([seat('a', 'red', ready), seat('b', 'blue', ready), seat('s', null, { role: 'spectator' })]))).toBeNull();
  });

  it('tells everyone but the host that the host starts, by name', () => {
    const seats = [seat('a', 'red', { ready: true }), seat('b', 'blue', { ready: true })];
    expect(startBlocker(lobby(seats, 'b'))).toEqual({ reason: 'not-host', host: 'A' });
    expect(startBlocker(lobby(seats, 'b', ['red', 'blue'], null))).toEqual({ reason: 'not-host', host: null });
  });

  it('lets the host drop only teams without players', () => {
    const teamIds = ['red', 'blue', 'green', 'gold'];
    const seats = [seat('a', 'red'), seat('b', 'green')];
    expect(TEAM_COUNTS).toEqual([2, 3, 4]);
    expect(teamCountAllowed({ teamIds, seats }, 3)).toBe(true);
    expect(teamCountAllowed({ teamIds, seats }, 2)).toBe(false);
    expect(teamCountAllowed({ teamIds: ['red', 'blue'], seats }, 4)).toBe(true);
    expect(teamCountAllowed({ teamIds, seats }, 1)).toBe(false);
    expect(teamCountAllowed({ teamIds, seats }, 5)).toBe(false);
  });

  it('links to the join page and names a few waiting players, then how many more', () => {
    expect(joinLink('https://scaleup.example', 'K7QX3M')).toBe('https://scaleup.example/join/K7QX3M');
    expect(someNames(['A', 'B'])).toBe('A, B');
    expect(someNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C +2');
  });
});

describe('team names and colours', () => {
  const t = (key: string, params?: Record<string, string | number>) => `${key}${params === undefined ? '' : JSON.stringify(params)}`;

  it("prefers the name the captain gave, else the team's default name", () => {
    expect(teamLabel(t, 'red', { red: 'Ops Crew' })).toBe('Ops Crew');
    expect(teamLabel(t, 'red', { red: '  ' })).toBe('ui.teams.red');
    expect(teamLabel(t, 'blue', { red: 'Ops Crew' })).toBe('ui.teams.blue');
    expect(teamLabel(t, 'team-2')).toBe('ui.teams.numbered{"n":2}');
  });

  it('gives every match team a theme colour, readable as text on the panels', () => {
    const themeColours = new Set([...Object.values(THEME.states), ...Object.values(THEME.charts)]);
    for (const team of MATCH_TEAMS) {
      expect(themeColours.has(teamColour(team)), team).toBe(true);
      for (const background of [THEME.ui['panel-solid'], THEME.ui.raised, THEME.ui.bg])
        expect(contrastRatio(hexNumber(teamColour(team)), hexNumber(background)), `${team} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(Object.values(TEAM_COLOURS)).size).toBe(MATCH_TEAMS.length);
    expect(teamColour('team-5')).toBe(teamColour('team-1'));
    expect(teamColour('ops')).toBe(THEME.states.unknown);
  });

  it('keeps the team colours apart under colour-vision simulations, and gives each team its own dash', () => {
    for (const vision of VISION_NAMES) {
      for (const [i, a] of MATCH_TEAMS.entries())
        for (const b of MATCH_TEAMS.slice(i + 1))
          expect(distance(hexNumber(teamColour(a)), hexNumber(teamColour(b)), vision), `${a}/${b} (${vision})`).toBeGreaterThanOrEqual(15);
    }
    const dashes = MATCH_TEAMS.map((_, i) => teamDash(i).join(','));
    expect(new Set(dashes).size).toBe(MATCH_TEAMS.length);
  });

  it('has every text of the match screens in both languages', () => {
    for (const key of ['ui.lobby.title', 'ui.lobby.notReady', 'ui.lobby.setup.title', 'ui.matchResults.title', 'ui.matchResults.place1']) {
      expect(localeText('en', key), key).toBeTypeOf('string');
      expect(localeText('ko', key), key).toMatch(/[\uAC00-\uD7A3]/);
    }
  });
});
