/**
 * Builders for what the client reads of a team (the sim's view types), for the client's unit
 * tests: a component seen without host metrics unless given, and host metrics of a lightly loaded
 * healthy host. Each test overrides what it is about.
 */
import type { ComponentView, HostMetrics } from '../../shared/sim';

/** A small healthy web server in Asia Pacific, without metrics; `over` replaces any field. */
export function componentView(over: Partial<ComponentView> = {}): ComponentView {
  return {
    id: 'web-1',
    kind: 'web',
    region: 'ap',
    size: 'small',
    count: 1,
    provisioning: 0,
    status: 'ok',
    resizingTo: null,
    resharding: null,
    settings: {},
    targets: [],
    metrics: null,
    ...over,
  };
}

/** Host metrics of one healthy serving instance; `over` replaces any field. */
export function hostMetrics(over: Partial<HostMetrics> = {}): HostMetrics {
  return {
    lambda: 10,
    capacity: 100,
    utilisation: 0.1,
    meanLatencyMs: 5,
    p95LatencyMs: 9,
    served: 10,
    errors: 0,
    backlog: 0,
    extra: {},
    sent: {},
    fromUsers: {},
    serving: 1,
    down: 0,
    restarting: 0,
    health: 'healthy',
    ...over,
  };
}
