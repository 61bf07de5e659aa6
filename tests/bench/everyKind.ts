/**
 * The bench topology with every component kind: the standard cells (balancer, web groups, RDBMS
 * shards, a NoSQL group) plus, per cell, a cache, a session store, a queue with its workers and a
 * read replica for each RDBMS, and one CDN for everyone. Built with commands after the standard
 * build, then settled again, so the step measured is the one a late-game system costs.
 */
import { ENQUEUE_WORK, MEMORY_STORE_WORK, MAX_COUNT, SIZES, WEB_WORK, type Command } from '../../shared/sim';
import { buildTopology, classShares, created, send, settle, type BuiltTopology, type TopologySpec } from './topologies';

const STORE_UTILISATION = 0.5;
const WORKER_UTILISATION = 0.6;

/** Instances of `size` needed to carry `cpu` CPU-seconds per second at `utilisation`. */
function countFor(cpu: number, size: 'medium' | 'large', utilisation: number): number {
  return Math.min(MAX_COUNT, Math.max(2, Math.ceil(cpu / (SIZES[size].vcpu * utilisation))));
}

export function buildEveryKindTopology(spec: TopologySpec, seed = 1): BuiltTopology {
  const built = buildTopology(spec, seed);
  const { state } = built;
  const scenario = state.scenario;
  const share = classShares(scenario);
  const cellRps = built.requestsPerSecond / spec.cells;
  const sessionOps = cellRps * (1 - share.static);
  const cacheOps = cellRps * share.read * 2 + cellRps * share.write;
  const jobs = cellRps * share.job;

  const buys: Command[] = [{ type: 'buy', kind: 'cdn', region: scenario.regions[0]!.id }];
  const perCell: Array<{ region: string; webs: string[]; rdbmses: string[] }> = [];
  for (const region of scenario.regions) {
    const inCell = state.components.filter((c) => c.region === region.id);
    perCell.push({
      region: region.id,
      webs: inCell.filter((c) => c.kind === 'web').map((c) => c.id),
      rdbmses: inCell.filter((c) => c.kind === 'db' && c.settings.engine === 'rdbms').map((c) => c.id),
    });
    buys.push(
      {
        type: 'buy',
        kind: 'cache',
        region: region.id,
        size: 'medium',
        count: countFor(cacheOps * MEMORY_STORE_WORK, 'medium', STORE_UTILISATION),
      },
      {
        type: 'buy',
        kind: 'sessionStore',
        region: region.id,
        size: 'medium',
        count: countFor(sessionOps * MEMORY_STORE_WORK, 'medium', STORE_UTILISATION),
      },
      { type: 'buy', kind: 'queue', region: region.id, size: 'medium', count: countFor(jobs * ENQUEUE_WORK, 'medium', STORE_UTILISATION) },
      { type: 'buy', kind: 'worker', region: region.id, size: 'large', count: countFor(jobs * WEB_WORK.job, 'large', WORKER_UTILISATION) },
    );
  }
  const ids = send(state, buys);
  const wiring: Command[] = [];
  perCell.forEach((cell, c) => {
    const [cache, store, queue, worker] = [1, 2, 3, 4].map((k) => created(ids, c * 4 + k)) as [string, string, string, string];
    wiring.push({ type: 'connect', from: queue, to: worker });
    for (const web of cell.webs) {
      wiring.push(
        { type: 'connect', from: web, to: cache },
        { type: 'connect', from: web, to: store },
        { type: 'connect', from: web, to: queue },
      );
    }
    for (const rdbms of cell.rdbmses) wiring.push({ type: 'buy', kind: 'db', region: cell.region, replicaOf: rdbms, size: 'medium' });
  });
  send(state, wiring);
  return settle(state, spec, built.requestsPerSecond);
}
