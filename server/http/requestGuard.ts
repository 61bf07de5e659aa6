// Runs before every HTTP request reaches Colyseus's matchmaking routes or the express routes:
// CORS, the per-address limits on making and joining rooms, and the request body limit. It sits
// in front of the http.Server's own listeners because the matchmaking routes are not express
// routes: Colyseus answers them from a listener it puts first, and reads their bodies whole.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { MatchmakingRefusal } from '../../shared/protocol/messages';
import { corsHeaders, judgeOrigin, preflightHeaders, silenceColyseusCors } from './cors';
import { AddressRateLimiter, addressKey, clientAddress, type RateLimit } from './rateLimit';

export interface HttpLimits {
  /** Largest request body accepted, in bytes; matchmaking options are a few hundred. */
  maxBodyBytes: number;
  /** Making rooms (`create`, `joinOrCreate`), per client address. */
  create: RateLimit;
  /** Joining rooms (`joinById`, `join`), per client address. */
  join: RateLimit;
  /** Largest scenario a teacher may save (POST /api/scenarios); a chapter's is about 8 kB. */
  scenarioBodyBytes: number;
  /** Saving scenarios, per client address. */
  save: RateLimit;
}

/**
 * A classroom shares one public address (the school's NAT): 60 students may start solo games or
 * join a workshop within the same minute, so the bursts hold a whole class. What they stop is a
 * script: rooms made at a few a second for hours, or join codes guessed at a thousand a second
 * (at 10 a second, finding one of 100 live rooms among 25⁶ codes takes days).
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxBodyBytes: 16 * 1024,
  create: { perMinute: 60, burst: 80 },
  join: { perMinute: 600, burst: 150 },
  scenarioBodyBytes: 64 * 1024,
  save: { perMinute: 20, burst: 10 },
};

export interface GuardOptions {
  limits: HttpLimits;
  /** Origins besides the server's own that browsers may call it from (normalised). */
  allowedOrigins: ReadonlySet<string>;
  /** Proxies in front that append to X-Forwarded-For (0: use the socket's address). */
  trustedProxyHops: number;
  /** Monotonic milliseconds; replaceable in tests. */
  now?: () => number;
}

/** The Colyseus matchmaking methods each limit applies to; `reconnect` needs a token and is not limited. */
const LIMITED_METHODS: Readonly<Record<string, 'create' | 'join'>> = {
  create: 'create',
  joinOrCreate: 'create',
  join: 'join',
  joinById: 'join',
};

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type RequestWithBody = IncomingMessage & { body?: unknown };

/**
 * How Colyseus's matchmaking routes answer errors: `{ code, error }` (see its default_routes). The
 * error is a reason code from the protocol, which the SDK rejects with and the client translates.
 */
function sendError(res: ServerResponse, status: number, error: MatchmakingRefusal, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ code: status, error });
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** Whether a body follows the headers (a declared length above 0, or chunked). */
function hasBody(req: IncomingMessage): boolean {
  const length = Number(req.headers['content-length']);
  return (Number.isFinite(length) && length > 0) || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Reads the body as text, or resolves null as soon as it grows past `max` bytes (the rest is
 * never read: the caller answers and the connection is closed). Resolves undefined if the
 * client went away.
 */
function readBody(req: IncomingMessage, max: number): Promise<string | null | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (value: string | null | undefined) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) finish(null);
      else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks).toString('utf8'));
    const onError = () => finish(undefined);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
}

/**
 * Puts the guard in front of every 'request' listener `server` has now (call it once Colyseus
 * has bound its routes, i.e. after listen). Requests that pass go on to those listeners, with
 * their body already read into `req.body`, which Colyseus's router uses instead of the stream.
 */
export function guardRequests(server: Server, options: GuardOptions): void {
  silenceColyseusCors();
  const downstream = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  const now = options.now ?? (() => performance.now());
  const limiters = {
    create: new AddressRateLimiter(options.limits.create),
    join: new AddressRateLimiter(options.limits.join),
    save: new AddressRateLimiter(options.limits.save),
  };

  const pass = (req: IncomingMessage, res: ServerResponse) => {
    for (const listener of downstream) listener.call(server, req, res);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const verdict = judgeOrigin(req, options.allowedOrigins);
    const cors = corsHeaders(verdict);
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const matchmaking = /^\/matchmake\/(\w+)\//.exec(pathname);
    const scenarioSave = req.method === 'POST' && pathname === '/api/scenarios';
    const maxBody = scenarioSave ? options.limits.scenarioBodyBytes : options.limits.maxBodyBytes;
    const bodyPending = hasBody(req);
    // A refusal sent before the body was read closes the connection: Node would otherwise read
    // and discard all of it to keep the connection alive.
    const refuse = (status: number, error: MatchmakingRefusal, headers: Record<string, string> = {}) =>
      sendError(res, status, error, { ...cors, ...headers, ...(bodyPending ? { connection: 'close' } : {}) });

    if (req.method === 'OPTIONS') {
      if (verdict.kind === 'refused') refuse(403, 'origin-not-allowed');
      else {
        res.writeHead(204, verdict.kind === 'allowed' ? preflightHeaders(verdict) : { allow: 'GET, HEAD, POST, OPTIONS' });
        res.end();
      }
      return;
    }
    // Browsers do not preflight every POST, so a foreign page's request must be stopped here,
    // not only hidden from it.
    if ((matchmaking !== null || scenarioSave) && verdict.kind === 'refused') {
      refuse(403, 'origin-not-allowed');
      return;
    }
    if (Number(req.headers['content-length']) > maxBody) {
      refuse(413, 'body-too-large');
      return;
    }
    // Looking a join code up counts as a join: a workshop's new code must not be guessed faster.
    const codeLookup = req.method === 'GET' && pathname.startsWith('/api/codes/');
    const limited =
      req.method === 'POST' && matchmaking?.[1] !== undefined
        ? LIMITED_METHODS[matchmaking[1]]
        : codeLookup
          ? 'join'
          : scenarioSave
            ? 'save'
            : undefined;
    if (limited !== undefined) {
      const wait = limiters[limited].take(addressKey(clientAddress(req, options.trustedProxyHops)), now());
      if (wait > 0) {
        refuse(429, 'rate-limited', { 'retry-after': String(wait) });
        return;
      }
    }
    for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
    if (!bodyPending) {
      pass(req, res);
      return;
    }
    void readBody(req, maxBody).then((body) => {
      if (body === undefined) req.destroy();
      else if (body === null) {
        refuse(413, 'body-too-large', { connection: 'close' });
        // Nothing more is read: the socket closes once the answer is out.
        req.pause();
      } else {
        (req as RequestWithBody).body = body;
        pass(req, res);
      }
    });
  });
}
