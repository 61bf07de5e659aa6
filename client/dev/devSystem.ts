/**
 * A system to look at on the diagram's dev page (and in the fps measurement and the diagram's
 * route tests, tests/client/view), built with the real sim through commands as a player would:
 * per region a "cell" of a balancer, web servers, a cache, a session store, a queue with workers,
 * an SQL primary with a read replica and a NoSQL store, plus one CDN. Region cells are sized so
 * that the whole system has about `target` components; the scenario is the sandbox with a
 * constant request rate that keeps the web tier busy.
 */
import { SIZES, WEB_WORK, createSim, step, type Command, type CommandEntry, type Scenario, type SimState } from '../../shared/sim';
import { scenarioPreset } from '../state/scenarios';

/** Components of a full cell besides its web servers. */
const CELL_EXTRAS = 8;
const WEB_SIZE = 'medium' as const;
/** Web utilisation the traffic is sized for. */
const WEB_LOAD = 0.62;

export interface DevSystemOptions {
  /** About how many components to build (at least one cell per region). */
  target: number;
  /** Buy the monitoring features (host, aggregated and business metrics, logs, alerts). */
  metrics: boolean;
  seed?: number;
}

/** The shipped sandbox the dev systems start from (shared: copy it before changing it). */
export function sandbox(): Scenario {
  const scenario = scenarioPreset('sandbox');
  if (scenario === null) throw new Error('the sandbox scenario is not bundled');
  return scenario;
}

function send(state: SimState, commands: Command[]): string[] {
  const entries: CommandEntry[] = commands.map((command, seq) => ({ tick: state.tick, team: 'a', player: 'dev', seq, command }));
  step(state, entries);
  return commands.map((command, i) => {
    const outcome = state.lastOutcomes[i];
    if (outcome === undefined || !outcome.ok)
      throw new Error(`dev system: ${JSON.stringify(command)} refused (${outcome?.reason ?? 'no outcome'})`);
    return outcome.createdId ?? '';
  });
}

function scenarioFor(webs: number, mix: Scenario['classMix']): Scenario {
  const scenario = structuredClone(sandbox());
  scenario.startMoney = 1e9;
  scenario.initialTopology = [];
  scenario.regions = scenario.regions.map((r, i) => ({ ...r, initialUsers: [50, 30, 20][i] ?? 10 }));
  const perUser = mix.static + mix.read + mix.write + mix.session + mix.job;
  const webWork =
    (mix.static * WEB_WORK.static * 0.3 +
      mix.read * WEB_WORK.read +
      mix.write * WEB_WORK.write +
      mix.session * WEB_WORK.session +
      mix.job * WEB_WORK.job) /
    perUser;
  const rps = (webs * 2.5 * SIZES[WEB_SIZE].vcpu * WEB_LOAD) / webWork;
  scenario.traffic = { mode: 'constant', requestsPerSecond: Math.round(rps) };
  return scenario;
}

/** Web servers per region for about `target` components, in the shares of the regions' users. */
export function websPerRegion(target: number): number[] {
  const shares = [0.5, 0.3, 0.2];
  const webs = Math.max(3, target - 1 - CELL_EXTRAS * 3);
  return shares.map((s) => Math.max(1, Math.round(webs * s)));
}

export function buildDevSystem(options: DevSystemOptions): SimState {
  const base = sandbox();
  const perRegion = websPerRegion(options.target);
  const scenario = scenarioFor(
    perRegion.reduce((a, b) => a + b, 0),
    base.classMix,
  );
  const state = createSim(scenario, options.seed ?? 7);
  if (options.metrics) {
    send(
      state,
      (['hostMetrics', 'aggregatedMetrics', 'businessMetrics', 'logAggregation', 'alerts'] as const).map((feature) => ({
        type: 'buyFeature',
        feature,
      })),
    );
  }
  const regions = scenario.regions.map((r) => r.id);
  const buys: Command[] = [{ type: 'buy', kind: 'cdn', region: regions[0]! }];
  regions.forEach((region, r) => {
    buys.push({ type: 'buy', kind: 'lb', region });
    for (let w = 0; w < perRegion[r]!; w++) buys.push({ type: 'buy', kind: 'web', region, size: WEB_SIZE, count: 2 + (w % 3) });
    buys.push(
      { type: 'buy', kind: 'cache', region, size: 'medium', count: 2 },
      { type: 'buy', kind: 'sessionStore', region, size: 'small', count: 2 },
      { type: 'buy', kind: 'queue', region, size: 'small', count: 2 },
      { type: 'buy', kind: 'worker', region, size: 'large', count: 3 },
      { type: 'buy', kind: 'db', region, engine: 'rdbms', size: 'xlarge' },
      { type: 'buy', kind: 'db', region, engine: 'nosql', size: 'medium', count: 3 },
    );
  });
  const ids = send(state, buys);
  let next = 1;
  const wiring: Command[] = [{ type: 'configure', id: ids[0]!, originFallback: true, versioning: true }];
  const replicas: Command[] = [];
  const shards: Command[] = [];
  regions.forEach((_, r) => {
    const lb = ids[next++]!;
    const webs = ids.slice(next, next + perRegion[r]!);
    next += perRegion[r]!;
    const [cache, store, queue, worker, sql, nosql] = ids.slice(next, next + 6) as [string, string, string, string, string, string];
    next += 6;
    wiring.push(
      { type: 'connect', from: 'users', to: lb },
      { type: 'configure', id: lb, healthChecks: true },
      { type: 'connect', from: queue, to: worker },
      { type: 'configure', id: sql, datasets: ['accounts', 'posts'], shardKey: 'userIdHash' },
      { type: 'configure', id: nosql, datasets: ['activity'] },
    );
    for (const web of webs) {
      wiring.push(
        { type: 'connect', from: lb, to: web },
        { type: 'connect', from: web, to: cache },
        { type: 'connect', from: web, to: store },
        { type: 'connect', from: web, to: queue },
        { type: 'connect', from: web, to: sql },
        { type: 'connect', from: web, to: nosql },
      );
    }
    replicas.push({ type: 'buy', kind: 'db', region: regions[r]!, replicaOf: sql, size: 'large' });
    shards.push({ type: 'scale', id: sql, count: 2 });
  });
  send(state, wiring);
  send(state, [...replicas, ...shards]);
  for (let t = 0; t < 20; t++) step(state, []);
  return state;
}
