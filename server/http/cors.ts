// Which web pages may call this server from a browser. The client is served by the server itself,
// so its own origin is always allowed; other origins only when listed (ALLOWED_ORIGINS). Colyseus
// would otherwise answer every origin with credentials allowed, which lets any site use a
// visitor's browser to make rooms and read the answers.
import type { IncomingMessage } from 'node:http';
import { matchMaker } from '@colyseus/core';

export type OriginVerdict =
  /** No Origin header: not a cross-origin browser request (curl, bots, the SDK in Node). */
  { kind: 'none' } | { kind: 'allowed'; origin: string } | { kind: 'refused'; origin: string };

/** `scheme://host[:port]` in canonical form (lower case, no default port), or null. */
function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** An origin as written in a setting: like normaliseOrigin, but nothing past the port. */
export function parseOriginSetting(value: string): string | null {
  const origin = normaliseOrigin(value);
  if (origin === null) return null;
  const url = new URL(value);
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  return bare ? origin : null;
}

/**
 * Judges a request's Origin: allowed when it names the host the request was sent to (the page
 * the server itself served, whatever name or port it was reached by) or one of `allowedOrigins`
 * (already normalised).
 */
export function judgeOrigin(req: IncomingMessage, allowedOrigins: ReadonlySet<string>): OriginVerdict {
  const header = req.headers.origin;
  if (header === undefined || header === '') return { kind: 'none' };
  const origin = normaliseOrigin(header);
  if (origin === null) return { kind: 'refused', origin: header };
  if (allowedOrigins.has(origin)) return { kind: 'allowed', origin };
  const host = req.headers.host;
  if (host !== undefined && host !== '') {
    const scheme = origin.slice(0, origin.indexOf(':'));
    // Parsed with the origin's scheme so that `example.com` and `example.com:443` compare equal.
    if (normaliseOrigin(`${scheme}://${host}`) === origin) return { kind: 'allowed', origin };
  }
  return { kind: 'refused', origin };
}

const ALLOWED_HEADERS = 'Origin, X-Requested-With, Content-Type, Accept, Authorization';

/** Headers for an actual (not preflight) response; none unless the origin is allowed. */
export function corsHeaders(verdict: OriginVerdict): Record<string, string> {
  if (verdict.kind === 'none') return {};
  if (verdict.kind === 'refused') return { vary: 'Origin' };
  return {
    vary: 'Origin',
    'access-control-allow-origin': verdict.origin,
    // The SDK sends its matchmaking requests with credentials included.
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'Retry-After',
  };
}

/** Headers answering a preflight (OPTIONS) from an allowed origin. */
export function preflightHeaders(verdict: OriginVerdict & { kind: 'allowed' }): Record<string, string> {
  return {
    ...corsHeaders(verdict),
    'access-control-allow-methods': 'GET, HEAD, POST',
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '7200',
  };
}

/**
 * Stops Colyseus from adding its own CORS headers (any origin, with credentials) to every
 * response, through the hooks its matchmaking controller offers for this. The request guard
 * sets the headers instead. Process-wide, like the matchmaker itself; idempotent.
 */
export function silenceColyseusCors(): void {
  const controller = matchMaker.controller as {
    DEFAULT_CORS_HEADERS: Record<string, string>;
    getCorsHeaders(headers: Headers): Record<string, string>;
  };
  controller.DEFAULT_CORS_HEADERS = {};
  controller.getCorsHeaders = () => ({});
}
