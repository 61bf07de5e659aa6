/**
 * The diagram's dev page (/dev/diagram.html under `npx vite`): the real sim in the browser feeding
 * the diagram through the local game (localGame.ts). Query parameters: start=1 (the sandbox's first minutes
 * instead of a built system), n (components, default 30), fog=1 (no
 * monitoring bought), calm=1 (no injected failures), lang=ko, tick (ms per sim tick, default
 * 1000), select (a component id to select), msaa=0|1 (force multisampling off or on), blank=1
 * (the scene with no game, for a baseline frame rate), effects=on|off|auto (reduced effects; the
 * default is the stored choice).
 */
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import { createSim } from '../../shared/sim';
import ko from '../i18n/locales/ko.json' with { type: 'json' };
import { uiState } from '../state/uiState';
import type { DiagramScene } from '../view/DiagramScene';
import { englishLabels, fixedLabels } from '../view/labels';
import { createDiagram } from '../view/mountDiagram';
import { buildDevSystem, sandbox } from './devSystem';
import { LocalGame } from './localGame';

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
  const state = start ? createSim(sandbox(), 7) : buildDevSystem({ target, metrics });
  const client = new LocalGame(tickMs);
  client.open(state);
  if (start) client.runTicks(5);
  if (!calm && !start) {
    const webs = state.components.filter((c) => c.kind === 'web');
    const caches = state.components.filter((c) => c.kind === 'cache');
    if (webs[1] !== undefined) client.crash(webs[1].id, webs[1].count);
    if (caches[1] !== undefined) client.crash(caches[1].id, 1);
    // Ordered and not yet ready: a card being set up.
    client.send({ type: 'buy', kind: 'db', region: 'eu', engine: 'nosql', size: 'small' });
    client.runTicks(1);
  }
  const effects = params.get('effects');
  if (effects === 'on' || effects === 'off' || effects === 'auto') uiState.update((s) => ({ ...s, reducedEffects: effects }));
  const select = params.get('select');
  if (select !== null) uiState.update((s) => ({ ...s, selected: select }));
  const parent = document.getElementById('diagram')!;
  const labels = params.get('lang') === 'ko' ? fixedLabels('ko', ko) : englishLabels;
  const blank = params.get('blank') === '1';
  if (blank) client.game.set(null);
  const multisample = params.get('msaa');
  const options = multisample === null ? { labels, ui: uiState } : { labels, ui: uiState, multisample: multisample === '1' };
  const game = createDiagram(parent, blank ? { game: client.game, send: () => 0 } : client, options);
  if (!blank) client.run();
  const hud = document.getElementById('hud')!;
  setInterval(() => {
    const scene = game.scene.getScene('diagram') as DiagramScene | null;
    hud.textContent = `${state.components.length} components · ${scene?.dotCount ?? 0} dots · ${game.loop.actualFps.toFixed(0)} fps · tick ${state.tick}`;
  }, 500);
  // For the console and the rendering benchmark (tests/bench/clientRender.ts), which reads the
  // Phaser game and the sim's state from here.
  Object.assign(window, { __diagram: { game, client, state, uiState } });
}

void main();
