import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, defineConfig, type Logger } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const clientRoot = `${repoRoot}client`;
const serverPort = Number(process.env.PORT ?? 2567);

/** A line of the build's file listing that names one of the bundled font files (Noto Sans KR comes in ~500 subsets). */
const FONT_LINE = /\.(woff2?|ttf|otf)\b/;

/**
 * Vite's logger, minus the hundreds of lines listing font files after a build (`npm start` builds
 * first, and those lines buried the server's own). The other files (page, scripts, styles) are
 * still listed, the fonts get one line saying how many there were, and warnings and errors pass
 * untouched.
 */
function quietFontsLogger(): Logger {
  const logger = createLogger();
  const info = logger.info.bind(logger);
  logger.info = (msg, options) => {
    const lines = msg.split('\n');
    const first = lines.findIndex((line) => FONT_LINE.test(line));
    if (first < 0) {
      info(msg, options);
      return;
    }
    const kept = lines.filter((line) => !FONT_LINE.test(line));
    kept.splice(first, 0, `(${lines.length - kept.length} font files, not listed)`);
    info(kept.join('\n'), options);
  };
  return logger;
}

/** The game page: the only page built into dist/client, so the only one players are served. */
export const GAME_PAGE = `${clientRoot}/index.html`;

/**
 * The dev pages (client/dev/), which run the simulation in the page and need no server. `npx
 * vite` serves them (/dev/ui.html, /dev/diagram.html); they are not built for players, but a
 * tool that measures one builds it with the game page (input: { main: GAME_PAGE, dev: … }).
 */
export const DEV_PAGES = {
  ui: `${clientRoot}/dev/ui.html`,
  diagram: `${clientRoot}/dev/diagram.html`,
} as const;

/** Builds the browser client from client/ into dist/client, which the game server serves. */
export default defineConfig({
  root: clientRoot,
  customLogger: quietFontsLogger(),
  build: {
    outDir: `${repoRoot}dist/client`,
    emptyOutDir: true,
    rolldownOptions: { input: GAME_PAGE },
  },
  optimizeDeps: {
    // With the build's input set, the dev server would only look at the game page for
    // dependencies to pre-bundle; the dev pages' own (the sim's) would then reload the page.
    entries: [GAME_PAGE, ...Object.values(DEV_PAGES)].map((page) => relative(clientRoot, page)),
  },
  server: {
    // `npx vite` for client work: API calls go to a game server started with `npm run dev`.
    proxy: { '/healthz': `http://localhost:${serverPort}` },
  },
});
