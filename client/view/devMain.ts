/**
 * The diagram's dev page (/view/dev.html under `npx vite`): the real sim in the browser feeding
 * the diagram through a fake client. Query parameters: start=1 (the sandbox's first minutes
 * instead of a built system), n (components, default 30), fog=1 (no
 * monitoring bought), calm=1 (no injected failures), lang=ko, tick (ms per sim tick, default
 * 1000), select (a component id to select), msaa=0|1 (force multisampling off or on), blank=1
 * (the scene with no game, for a baseline frame rate).
 */
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import ko from '../i18n/locales/ko.json' with { type: 'json' };
import { loadPreset } from '../../shared/scenarios';
import { createSim } from '../../shared/sim';
import { uiState } from '../ui/uiState';
import type { DiagramScene } from './DiagramScene';
import { createDiagram } from './mountDiagram';
import { SimClient } from './devClient';
import { buildDevSystem } from './devSystem';
import { englishLabels, fixedLabels } from './labels';

const params = new URLSearchParams(location.search);
const target = Number(params.get('n') ?? 30);
const metrics = params.get('fog') !== '1';
const calm = params.get('calm') === '1';
const tickMs = Number(params.get('tick') ?? 1000);

async function main(): Promise<void> {
  // The page loads the bundled font before anything draws text (as the game's page does).
  await Promise.all(['400 15px "Noto Sans KR"', '700 15px "Noto Sans KR"'].map((font) => document.fonts.load(font, 'Aa웹서버')));
  // start=1: the sandbox as a new player gets it (one web server with its database on the box).
  const start = params.get('start') === '1';
  const state = start ? createSim(loadPreset('sandbox'), 7) : buildDevSystem({ target, metrics });
  const client = new SimClient(state);
  if (start) for (let t = 0; t < 5; t++) client.tick();
  if (!calm && !start) {
    const webs = state.components.filter((c) => c.kind === 'web');
    const caches = state.components.filter((c) => c.kind === 'cache');
    if (webs[1] !== undefined) client.crash(webs[1].id, webs[1].count);
    if (caches[1] !== undefined) client.crash(caches[1].id, 1);
    client.buy({ type: 'buy', kind: 'db', region: 'eu', engine: 'nosql', size: 'small' });
    client.tick();
  }
  const select = params.get('select');
  if (select !== null) uiState.update((s) => ({ ...s, selected: select }));
  const parent = document.getElementById('diagram')!;
  const labels = params.get('lang') === 'ko' ? fixedLabels('ko', ko) : englishLabels;
  const blank = params.get('blank') === '1';
  if (blank) client.game.set(null);
  const multisample = params.get('msaa');
  const options = multisample === null ? { labels, ui: uiState } : { labels, ui: uiState, multisample: multisample === '1' };
  const game = createDiagram(parent, blank ? { game: client.game, send: () => 0 } : client, options);
  if (!blank) client.start(tickMs);
  const hud = document.getElementById('hud')!;
  setInterval(() => {
    const scene = game.scene.getScene('diagram') as DiagramScene | null;
    hud.textContent = `${state.components.length} components · ${scene?.dotCount ?? 0} dots · ${game.loop.actualFps.toFixed(0)} fps · tick ${state.tick}`;
  }, 500);
  Object.assign(window, { __diagram: { game, client, state, uiState } });
}

void main();
