/**
 * A "what if" change from the asking to the doing: steps gathered into one change renumber their
 * `new-n` references, a buy asked about from the build panel comes wired in as a player would wire it,
 * the plan holds at most eight commands, and "Do it" sends the commands with the ids the buys
 * really got (not the ones the forecast guessed), leaving out what cannot be done.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ComponentKindName, ComponentView, TeamView } from '../../../shared/sim';
import { combineSteps, withCreatedIds, type PlannedCommand } from '../../../client/ui/forecast/change';
import { buyPlan } from '../../../client/ui/forecast/buyPlan';
import { carryOut, type SentOutcome } from '../../../client/ui/forecast/carryOut';
import { askWhatIf, closePlan, dropStep, forecastPlan, planChange, setHorizon } from '../../../client/ui/forecast/plan';
import { whatIfClient } from '../../../client/ui/forecast/forecastClient';
import type { UiClient } from '../../../client/ui/uiClient';
import type { GameModel } from '../../../client/state/model';
import { Store } from '../../../client/state/store';

function component(id: string, region: string, targets: string[] = [], settings: ComponentView['settings'] = {}): ComponentView {
  return { id, kind: id.split('-')[0] as ComponentKindName, region, targets, settings } as unknown as ComponentView;
}

function team(components: ComponentView[], entries: Record<string, string> = {}): TeamView {
  return { components, entries } as unknown as TeamView;
}

describe('a change gathered from steps', () => {
  it('moves each step’s references past the buys of the steps before it', () => {
    const change = combineSteps([
      [
        { type: 'buy', kind: 'cache', region: 'ap' },
        { type: 'connect', from: 'web-1', to: 'new-1' },
      ],
      [{ type: 'resize', id: 'db-2', size: 'large' }],
      [
        { type: 'buy', kind: 'queue', region: 'ap' },
        { type: 'buy', kind: 'worker', region: 'ap' },
        { type: 'connect', from: 'web-1', to: 'new-1' },
        { type: 'connect', from: 'new-1', to: 'new-2' },
      ],
    ]);
    expect(change.slice(3)).toEqual([
      { type: 'buy', kind: 'queue', region: 'ap' },
      { type: 'buy', kind: 'worker', region: 'ap' },
      { type: 'connect', from: 'web-1', to: 'new-2' },
      { type: 'connect', from: 'new-2', to: 'new-3' },
    ]);
    expect(change[1]).toEqual({ type: 'connect', from: 'web-1', to: 'new-1' });
    expect(change[2]).toEqual({ type: 'resize', id: 'db-2', size: 'large' });
  });

  it('puts in the ids the buys created, or gives up on a reference to one that was not', () => {
    expect(withCreatedIds({ type: 'connect', from: 'new-2', to: 'new-1' }, ['cache-8', 'web-9'])).toEqual({
      type: 'connect',
      from: 'web-9',
      to: 'cache-8',
    });
    expect(withCreatedIds({ type: 'buy', kind: 'db', region: 'ap', replicaOf: 'new-1' }, ['db-4'])).toEqual({
      type: 'buy',
      kind: 'db',
      region: 'ap',
      replicaOf: 'db-4',
    });
    expect(withCreatedIds({ type: 'connect', from: 'web-1', to: 'new-2' }, ['cache-8', null])).toBeNull();
    expect(withCreatedIds({ type: 'scale', id: 'web-1', count: 3 }, [])).toEqual({ type: 'scale', id: 'web-1', count: 3 });
  });
});

describe('"What if I buy this?" wiring', () => {
  const ap = [
    component('lb-3', 'ap', ['web-1']),
    component('web-1', 'ap', ['db-2', 'cache-4']),
    component('web-5', 'ap', ['db-2']),
    component('db-2', 'ap'),
    component('cache-4', 'ap'),
    component('web-6', 'eu'),
  ];

  it('has every web server of the region call a new store, or only the selected one', () => {
    expect(buyPlan(team(ap), 'sessionStore', 'ap', null)).toEqual([
      { type: 'buy', kind: 'sessionStore', region: 'ap' },
      { type: 'connect', from: 'web-1', to: 'new-1' },
      { type: 'connect', from: 'web-5', to: 'new-1' },
    ]);
    expect(buyPlan(team(ap), 'cache', 'ap', 'web-5')).toEqual([
      { type: 'buy', kind: 'cache', region: 'ap' },
      { type: 'connect', from: 'web-5', to: 'new-1' },
    ]);
    // A selected database cannot call a cache: the region's web servers do.
    expect(buyPlan(team(ap), 'db', 'ap', 'db-2', 'nosql')[0]).toEqual({ type: 'buy', kind: 'db', region: 'ap', engine: 'nosql' });
    expect(buyPlan(team(ap), 'db', 'ap', 'db-2', 'nosql')).toHaveLength(3);
  });

  it('puts a new web server behind the balancer, calling what its sibling calls', () => {
    expect(buyPlan(team(ap), 'web', 'ap', null)).toEqual([
      { type: 'buy', kind: 'web', region: 'ap' },
      { type: 'connect', from: 'lb-3', to: 'new-1' },
      { type: 'connect', from: 'new-1', to: 'db-2' },
      { type: 'connect', from: 'new-1', to: 'cache-4' },
    ]);
  });

  it('makes a first web server the region’s entry, and a balancer the entry in front of the web servers', () => {
    expect(buyPlan(team([]), 'web', 'eu', null)).toEqual([
      { type: 'buy', kind: 'web', region: 'eu' },
      { type: 'connect', from: 'users', to: 'new-1' },
    ]);
    expect(buyPlan(team(ap, { eu: 'web-6' }), 'lb', 'eu', null)).toEqual([
      { type: 'buy', kind: 'lb', region: 'eu' },
      { type: 'connect', from: 'new-1', to: 'web-6' },
      { type: 'connect', from: 'users', to: 'new-1' },
    ]);
    expect(buyPlan(team(ap), 'cdn', 'ap', 'web-1')).toEqual([{ type: 'buy', kind: 'cdn', region: 'ap' }]);
  });

  it('never asks more than a forecast takes', () => {
    const many = Array.from({ length: 12 }, (_, i) => component(`web-${i + 10}`, 'ap'));
    expect(buyPlan(team(many), 'cache', 'ap', null)).toHaveLength(8);
  });
});

describe('the plan', () => {
  afterEach(() => closePlan());
  const cache: PlannedCommand[] = [
    { type: 'buy', kind: 'cache', region: 'ap' },
    { type: 'connect', from: 'web-1', to: 'new-1' },
  ];

  it('opens with a step, adds later ones once, and closes when the last is taken out', () => {
    askWhatIf(cache);
    askWhatIf([{ type: 'buy', kind: 'db', region: 'ap' }]);
    askWhatIf(cache);
    const plan = forecastPlan.get()!;
    expect(plan.steps).toHaveLength(2);
    expect(planChange(plan).map((c) => c.type)).toEqual(['buy', 'connect', 'buy']);
    dropStep(plan.steps[0]!.key);
    expect(planChange(forecastPlan.get()!)).toEqual([{ type: 'buy', kind: 'db', region: 'ap' }]);
    dropStep(plan.steps[1]!.key);
    expect(forecastPlan.get()).toBeNull();
  });

  it('refuses a step that would take it past eight commands, and keeps the horizon chosen', () => {
    setHorizon(600);
    askWhatIf(cache);
    askWhatIf([{ type: 'scale', id: 'web-1', count: 2 }]);
    askWhatIf([{ type: 'scale', id: 'web-1', count: 3 }]);
    askWhatIf([{ type: 'scale', id: 'web-1', count: 4 }]);
    askWhatIf([{ type: 'scale', id: 'web-1', count: 5 }]);
    askWhatIf([{ type: 'scale', id: 'web-1', count: 6 }]);
    expect(forecastPlan.get()!.full).toBe(false);
    askWhatIf(cache.concat([{ type: 'connect', from: 'web-2', to: 'new-1' }]));
    expect(forecastPlan.get()!.full).toBe(true);
    expect(planChange(forecastPlan.get()!)).toHaveLength(7);
    closePlan();
    askWhatIf(cache);
    expect(forecastPlan.get()!.horizon).toBe(600);
    setHorizon(300);
  });
});

describe('"Do it"', () => {
  /** A sender that records what was sent; a buy answers with the next of `ids` (null: refused). */
  function recorder(ids: Array<string | null>) {
    const sent: PlannedCommand[] = [];
    const waited: PlannedCommand[] = [];
    return {
      sent,
      waited,
      send(command: PlannedCommand) {
        sent.push(command);
        return sent.length;
      },
      sendAndWait(command: PlannedCommand): Promise<SentOutcome | null> {
        sent.push(command);
        waited.push(command);
        const id = ids.shift() ?? null;
        return Promise.resolve(
          id === null ? { ok: false, reason: 'insufficient-funds', createdId: null } : { ok: true, reason: null, createdId: id },
        );
      },
    };
  }

  it('uses the id the buy really got, not the one the forecast showed', async () => {
    // The forecast said the cache would be cache-7; a teammate bought something first.
    const sender = recorder(['cache-9']);
    const notDone = await carryOut(
      [
        { type: 'buy', kind: 'cache', region: 'ap' },
        { type: 'connect', from: 'web-1', to: 'new-1' },
        { type: 'connect', from: 'web-5', to: 'new-1' },
      ],
      new Set(),
      sender,
    );
    expect(notDone).toEqual([]);
    expect(sender.waited).toEqual([{ type: 'buy', kind: 'cache', region: 'ap' }]);
    expect(sender.sent.slice(1)).toEqual([
      { type: 'connect', from: 'web-1', to: 'cache-9' },
      { type: 'connect', from: 'web-5', to: 'cache-9' },
    ]);
  });

  it('does not wait for a buy nothing else names, and leaves out what the forecast refused', async () => {
    const sender = recorder([]);
    const notDone = await carryOut(
      [
        { type: 'buy', kind: 'cdn', region: 'ap' },
        { type: 'connect', from: 'web-1', to: 'db-2' },
        { type: 'scale', id: 'web-1', count: 3 },
      ],
      new Set([1]),
      sender,
    );
    expect(sender.waited).toEqual([]);
    expect(sender.sent).toEqual([
      { type: 'buy', kind: 'cdn', region: 'ap' },
      { type: 'scale', id: 'web-1', count: 3 },
    ]);
    expect(notDone).toEqual([{ index: 1, reason: 'refused' }]);
  });

  it('skips what names a component whose buy failed for real', async () => {
    const sender = recorder([null, 'worker-12']);
    const notDone = await carryOut(
      [
        { type: 'buy', kind: 'queue', region: 'ap' },
        { type: 'buy', kind: 'worker', region: 'ap' },
        { type: 'connect', from: 'web-1', to: 'new-1' },
        { type: 'connect', from: 'new-1', to: 'new-2' },
        { type: 'scale', id: 'new-2', count: 2 },
      ],
      new Set(),
      sender,
    );
    expect(sender.sent).toEqual([
      { type: 'buy', kind: 'queue', region: 'ap' },
      { type: 'buy', kind: 'worker', region: 'ap' },
      { type: 'scale', id: 'worker-12', count: 2 },
    ]);
    expect(notDone).toEqual([
      { index: 0, reason: 'insufficient-funds' },
      { index: 2, reason: 'unknown-reference' },
      { index: 3, reason: 'unknown-reference' },
    ]);
  });
});

describe('who is offered "what if"', () => {
  /** A client of a game in `phase`, seated as `role`, whose team is over or not; `able`: it can ask the room. */
  function client(options: { role: string; phase: string; over?: boolean; replaying?: boolean; able?: boolean }): UiClient {
    const game = {
      clock: { phase: options.phase },
      me: { team: 'solo', role: options.role },
      teams: { solo: { gameOver: options.over === true ? { tick: 9, reason: 'bankrupt' } : null } },
    } as unknown as GameModel;
    const asks = options.able === false ? {} : { forecast: () => undefined, sendAndWait: () => undefined };
    return { game: new Store(game), replaying: options.replaying, ...asks } as unknown as UiClient;
  }

  it('is a player or captain of a running live game only', () => {
    expect(whatIfClient(client({ role: 'player', phase: 'running' }))).not.toBeNull();
    expect(whatIfClient(client({ role: 'captain', phase: 'running' }))).not.toBeNull();
    expect(whatIfClient(client({ role: 'player', phase: 'running', replaying: true }))).toBeNull();
    expect(whatIfClient(client({ role: 'player', phase: 'running', able: false }))).toBeNull();
    expect(whatIfClient(client({ role: 'spectator', phase: 'running' }))).toBeNull();
    expect(whatIfClient(client({ role: 'instructor', phase: 'running' }))).toBeNull();
    expect(whatIfClient(client({ role: 'player', phase: 'finished' }))).toBeNull();
    expect(whatIfClient(client({ role: 'player', phase: 'running', over: true }))).toBeNull();
  });
});
