// The game page: the bundled Hangul font first (canvas text drawn before it loads would show
// empty boxes on machines without Korean fonts), then the DOM UI and the Phaser diagram, both
// reading one GameClient, the only code that talks to the server (or an open replay's client).
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import { language, t } from './i18n';
import { GameClient } from './net/gameClient';
import { activeReplay, diagramClient, diagramStage, replayIdFromPath } from './replay/viewer';
import { installTestHooks } from './testHooks';
import { joinCodeFromPath, mountUi } from './ui/mountUi';
import { diagramShown } from './ui/screen';

/** Waits for both weights of the font, with Korean and Latin glyphs (at most a few seconds). */
async function loadFonts(): Promise<void> {
  const sample = 'Scale Up! 스케일 업 0123456789';
  const loads = ['400 16px "Noto Sans KR"', '700 16px "Noto Sans KR"'].map((font) => document.fonts.load(font, sample));
  await Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, 5000))]);
}

async function start(): Promise<void> {
  await loadFonts();
  const client = new GameClient(location.origin, localStorage);
  mountUi(document.getElementById('ui') as HTMLElement, client, location.pathname);
  // A reload or a reopened tab goes back to the game this browser was in, if it still runs; a
  // `/join/<code>` link's page decides itself (it rejoins a seat this browser already holds there),
  // and a `/replay/<id>` link shows that replay.
  if (joinCodeFromPath(location.pathname) === null && replayIdFromPath(location.pathname) === null) void client.resumeLastGame();
  // Phaser is the heaviest part of the bundle: loaded after the start screen is up.
  const { createDiagram } = await import('./view/mountDiagram');
  // The diagram draws the replay on screen, if any, else the live game.
  const shown = diagramClient(client);
  const diagram = createDiagram(document.getElementById('diagram') as HTMLElement, shown, {
    stage: diagramStage(),
    // The diagram's canvas text follows the language switch like the DOM does.
    labels: {
      language: () => language.get(),
      t: (key, params) => t(key, params),
      subscribe: (listener) => {
        let first = true;
        return language.subscribe(() => {
          if (first) first = false;
          else listener();
        });
      },
    },
  });
  // The diagram sleeps while another screen covers it (the start screen, a lobby, the console).
  const follow = () => {
    const visible = diagramShown(shown.game.get());
    if (visible && !diagram.loop.running) diagram.loop.wake();
    else if (!visible && diagram.loop.running) diagram.loop.sleep();
  };
  shown.game.subscribe(follow);
  diagram.events.once('ready', follow);
  document.getElementById('boot')?.remove();
  // For browser tests and the curious: the client, to inspect or to drop the connection, and the
  // diagram, to ask what it draws.
  installTestHooks(client, diagram, activeReplay);
}

void start();
