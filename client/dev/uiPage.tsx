/**
 * The UI dev page (/dev/ui.html under `npx vite`): mounts the real UI over a local simulation.
 * Query parameters set up what a screenshot needs:
 *   lang=en|ko     language            screen=start   stay on the start screen
 *   warm=N         run N ticks first, building a small system (load balancer, cache, replica…)
 *   select=ID      open the inspector  concept=ID     open a concept card
 *   paused=1       start paused        drop=1         show the reconnecting indicator
 *   notice=1       show a sample error notice
 *   build=0        warm up without building     build=monitor  only buy monitoring
 *   crash=ID       crash one instance of ID (then 20 ticks run)
 *   bankrupt=1     end the game (out of money) connect=ID  start drawing a connection from ID
 */
import type { Command } from '../../shared/sim';
import { setLanguage, type Language } from '../i18n';
import { uiState, type ConceptId } from '../state/uiState';
import { mountUi } from '../ui/mountUi';
import { LocalGame } from './localGame';

const params = new URLSearchParams(location.search);
const lang = params.get('lang');
if (lang === 'en' || lang === 'ko') setLanguage(lang as Language);

/** A small system built over the first simulated day: every kind of figure has something to show. */
const SCRIPT = new Map<number, Command[]>([
  [
    0,
    [
      { type: 'buyFeature', feature: 'hostMetrics' },
      { type: 'buyFeature', feature: 'aggregatedMetrics' },
      { type: 'buyFeature', feature: 'businessMetrics' },
      { type: 'buyFeature', feature: 'logAggregation' },
      { type: 'buy', kind: 'db', region: 'ap', engine: 'rdbms' },
    ],
  ],
  [
    15,
    [
      { type: 'connect', from: 'web-1', to: 'db-2' },
      { type: 'configure', id: 'web-1', colocatedDb: false },
    ],
  ],
  [
    240,
    [
      { type: 'buy', kind: 'lb', region: 'ap' },
      { type: 'scale', id: 'web-1', count: 2 },
    ],
  ],
  [
    250,
    [
      { type: 'connect', from: 'lb-3', to: 'web-1' },
      { type: 'connect', from: 'users', to: 'lb-3' },
      { type: 'configure', id: 'lb-3', healthChecks: true },
    ],
  ],
  [420, [{ type: 'buy', kind: 'cache', region: 'ap' }]],
  [430, [{ type: 'connect', from: 'web-1', to: 'cache-4' }]],
  [700, [{ type: 'buyFeature', feature: 'alerts' }]],
  [900, [{ type: 'buy', kind: 'db', region: 'ap', replicaOf: 'db-2' }]],
]);

/** Monitoring only, no new components: the one starting server struggles as users grow. */
const MONITOR_ONLY = new Map<number, Command[]>([
  [
    0,
    (['hostMetrics', 'aggregatedMetrics', 'logAggregation', 'alerts'] as const).map((feature): Command => ({
      type: 'buyFeature',
      feature,
    })),
  ],
]);

const client = new LocalGame();
const root = document.getElementById('ui');
if (root !== null) mountUi(root, client);

if (params.get('screen') !== 'start') {
  void client.startSolo('sandbox').then(() => {
    const warm = Number(params.get('warm') ?? 0);
    const build = params.get('build');
    if (warm > 0) client.runTicks(warm, build === '0' ? new Map() : build === 'monitor' ? MONITOR_ONLY : SCRIPT);
    const crash = params.get('crash');
    if (crash !== null) {
      client.crash(crash);
      client.runTicks(20);
    }
    if (params.get('paused') === '1') client.control({ action: 'pause' });
    const select = params.get('select');
    if (select !== null) uiState.update((u) => ({ ...u, selected: select }));
    const concept = params.get('concept');
    if (concept !== null) uiState.update((u) => ({ ...u, openConcept: concept as ConceptId }));
    if (params.get('drop') === '1') client.simulateDrop(60_000);
    if (params.get('bankrupt') === '1') client.goBankrupt();
    const connect = params.get('connect');
    if (connect !== null) uiState.update((u) => ({ ...u, connectingFrom: connect }));
    if (params.get('notice') === '1') client.send({ type: 'scale', id: 'db-2', count: 3 });
  });
}

// For poking at it from the browser console.
(window as unknown as { devClient: LocalGame }).devClient = client;
