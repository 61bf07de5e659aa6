/** A concept card pauses a solo game while it is open, and gives the clock back only if it took it. */
import { describe, expect, it } from 'vitest';
import { cardClockStep, type CardClock, type CardHold } from '../../../client/ui/concepts/conceptPause';

const solo = (paused: boolean): CardClock => ({ mode: 'solo', clock: { adjustable: true, paused, phase: 'running' } });

/** Runs the rule over a sequence of (card open?, clock paused?) moments; returns what was sent. */
function play(moments: Array<[open: boolean, paused: boolean]>, game: (paused: boolean) => CardClock = solo): string[] {
  const sent: string[] = [];
  let open = false;
  let hold: CardHold = 'idle';
  for (const [nowOpen, paused] of moments) {
    const step = cardClockStep(open, nowOpen, game(paused), hold);
    open = nowOpen;
    hold = step.hold;
    if (step.send !== null) sent.push(step.send.action);
  }
  return sent;
}

describe('a concept card and the clock', () => {
  it('pauses a running solo game when it opens and resumes it when it closes', () => {
    // Open → the pause arrives → close.
    expect(
      play([
        [true, false],
        [true, true],
        [false, true],
      ]),
    ).toEqual(['pause', 'resume']);
  });

  it('resumes even when the card closes before the pause came back (the resume follows it)', () => {
    expect(
      play([
        [true, false],
        [false, false],
      ]),
    ).toEqual(['pause', 'resume']);
  });

  it('leaves a game the player had paused paused', () => {
    expect(
      play([
        [true, true],
        [false, true],
      ]),
    ).toEqual([]);
  });

  it('lets a player who resumed while reading keep the clock: closing sends nothing', () => {
    expect(
      play([
        [true, false],
        [true, true],
        [true, false],
        [false, false],
      ]),
    ).toEqual(['pause']);
  });

  it('moving between cards keeps the one pause', () => {
    expect(
      play([
        [true, false],
        [true, true],
        [true, true],
        [false, true],
      ]),
    ).toEqual(['pause', 'resume']);
  });

  it('never touches the clock of a match or a workshop, or a game that is not running', () => {
    const moments: Array<[boolean, boolean]> = [
      [true, false],
      [true, true],
      [false, true],
    ];
    expect(play(moments, (paused) => ({ mode: 'match', clock: { adjustable: false, paused, phase: 'running' } }))).toEqual([]);
    expect(play(moments, (paused) => ({ mode: 'workshop', clock: { adjustable: true, paused, phase: 'running' } }))).toEqual([]);
    expect(play(moments, (paused) => ({ mode: 'solo', clock: { adjustable: true, paused, phase: 'finished' } }))).toEqual([]);
    expect(cardClockStep(false, true, null, 'idle')).toEqual({ send: null, hold: 'idle' });
  });
});
