/**
 * Generated games as a server would record them, for the replay file's size test and the seek
 * benchmark: teams that grow a system on the sandbox with the commands players send (buys of every
 * kind, links the rules allow, settings, scaling, removals, incidents answered), each naming the
 * component ids the sim gives out (`web-7`: the kind and the team's count of components so far),
 * sent by seats whose ids are written as the server writes them (six random bytes, base64url),
 * with each player's seq counting up. Seeded: the same game every time.
 */
import type { ReplayDocument } from '../../shared/protocol/results';
import { loadPreset } from '../../shared/scenarios';
import {
  CACHE_POLICIES,
  CACHE_STRATEGIES,
  FEATURE_NAMES,
  SHARD_KEYS,
  SIM_VERSION,
  SIZE_NAMES,
  type Command,
  type CommandEntry,
  type ComponentKindName,
} from '../../shared/sim';

/** mulberry32: a small seeded generator (numbers in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A seat id as the server makes one: six random bytes in base64url, eight characters. */
function seatId(random: Random): string {
  return Array.from({ length: 8 }, () => pick(random, [...BASE64URL])).join('');
}

interface Part {
  id: string;
  kind: ComponentKindName;
  region: string;
  engine?: 'rdbms' | 'nosql';
  /** A read replica's primary. */
  replicaOf?: string;
}

/**
 * One team's system as its players grow it: what it holds, so that each order names real ids and
 * links the rules allow. The sandbox starts with web-1; every buy takes the next number.
 */
class TeamSystem {
  private readonly parts: Part[] = [{ id: 'web-1', kind: 'web', region: 'ap' }];
  private readonly links: Array<[string, string]> = [['users', 'web-1']];
  private next = 2;

  constructor(
    private readonly random: Random,
    private readonly regions: readonly string[],
  ) {}

  /** The next order a player of the team sends. */
  order(): Command {
    const random = this.random;
    const roll = random();
    const of = (kind: ComponentKindName) => this.parts.filter((part) => part.kind === kind);
    if (roll < 0.3 || this.parts.length < 3) return this.buy();
    if (roll < 0.52) return this.connect() ?? this.buy();
    if (roll < 0.68) return this.configure();
    if (roll < 0.76) {
      const group = pick(random, [...of('web'), ...of('worker')]);
      if (group !== undefined) return { type: 'scale', id: group.id, count: 1 + Math.floor(random() * 6) };
    }
    if (roll < 0.81) return { type: 'resize', id: pick(random, this.parts).id, size: pick(random, SIZE_NAMES.slice(0, 4)) };
    if (roll < 0.84 && this.links.length > 1) {
      const [from, to] = this.links.splice(Math.floor(random() * this.links.length), 1)[0] as [string, string];
      return { type: 'disconnect', from, to };
    }
    if (roll < 0.86 && this.parts.length > 4) {
      const [part] = this.parts.splice(Math.floor(random() * this.parts.length), 1) as [Part];
      return { type: 'remove', id: part.id };
    }
    if (roll < 0.89) return { type: 'restart', id: pick(random, this.parts).id };
    if (roll < 0.9) return { type: 'rollback' };
    if (roll < 0.93) return { type: 'buyFeature', feature: pick(random, FEATURE_NAMES) };
    if (roll < 0.95) {
      const [home, away] = [pick(random, this.regions), pick(random, this.regions)];
      const share = 10 * Math.floor(random() * 11);
      return { type: 'geoRoute', region: home, weights: home === away ? { [home]: 100 } : { [home]: share, [away]: 100 - share } };
    }
    const rdbms = of('db').filter((db) => db.engine === 'rdbms' && db.replicaOf === undefined);
    const replica = of('db').find((db) => db.replicaOf !== undefined);
    const cdn = of('cdn')[0];
    if (roll < 0.97 && rdbms.length > 0)
      return { type: 'reshard', id: pick(random, rdbms).id, shards: 2 + Math.floor(random() * 3), key: pick(random, SHARD_KEYS) };
    if (roll < 0.98 && replica !== undefined) return this.promote(replica);
    if (cdn !== undefined) return { type: 'invalidate', id: cdn.id };
    return this.buy();
  }

  /** The replica becomes the primary; the old primary, its replica (as the sim does). */
  private promote(replica: Part): Command {
    const primary = replica.replicaOf;
    for (const part of this.parts) {
      if (part.replicaOf === primary) part.replicaOf = replica.id;
      if (part.id === primary) part.replicaOf = replica.id;
    }
    delete replica.replicaOf;
    return { type: 'promote', id: replica.id };
  }

  private add(part: Omit<Part, 'id'>): string {
    const id = `${part.kind}-${this.next++}`;
    this.parts.push({ ...part, id });
    return id;
  }

  private buy(): Command {
    const random = this.random;
    const region = random() < 0.7 ? 'ap' : pick(random, this.regions);
    const size = pick(random, SIZE_NAMES.slice(0, 3));
    const roll = random();
    const primary = this.parts.find((part) => part.kind === 'db' && part.engine === 'rdbms' && part.replicaOf === undefined);
    if (roll < 0.35) {
      this.add({ kind: 'web', region });
      return random() < 0.5 ? { type: 'buy', kind: 'web', region, size } : { type: 'buy', kind: 'web', region, size, count: 2 };
    }
    if (roll < 0.5) {
      this.add({ kind: 'lb', region });
      return { type: 'buy', kind: 'lb', region };
    }
    if (roll < 0.62 && primary !== undefined) {
      this.add({ kind: 'db', region: primary.region, engine: 'rdbms', replicaOf: primary.id });
      return { type: 'buy', kind: 'db', region: primary.region, size, replicaOf: primary.id };
    }
    if (roll < 0.75) {
      const nosql = random() < 0.4;
      this.add({ kind: 'db', region, engine: nosql ? 'nosql' : 'rdbms' });
      return nosql ? { type: 'buy', kind: 'db', region, size, engine: 'nosql', count: 2 } : { type: 'buy', kind: 'db', region, size };
    }
    const kind = pick(random, ['cache', 'sessionStore', 'queue', 'worker', 'cdn'] as const);
    this.add({ kind, region });
    return kind === 'cdn' ? { type: 'buy', kind, region } : { type: 'buy', kind, region, size };
  }

  /** A link the rules allow and the system does not have yet; null when there is none to make. */
  private connect(): Command | null {
    const random = this.random;
    const targets: Record<string, readonly ComponentKindName[]> = {
      lb: ['web'],
      web: ['db', 'cache', 'sessionStore', 'queue'],
      queue: ['worker'],
    };
    const sources = [{ id: 'users', kind: 'users' }, ...this.parts].filter((part) =>
      part.kind === 'users' ? true : targets[part.kind] !== undefined,
    );
    for (let attempt = 0; attempt < 8; attempt++) {
      const from = pick(random, sources);
      const kinds = from.kind === 'users' ? (['lb', 'web'] as const) : (targets[from.kind] ?? []);
      const to = pick(
        random,
        this.parts.filter((part) => kinds.includes(part.kind) && part.replicaOf === undefined),
      );
      if (to === undefined || this.links.some(([a, b]) => a === from.id && b === to.id)) continue;
      this.links.push([from.id, to.id]);
      return { type: 'connect', from: from.id, to: to.id };
    }
    return null;
  }

  private configure(): Command {
    const random = this.random;
    const part = pick(random, this.parts);
    switch (part.kind) {
      case 'lb':
        return { type: 'configure', id: part.id, healthChecks: random() < 0.8 };
      case 'web': {
        const min = 1 + Math.floor(random() * 2);
        const max = min + 1 + Math.floor(random() * 6);
        const targetUtilisation = pick(random, [0.5, 0.6, 0.7]);
        const cooldownTicks = pick(random, [5, 10, 15]);
        return random() < 0.7
          ? { type: 'configure', id: part.id, autoscaling: { enabled: true, min, max, targetUtilisation, cooldownTicks } }
          : { type: 'configure', id: part.id, healthChecks: true };
      }
      case 'db':
        return random() < 0.6
          ? { type: 'configure', id: part.id, datasets: pick(random, [['accounts'], ['posts'], ['activity'], ['accounts', 'posts']]) }
          : { type: 'configure', id: part.id, failover: 'automatic' };
      case 'cache':
        return random() < 0.5
          ? { type: 'configure', id: part.id, cachePolicy: pick(random, CACHE_POLICIES), ttlSeconds: pick(random, [60, 300, 3600]) }
          : { type: 'configure', id: part.id, cacheStrategy: pick(random, CACHE_STRATEGIES) };
      case 'queue':
        return { type: 'configure', id: part.id, durable: true };
      default:
        return { type: 'configure', id: part.id, healthChecks: true };
    }
  }
}

/** An instructor's injected incident, with a strength in its type's range. */
function incident(random: Random): Command {
  const roll = random();
  if (roll < 0.4) return { type: 'inject', incident: { type: 'trafficSpike', region: 'ap', magnitude: 2 + Math.floor(random() * 4) } };
  if (roll < 0.7) return { type: 'inject', incident: { type: 'badDeploy', magnitude: 0.3, durationTicks: 30 } };
  return { type: 'inject', incident: { type: 'serverCrash', target: 'web-1' } };
}

interface GeneratedGame {
  teams: number;
  playersPerTeam: number;
  ordersPerPlayer: number;
  /** Incidents the instructor injects into each team (0: no instructor). */
  incidentsPerTeam: number;
  /** The game's length in ticks; every order is sent before its end. */
  ticks: number;
  seed: number;
  /** The scenario's regions, where teams buy. */
  regions: readonly string[];
}

/** Every team's orders in the order the room logs them: by tick, then by arrival; one team is `solo`. */
export function generatedLog(game: GeneratedGame): { log: CommandEntry[]; teams: string[] } {
  const random = prng(game.seed);
  const teams = Array.from({ length: game.teams }, (_, t) => (game.teams === 1 ? 'solo' : `team-${t + 1}`));
  const sent: Array<Omit<CommandEntry, 'seq'>> = [];
  for (const team of teams) {
    const system = new TeamSystem(random, game.regions);
    const seats = Array.from({ length: game.playersPerTeam }, () => seatId(random));
    // Each order in turn at a random tick: the team's system grows in the order it is sent.
    const ticks = Array.from({ length: game.playersPerTeam * game.ordersPerPlayer }, () => Math.floor(random() * game.ticks)).sort(
      (a, b) => a - b,
    );
    for (const tick of ticks) sent.push({ tick, team, player: pick(random, seats), command: system.order() });
  }
  if (game.incidentsPerTeam > 0) {
    const instructor = seatId(random);
    for (const team of teams)
      for (let i = 0; i < game.incidentsPerTeam; i++)
        sent.push({ tick: Math.floor(random() * game.ticks), team, player: instructor, command: incident(random) });
  }
  // Within a tick the room logs commands as they arrive: the teams' in any interleaving.
  const arrived = sent
    .map((entry) => ({ entry, key: random() }))
    .sort((a, b) => a.entry.tick - b.entry.tick || a.key - b.key)
    .map((item) => item.entry);
  const seqs = new Map<string, number>();
  const log = arrived.map((entry) => {
    const seq = seqs.get(entry.player) ?? 0;
    seqs.set(entry.player, seq + 1);
    return { tick: entry.tick, team: entry.team, player: entry.player, seq, command: entry.command };
  });
  return { log, teams };
}

/** A hash as hashState writes one (sixteen hex digits); the size test needs its length, not its value. */
function hexHash(random: Random): string {
  return Array.from({ length: 16 }, () => pick(random, [...'0123456789abcdef'])).join('');
}

/**
 * A one-hour workshop on the sandbox as its replay is stored: 60 participants in 12 teams, each
 * sending about 20 orders, and the instructor's injected incidents, over a three-day game.
 */
export function workshopReplay(seed = 2026): ReplayDocument {
  const scenario = loadPreset('sandbox');
  const ticks = 3 * 1440;
  const { log, teams } = generatedLog({
    teams: 12,
    playersPerTeam: 5,
    ordersPerPlayer: 20,
    incidentsPerTeam: 2,
    ticks,
    seed,
    regions: scenario.regions.map((region) => region.id),
  });
  const random = prng(seed + 1);
  return {
    id: 'Wk3x_9aQ',
    scenario: { ...scenario, objectives: { ...scenario.objectives, durationTicks: ticks } },
    seed,
    teams,
    log,
    finalTick: ticks,
    finalHashes: Object.fromEntries(teams.map((team) => [team, hexHash(random)])),
    version: SIM_VERSION,
  };
}
