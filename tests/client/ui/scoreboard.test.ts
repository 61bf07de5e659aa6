/** The scoreboard's order: users served well, then profit, then team order; a bankrupt team after every team still playing. */
import { describe, expect, it } from 'vitest';
import { rankScores, usersServed, type ScoreLine } from '../../../client/ui/scoreboard/ranking';

const line = (team: string, peakDau: number, availability: number, profit = 0, gameOver: ScoreLine['gameOver'] = null): ScoreLine => ({
  team,
  peakDau,
  availability,
  profit,
  incidents: 0,
  recovered: 0,
  gameOver,
});

describe('rankScores', () => {
  it('ranks by users served well: many users badly served can lose to fewer served well', () => {
    const lines = [line('red', 10_000, 0.5), line('blue', 8_000, 0.9), line('green', 9_000, 0.85)];
    expect(usersServed(lines[0]!)).toBe(5_000);
    expect(rankScores(lines).map((l) => l.team)).toEqual(['green', 'blue', 'red']);
  });

  it('breaks ties by profit, then keeps team order, and puts a bankrupt team last', () => {
    const lines = [line('red', 1000, 1, 5), line('blue', 1000, 1, 9), line('green', 1000, 1, 9), line('gold', 50_000, 1, 0, 'bankrupt')];
    expect(rankScores(lines).map((l) => l.team)).toEqual(['blue', 'green', 'red', 'gold']);
  });
});
