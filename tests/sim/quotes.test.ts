/**
 * The price shown before a command is the price charged: for random systems and random purchases,
 * resizes, scalings, reshardings and features, the money a command takes when applied equals its
 * quote's one-off figure (to a millionth: taking it from the balance rounds), and the running cost per day changes by the quote's per-day
 * figure once the command has done its work.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSim,
  executeCommand,
  KINDS,
  SIZE_NAMES,
  step,
  type Command,
  type ComponentKindName,
  type SimState,
  type SizeName,
} from '../../shared/sim';
import { buyQuote, countQuote, featureQuote, resizeQuote, type Quote } from '../../shared/sim/commands/quotes';
import { costPerDay } from '../../shared/sim/rules/economy';
import { sandboxScenario } from '../helpers/scenarios';

const KIND_LIST: ComponentKindName[] = ['web', 'db', 'cache', 'queue', 'worker', 'sessionStore'];

/** A sandbox with plenty of money and a few components bought, so that prices matter and nothing is refused for funds. */
function richSystem(purchases: Array<[ComponentKindName, SizeName]>, priceFactor: number): SimState {
  const scenario = sandboxScenario({ startMoney: 1_000_000, priceFactor });
  const state = createSim(scenario, 3);
  for (const [kind, size] of purchases) {
    if (KINDS[kind].sizes.includes(size)) executeCommand(state, { type: 'buy', kind, region: 'ap', size } as Command, true);
  }
  return state;
}

const planned = (state: SimState, id: string) => {
  const c = state.components.find((x) => x.id === id)!;
  return { kind: c.kind, size: c.size, planned: c.count + c.provisioning.length };
};

/** The quote for `command` in `state`, computed from the view-level inputs the client has. */
function quoteFor(state: SimState, command: Command): Quote | null {
  const factor = state.scenario.priceFactor;
  switch (command.type) {
    case 'buy':
      return buyQuote(command.kind, command.size ?? (KINDS[command.kind].sizes[0] as SizeName), command.count ?? 1, factor);
    case 'resize':
      return resizeQuote(planned(state, command.id), command.size, factor);
    case 'scale':
    case 'reshard': {
      const group = [command.id, ...state.components.filter((c) => c.settings.replicaOf === command.id).map((c) => c.id)];
      return countQuote(
        group.map((id) => planned(state, id)),
        command.type === 'scale' ? command.count : command.shards,
        factor,
      );
    }
    case 'buyFeature':
      return featureQuote(command.feature, factor);
    default:
      return null;
  }
}

const purchases = fc.array(fc.tuple(fc.constantFrom(...KIND_LIST), fc.constantFrom(...SIZE_NAMES)), { minLength: 1, maxLength: 5 });

describe('quotes', () => {
  it('the one-off figure is what applying the command takes, to a millionth; buys, scalings and features change the daily cost by the per-day figure at once', () => {
    fc.assert(
      fc.property(
        purchases,
        fc.constantFrom(0.5, 1, 1.7),
        fc.nat(20),
        fc.constantFrom(...SIZE_NAMES),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('resize', 'scale', 'reshard', 'buy', 'buyFeature'),
        (bought, factor, pick, size, count, type) => {
          const state = richSystem(bought, factor);
          const target = state.components[pick % state.components.length]!;
          const command = {
            resize: { type: 'resize', id: target.id, size },
            scale: { type: 'scale', id: target.id, count },
            reshard: { type: 'reshard', id: target.id, shards: count, key: 'userId' },
            buy: {
              type: 'buy',
              kind: target.kind,
              region: 'ap',
              size: KINDS[target.kind].sizes.includes(size) ? size : KINDS[target.kind].sizes[0],
              count: target.kind === 'cdn' ? 1 : count,
            },
            buyFeature: { type: 'buyFeature', feature: 'alerts' },
          }[type] as Command;
          if (command.type === 'buy' && command.kind === 'db' && (command.count ?? 1) > 1) return; // refused: an RDBMS cannot be partitioned by buying
          const quote = quoteFor(state, command) as Quote;
          const money = state.money;
          const daily = costPerDay(state);
          if (!executeCommand(state, command, true).ok) return;
          expect(money - state.money).toBeCloseTo(quote.oneOff, 6);
          if (command.type !== 'resize' && command.type !== 'reshard') expect(costPerDay(state) - daily).toBeCloseTo(quote.perDay, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a resize's per-day figure is the change of running cost once every instance runs on the new size", () => {
    const state = richSystem([['web', 'small']], 1);
    const web = state.components.find((c) => c.kind === 'web' && c.id !== 'web-1')!;
    expect(executeCommand(state, { type: 'scale', id: web.id, count: 3 }, true).ok).toBe(true);
    while (web.provisioning.length > 0) step(state, []);
    const quote = resizeQuote(planned(state, web.id), 'large', 1);
    const before = costPerDay(state);
    expect(executeCommand(state, { type: 'resize', id: web.id, size: 'large' }, true).ok).toBe(true);
    while (web.rolling !== null) step(state, []);
    expect(web.size).toBe('large');
    expect(costPerDay(state) - before).toBeCloseTo(quote.perDay, 9);
    // A smaller size costs nothing up front and saves running cost.
    const down = resizeQuote(planned(state, web.id), 'small', 1);
    expect(down.oneOff).toBe(0);
    expect(down.perDay).toBeLessThan(0);
  });
});
