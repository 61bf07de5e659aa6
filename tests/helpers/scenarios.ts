/**
 * Builders for the scenarios tests run: a region, a one-table data set, a class mix, a round-trip
 * table, and whole scenarios made from the presets with overrides. Each builder is the one place
 * its defaults live, so a test states only the figures it is about; a test that needs another
 * value passes it as an override rather than writing the object out again.
 */
import { loadPreset } from '../../shared/scenarios';
import type {
  DatasetSpec,
  InitialComponent,
  PerClass,
  RequestClass,
  Scenario,
  ScenarioRegion,
  ScriptedIncident,
  SizeName,
} from '../../shared/sim';

/**
 * A region named by its id, with `users` daily active users at tick 0, peaking at noon. The
 * market is as large as the region's users (at least 1, so an empty region is still valid);
 * pass `marketSize` in `overrides` for room to grow.
 */
export function region(id: string, users: number, overrides: Partial<ScenarioRegion> = {}): ScenarioRegion {
  return { id, name: { en: id, ko: id }, initialUsers: users, marketSize: Math.max(1, users), peakHour: 12, ...overrides };
}

/** The data set most tests use: 'posts', every read and write, one table (a read is one query). */
export function posts(overrides: Partial<DatasetSpec> = {}): DatasetSpec {
  return { id: 'posts', name: { en: 'Posts', ko: '게시물' }, readShare: 1, writeShare: 1, joins: 1, ...overrides };
}

/** A class mix with the classes given and every other class at 0 (in REQUEST_CLASSES order). */
export function mix(classes: Partial<PerClass>): PerClass {
  return { static: 0, read: 0, write: 0, session: 0, job: 0, ...classes };
}

/** Round trips for two regions `a` and `b`: `between` from one to the other, `local` inside each. */
export function twoRegionLatency(a: string, b: string, between: number, local = 20): Scenario['latencyMs'] {
  return { [a]: { [a]: local, [b]: between }, [b]: { [a]: between, [b]: local } };
}

/** A large web server as `region`'s DNS entry: the region's users send their requests straight to it. */
export function webEntry(region: string): InitialComponent {
  return { kind: 'web', region, size: 'large', connectFrom: ['users'] };
}

/** A large database in `region` (no engine given: an RDBMS), called by the components at indices `from` of the topology. */
export function largeDb(region: string, ...from: number[]): InitialComponent {
  return { kind: 'db', region, size: 'large', connectFrom: from };
}

/** users → lb → one web group of `count` servers of `size`, in 'ap' (web group at index 1). */
export function balancedPool(count: number, size: SizeName = 'medium'): InitialComponent[] {
  return [
    { kind: 'lb', region: 'ap', connectFrom: ['users'] },
    { kind: 'web', region: 'ap', size, count, connectFrom: [0] },
  ];
}

/** The constant-load preset with overrides: one region, fixed request rate, no randomness. */
export function constantScenario(overrides: Partial<Scenario> = {}): Scenario {
  return { ...loadPreset('constant-load'), ...overrides };
}

/** The sandbox preset with overrides: three regions, users who grow, random incidents. */
export function sandboxScenario(overrides: Partial<Scenario> = {}): Scenario {
  return { ...loadPreset('sandbox'), ...overrides };
}

/** The constant-load system with `users` users (and a market of as many) in each of its regions. */
export function constantScenarioWithUsers(users: number, overrides: Partial<Scenario> = {}): Scenario {
  const base = constantScenario();
  return constantScenario({ regions: base.regions.map((r) => ({ ...r, initialUsers: users, marketSize: users })), ...overrides });
}

/** A scenario whose only traffic is one request class at `rps` requests per second. */
export function singleClassScenario(cls: RequestClass, rps: number, overrides: Partial<Scenario> = {}): Scenario {
  return constantScenario({ classMix: mix({ [cls]: 1 }), traffic: { mode: 'constant', requestsPerSecond: rps }, ...overrides });
}

/** Static files only at `rps`, to `balancedPool(count)` (no database needed). */
export function staticPool(count: number, rps: number, overrides: Partial<Scenario> = {}): Scenario {
  return singleClassScenario('static', rps, { initialTopology: balancedPool(count), ...overrides });
}

/** `reads` reads and `writes` writes per second of the one-table `posts()` data set. */
export function readWriteScenario(reads: number, writes: number, overrides: Partial<Scenario> = {}): Scenario {
  return constantScenario({
    traffic: { mode: 'constant', requestsPerSecond: reads + writes },
    classMix: mix({ read: reads, write: writes }),
    datasets: [posts()],
    ...overrides,
  });
}

/** Round trips (ms) in the world of `regionsScenario`: inside a region, and between a, b and c (c is nearer b). */
export const LOCAL_MS = 20;
export const AB_MS = 150;
const CA_MS = 200;
const CB_MS = 80;
const ROUND_TRIPS: Record<string, Record<string, number>> = {
  a: { a: LOCAL_MS, b: AB_MS, c: CA_MS },
  b: { a: AB_MS, b: LOCAL_MS, c: CB_MS },
  c: { a: CA_MS, b: CB_MS, c: LOCAL_MS },
};

export interface RegionsSetup {
  /** Users per region, of a, b and c (the constant load is split by these); a region listed with 0 still exists. */
  users: Partial<Record<'a' | 'b' | 'c', number>>;
  classMix: PerClass;
  topology: InitialComponent[];
  incidents?: ScriptedIncident[];
  overrides?: Partial<Scenario>;
}

/**
 * A constant load of `rps` requests per second of `posts()` over the regions listed in `users`,
 * each with room to grow (a market of a million), the round trips between them from ROUND_TRIPS.
 */
export function regionsScenario(rps: number, { users, classMix, topology, incidents = [], overrides = {} }: RegionsSetup): Scenario {
  const ids = Object.keys(users);
  const latencyMs: Record<string, Record<string, number>> = {};
  for (const from of ids) {
    latencyMs[from] = {};
    for (const to of ids) latencyMs[from]![to] = ROUND_TRIPS[from]![to]!;
  }
  return constantScenario({
    regions: ids.map((id) => region(id, users[id as keyof typeof users]!, { marketSize: 1_000_000 })),
    latencyMs,
    classMix,
    traffic: { mode: 'constant', requestsPerSecond: rps },
    datasets: [posts()],
    initialTopology: topology,
    incidents,
    ...overrides,
  });
}
