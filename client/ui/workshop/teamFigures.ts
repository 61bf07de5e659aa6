/**
 * The key figures of a team card in the instructor's console: daily users, availability and p95
 * latency over the last minute, money, and the incidents still open. The instructor receives each
 * team's own view, fog of war included, so a figure the team's monitoring hides is null here too
 * (the card says "?"), exactly as in the team's header; the scoreboard's figures (availability
 * over the game, incidents) are known for every team and fill in. Pure, for the tests.
 */
import type { TeamView } from '../../../shared/sim';
import type { ScoreLine } from '../../../shared/protocol/ranking';
import { headerFigures, type Goals, type Tone } from '../header/headerFigures';

export interface CardFigure {
  /** null: the team's monitoring does not show it. */
  value: number | null;
  tone: Tone;
  /** Rounded (users without business metrics). */
  approx: boolean;
}

export interface CardFigures {
  users: CardFigure;
  availability: CardFigure;
  p95: CardFigure;
  money: CardFigure;
  /** Incidents that started and whose service has not recovered yet (the scoreboard's count). */
  openIncidents: number;
  components: number;
  /** Availability over the whole game so far (the scoreboard's, always known). */
  gameAvailability: number | null;
  over: 'bankrupt' | 'finished' | null;
}

export function cardFigures(team: TeamView, score: ScoreLine | undefined, goals: Goals): CardFigures {
  const figures = new Map(headerFigures(team, goals).map((f) => [f.id, f]));
  const pick = (id: 'dau' | 'availability' | 'latencyP95' | 'money'): CardFigure => {
    const f = figures.get(id);
    return f === undefined ? { value: null, tone: 'neutral', approx: false } : { value: f.value, tone: f.tone, approx: f.approx };
  };
  // Without log aggregation the feed has one entry per tick service got worse; the scoreboard
  // counts incidents themselves, the same way for every team.
  const feedOpen = team.feed.filter((entry) => entry.recoveredTick === null).length;
  return {
    users: pick('dau'),
    availability: pick('availability'),
    p95: pick('latencyP95'),
    money: pick('money'),
    openIncidents: score === undefined ? feedOpen : Math.max(0, score.incidents - score.recovered),
    components: team.components.length,
    gameAvailability: score?.availability ?? null,
    over: team.gameOver?.reason ?? null,
  };
}
