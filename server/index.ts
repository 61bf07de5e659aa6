// Starts the game server from its environment (see server/config.ts and docs/operations.md) and
// stops it cleanly on Ctrl-C (SIGINT) or SIGTERM: rooms save a snapshot before the process exits.
import { startServer } from './app';
import { serverOptionsFromEnv } from './config';

let options: ReturnType<typeof serverOptionsFromEnv>;
try {
  options = serverOptionsFromEnv(process.env);
} catch (error) {
  console.error(`Scale Up! cannot start, check these settings:\n${(error as Error).message}`);
  process.exit(1);
}

let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer({ ...options, warmForecasts: true });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(
      `Scale Up! cannot start: port ${options.port} is in use. Stop the other server or choose another port, e.g. PORT=3000 npm start.`,
    );
  } else if (code === 'SCALE_UP_DATA_LOSS') {
    // What happened and what to do, already in full (server/store/dataLoss.ts).
    console.error((error as Error).message);
  } else if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    console.error(`Scale Up! cannot start: ${(error as Error).message}. Check HOST and PORT.`);
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
  console.log(`${signal} received: saving rooms and closing the server…`);
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
