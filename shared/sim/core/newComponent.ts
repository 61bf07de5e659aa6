/** A fresh component of any kind, with the settings a new purchase starts with. */
import { SIZES, type SizeName } from '../rules/catalogue';
import type { ComponentKindName } from './scenario';
import type { DbEngine } from '../vocabulary';
import type { ComponentSettings, ComponentState } from './state';

/** Settings a newly bought component starts with: the plain, unprepared choice the seed warns about. */
export function defaultSettings(kind: ComponentKindName, engine: DbEngine, datasets: string[]): ComponentSettings {
  switch (kind) {
    case 'lb':
      return { healthChecks: false };
    case 'web':
      return { colocatedDb: false };
    case 'db':
      return { engine, datasets: [...datasets], failover: 'manual' };
    case 'cache':
      return { cachePolicy: 'lru', cacheStrategy: 'lookAside', ttlSeconds: 300 };
    case 'cdn':
      return { ttlSeconds: 3600, versioning: false, originFallback: false };
    case 'queue':
      return { durable: false };
    case 'sessionStore':
    case 'worker':
      return {};
  }
}

/** A component with nothing ready yet: instances arrive through `provisioning`. */
export function newComponent(
  id: string,
  kind: ComponentKindName,
  region: string,
  size: SizeName,
  settings: ComponentSettings,
): ComponentState {
  return {
    id,
    kind,
    region,
    size: SIZES[size].name,
    count: 0,
    down: 0,
    provisioning: [],
    restartUntilTick: -1,
    rolling: null,
    settings,
    targets: [],
    lastScaleTick: -1_000_000,
    backlog: 0,
    fill: 0,
    lagSeconds: 0,
    messages: 0,
    resharding: null,
    promoteAtTick: -1,
    figures: {
      lambda: 0,
      capacity: 0,
      utilisation: 0,
      meanLatencyMs: 0,
      p95LatencyMs: 0,
      served: 0,
      failed: 0,
      backlog: 0,
      queueLength: 0,
    },
    extra: {},
  };
}
