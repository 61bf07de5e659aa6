/**
 * The forward pass: each component, in tier order, takes the requests routed to it, sends the
 * share that reaches dead (or unreachable) instances to failure, runs its serving instances as
 * bounded M/G/c/K queues (boundedQueue.ts; the service variability from the mix of requests that
 * reaches it), and passes what its queues accepted on to what it calls.
 *
 * Every request passed on is also counted on its link (ctx.links, see Links in state.ts): what a
 * caller sends along a link is what the target receives from it, dead instances included, so a
 * component's λ is the sum of its incoming links plus what users send it straight from DNS, with
 * one exception: a read-through or write-through cache storing the keys it missed is the cache's
 * own work (a look-aside cache's keys are stored by the web server, on its link). A read-through
 * cache's loads from the database count on the web server's link to it, as the flow routes them
 * (the game has no cache → database connection). Requests that fail before they leave (across a
 * partition, a data set no database holds) are on no link.
 */
import type { FlowContext } from './context';
import { balancer } from './balancer';
import { database } from './database';
import { cacheNode, queue, store } from './stores';
import { webServer } from './web';

export { RESHARD_EXTRA_WORK } from './database';

/** Runs one component's forward step. */
export function forward(ctx: FlowContext, i: number): void {
  const component = ctx.state.components[i]!;
  switch (component.kind) {
    case 'lb':
      return balancer(ctx, i, component);
    case 'web':
      return webServer(ctx, i, component);
    case 'cache':
      return cacheNode(ctx, i, component);
    case 'sessionStore':
      return store(ctx, i, component);
    case 'queue':
      return queue(ctx, i, component);
    case 'db':
      return database(ctx, i, component);
    case 'cdn':
    case 'worker':
      return; // the CDN is evaluated with the demand, workers with their queue
  }
}
