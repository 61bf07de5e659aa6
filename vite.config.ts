import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const serverPort = Number(process.env.PORT ?? 2567);

/** Builds the browser client from client/ into dist/client, which the game server serves. */
export default defineConfig({
  root: `${repoRoot}client`,
  build: {
    outDir: `${repoRoot}dist/client`,
    emptyOutDir: true,
  },
  server: {
    // `npx vite` for client work: API calls go to a game server started with `npm run dev`.
    proxy: { '/healthz': `http://localhost:${serverPort}` },
  },
});
