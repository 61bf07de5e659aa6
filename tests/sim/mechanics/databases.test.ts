/**
 * Idea 2 of docs/design.md (seed: 어떤 데이터베이스를 사용할 것인가?): a relational database joins in one
 * query and keeps to one machine; a NoSQL store answers key lookups faster and partitions itself
 * over many machines, but cannot join, so a join becomes extra reads stitched in the web tier.
 */
import { describe, expect, it } from 'vitest';
import { ENGINES, WEB_STITCH_WORK, WEB_WORK, type DbEngine } from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { posts, singleClassScenario } from '../../helpers/scenarios';

const READS = 100;

/** Users → web (medium) → one database of `engine` holding a single data set with `joins` tables. */
function readsThrough(engine: DbEngine, joins: number) {
  const scenario = singleClassScenario('read', READS, {
    datasets: [posts({ joins })],
    initialTopology: [
      { kind: 'web', region: 'ap', size: 'large', connectFrom: ['users'] },
      { kind: 'db', region: 'ap', size: 'large', engine, connectFrom: [0] },
    ],
  });
  return new Driver(scenario).run(3);
}

describe('relational and non-relational databases', () => {
  it('an RDBMS answers a three-table read with one query that does the join', () => {
    const sim = readsThrough('rdbms', 3);
    const db = sim.component('db-2');
    expect(db.figures.lambda).toBeCloseTo(READS, 9);
    const work = ENGINES.rdbms.readWork + 2 * ENGINES.rdbms.joinWork;
    expect(db.figures.utilisation).toBeCloseTo((READS * work) / 4, 9);
  });

  it('NoSQL has no joins: the same read becomes three lookups, stitched together by the web server', () => {
    const sim = readsThrough('nosql', 3);
    const db = sim.component('db-2');
    expect(db.figures.lambda).toBeCloseTo(3 * READS, 9);
    const web = sim.component('web-1');
    expect(web.figures.utilisation).toBeCloseTo((READS * (WEB_WORK.read + 2 * WEB_STITCH_WORK)) / 4, 9);
    const rdbmsWeb = readsThrough('rdbms', 3).component('web-1');
    expect(web.figures.utilisation).toBeGreaterThan(rdbmsWeb.figures.utilisation);
  });

  it('for key lookups without joins, NoSQL answers faster than an RDBMS', () => {
    const nosql = readsThrough('nosql', 1).component('db-2');
    const rdbms = readsThrough('rdbms', 1).component('db-2');
    expect(nosql.figures.meanLatencyMs).toBeLessThan(rdbms.figures.meanLatencyMs);
    expect(nosql.figures.capacity).toBeGreaterThan(rdbms.figures.capacity);
  });

  it('an RDBMS cannot be spread over several machines; NoSQL partitions its data and its load', () => {
    const rdbms = readsThrough('rdbms', 1);
    expect(rdbms.send({ type: 'scale', id: 'db-2', count: 3 })[0]).toMatchObject({ ok: false, reason: 'rdbms-cannot-partition' });
    expect(rdbms.send({ type: 'buy', kind: 'db', region: 'ap', engine: 'rdbms', count: 2 })[0]).toMatchObject({
      ok: false,
      reason: 'rdbms-cannot-partition',
    });
    const nosql = readsThrough('nosql', 1);
    const single = nosql.component('db-2').figures.utilisation;
    expect(nosql.send({ type: 'scale', id: 'db-2', count: 4 })[0]?.ok).toBe(true);
    nosql.run(12);
    const spread = nosql.component('db-2');
    expect(spread.count).toBe(4);
    expect(spread.figures.capacity).toBeCloseTo(4 * (4 / ENGINES.nosql.readWork), 6);
    expect(spread.figures.utilisation).toBeCloseTo(single / 4, 9);
  });

  it('a data set on no reachable database fails its requests', () => {
    const scenario = singleClassScenario('read', READS, {
      initialTopology: [{ kind: 'web', region: 'ap', size: 'large', connectFrom: ['users'] }],
    });
    const sim = new Driver(scenario).run(2);
    expect(sim.state.summary.successRate).toBe(0);
    expect(sim.component('web-1').figures.failed).toBeCloseTo(READS, 9);
  });
});
