// Starts the game server and stops it cleanly on Ctrl-C (SIGINT) or SIGTERM.
import { resolve } from 'node:path';
import { startServer } from './app';

const port = Number(process.env.PORT || 2567);
const host = process.env.HOST || '0.0.0.0';
const dataDir = resolve(process.env.DATA_DIR || './data');

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, got "${process.env.PORT}".`);
  process.exit(1);
}

let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer({
    port,
    host,
    dataDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(`Port ${port} is already in use. Stop the other server or set PORT, e.g. PORT=3000 npm start.`);
  } else {
    console.error('Scale Up! could not start:', error);
  }
  process.exit(1);
}

console.log(`Scale Up! listening on ${server.url}`);

let stopping = false;
function shutdown(signal: NodeJS.Signals): void {
  if (stopping) {
    console.log(`${signal} again: exiting now.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal} received: closing the server…`);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Error while closing:', error);
      process.exit(1);
    },
  );
}

process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
