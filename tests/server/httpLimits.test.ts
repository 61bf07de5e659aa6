/**
 * The HTTP side against hostile clients, on a real server: request bodies are limited (and not
 * read past the limit), making and joining rooms is limited per address with a 429 the SDK
 * reports as `rate-limited`, and CORS answers only the page's own origin and listed ones.
 * Requests come from different loopback addresses (127.0.0.x) so each test has its own buckets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { serverOptionsFromEnv } from '../../server/config';
import { DEFAULT_HTTP_LIMITS } from '../../server/http/requestGuard';
import { rawRequest, type RawRequest } from '../helpers/rawRequest';
import { AddressRateLimiter, addressKey, clientAddress } from '../../server/http/rateLimit';

const LIMITS = { maxBodyBytes: 16 * 1024, create: { perMinute: 6, burst: 3 }, join: { perMinute: 60, burst: 4 } };
const LISTED = 'https://play.example.com';

let dataDir: string;
let server: RunningServer;
let players = 0;
const playerId = () => `http-limits-${process.pid}-${++players}`;

/** One request on its own connection, from `from` (a loopback address), exactly as given (POST unless told). */
const send = (path: string, options: RawRequest = {}) => rawRequest(server.port, path, { method: 'POST', ...options });

const create = (from: string, headers: Record<string, string> = {}, method = 'create') =>
  send(`/matchmake/${method}/game`, { from, headers, body: JSON.stringify({ mode: 'solo', playerId: playerId() }) });

/**
 * Streams a chunked body of up to `limit` bytes, 64 KiB at a time as fast as the server takes
 * it, and reports how much had been written when the server answered or hung up.
 */
function stream(path: string, limit: number): Promise<{ writtenAtEnd: number; status: number | null }> {
  return new Promise((resolve) => {
    let written = 0;
    let over = false;
    const finish = (status: number | null) => {
      if (over) return;
      over = true;
      resolve({ writtenAtEnd: written, status });
      req.destroy();
    };
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      (res: IncomingMessage) => finish(res.statusCode ?? 0),
    );
    req.on('error', () => finish(null));
    req.on('close', () => finish(null));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!over && written < limit) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!over) req.end();
    };
    req.write('{"mode":"solo","pad":"');
    pump();
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'scale-up-http-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    staticDir: join(dataDir, 'no-client'),
    restoreRooms: false,
    timings: { tickMs: 50, reconnectSeconds: 1, emptyRoomSeconds: 2 },
    httpLimits: LIMITS,
    allowedOrigins: [LISTED],
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('request bodies', () => {
  it('refuses a matchmaking body over the limit with 413 and a JSON reason', async () => {
    const body = JSON.stringify({ mode: 'solo', playerId: playerId(), pad: 'x'.repeat(100 * 1024) });
    const answer = await send('/matchmake/create/game', { body, from: '127.0.0.20' });
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual({ code: 413, error: 'body-too-large' });
    expect(answer.headers.connection).toBe('close');
  });

  it('stops reading a chunked body at the limit instead of taking it all', { timeout: 30_000 }, async () => {
    const sent = await stream('/matchmake/create/game', 64 * 1024 * 1024);
    // Whatever the kernel buffers on loopback, far less than the 64 MiB offered.
    expect(sent.writtenAtEnd).toBeLessThan(8 * 1024 * 1024);
    if (sent.status !== null) expect(sent.status).toBe(413);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('limits bodies on every other route too', async () => {
    const answer = await send('/api/results/abcdef', { body: JSON.stringify({ pad: 'y'.repeat(64 * 1024) }), from: '127.0.0.21' });
    expect(answer.status).toBe(413);
    const streamed = await stream('/healthz', 64 * 1024 * 1024);
    expect(streamed.writtenAtEnd).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('CORS', () => {
  it('refuses matchmaking from a foreign page and gives it no CORS headers', async () => {
    const answer = await create('127.0.0.30', { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toEqual({ code: 403, error: 'origin-not-allowed' });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await send('/matchmake/create/game', {
      method: 'OPTIONS',
      from: '127.0.0.30',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.status).toBe(403);
    const health = await send('/healthz', { method: 'GET', headers: { origin: 'https://evil.example' } });
    expect(health.status).toBe(200);
    expect(health.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows the page the server served, by whatever host name it was reached', async () => {
    const own = `http://localhost:${server.port}`;
    const headers = { origin: own, host: `localhost:${server.port}` };
    const preflight = await send('/matchmake/create/game', {
      method: 'OPTIONS',
      from: '127.0.0.31',
      headers: { ...headers, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(own);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    const answer = await create('127.0.0.31', headers);
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(own);
    expect(JSON.parse(answer.body)).toMatchObject({ name: 'game', roomId: expect.any(String) });
  });

  it('allows origins listed in ALLOWED_ORIGINS', async () => {
    const answer = await create('127.0.0.32', { origin: LISTED });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(LISTED);
    const health = await send('/healthz', { method: 'GET', headers: { origin: LISTED } });
    expect(health.headers['access-control-allow-origin']).toBe(LISTED);
  });

  it('still lets the SDK at http://localhost:<port> make a room and join it', async () => {
    const client = new Client(`http://localhost:${server.port}`);
    const room = await client.create('game', { mode: 'match', playerId: playerId() });
    room.onMessage('*', () => {});
    const other = await new Client(`http://localhost:${server.port}`).joinById(room.roomId, { playerId: playerId() });
    other.onMessage('*', () => {});
    expect(other.roomId).toBe(room.roomId);
    await other.leave();
    await room.leave();
  });
});

describe('rate limits', () => {
  it("limits making rooms per address with a 429 in Colyseus's error shape", async () => {
    for (let i = 0; i < LIMITS.create.burst; i++) expect((await create('127.0.0.2')).status).toBe(200);
    const refused = await create('127.0.0.2');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(refused.body)).toEqual({ code: 429, error: 'rate-limited' });
    // 6 a minute: the next token is 10 s away.
    expect(Number(refused.headers['retry-after'])).toBe(10);
    // Another address has its own bucket.
    expect((await create('127.0.0.3')).status).toBe(200);
  });

  it('counts joinOrCreate as making a room', async () => {
    expect((await create('127.0.0.4')).status).toBe(200);
    for (let i = 1; i < LIMITS.create.burst; i++) await create('127.0.0.4', {}, 'joinOrCreate');
    expect((await create('127.0.0.4', {}, 'joinOrCreate')).status).toBe(429);
  });

  it('limits joining by code per address', async () => {
    for (let i = 0; i < LIMITS.join.burst; i++) {
      const missing = await send('/matchmake/joinById/ZZZZZZ', { from: '127.0.0.5', body: JSON.stringify({ playerId: playerId() }) });
      expect(missing.status).not.toBe(429);
    }
    const refused = await send('/matchmake/joinById/ZZZZZZ', { from: '127.0.0.5', body: JSON.stringify({ playerId: playerId() }) });
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({ code: 429, error: 'rate-limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await send('/matchmake/join/game', { from: '127.0.0.5', body: JSON.stringify({ playerId: playerId() }) })).status).toBe(429);
  });

  it('ignores X-Forwarded-For unless proxies are trusted', async () => {
    const spoofed = await create('127.0.0.2', { 'x-forwarded-for': '203.0.113.7' });
    expect(spoofed.status).toBe(429);
  });

  it('reaches the SDK as a "rate-limited" error the client can translate', async () => {
    let error: unknown;
    for (let i = 0; i <= LIMITS.create.burst && error === undefined; i++) {
      try {
        const room = await new Client(server.url).create('game', { mode: 'solo', playerId: playerId() });
        room.onMessage('*', () => {});
        await room.leave();
      } catch (caught) {
        error = caught;
      }
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('rate-limited');
    expect((error as { code?: unknown }).code).toBe(429);
  });
});

describe('per-address buckets', () => {
  it('refill at the configured rate and tell how long to wait', () => {
    const limiter = new AddressRateLimiter({ perMinute: 60, burst: 2 });
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBe(1);
    expect(limiter.take('a', 500)).toBe(1);
    expect(limiter.take('a', 1000)).toBe(0);
  });

  it('remember a bounded number of addresses, forgetting the least recently seen', () => {
    const limiter = new AddressRateLimiter({ perMinute: 1, burst: 1 }, 3);
    for (const key of ['a', 'b', 'c']) limiter.take(key, 0);
    limiter.take('a', 1);
    for (let i = 0; i < 1000; i++) limiter.take(`spray-${i}`, 2);
    expect(limiter.size).toBe(3);
  });

  it('group IPv6 addresses by /64 and read IPv4-mapped ones as IPv4', () => {
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('2001:db8:0:1:aaaa::1')).toBe(addressKey('2001:0db8:0000:0001:ffff:1:2:3'));
    expect(addressKey('2001:db8:0:1::1')).not.toBe(addressKey('2001:db8:0:2::1'));
    expect(addressKey('127.0.0.1')).toBe('127.0.0.1');
  });

  it('take the client from X-Forwarded-For only as far as proxies are trusted', () => {
    const req = (xff?: string) =>
      ({
        socket: { remoteAddress: '10.0.0.9' },
        headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
      }) as unknown as IncomingMessage;
    expect(clientAddress(req('1.1.1.1, 2.2.2.2'), 0)).toBe('10.0.0.9');
    expect(clientAddress(req('1.1.1.1, 2.2.2.2'), 1)).toBe('2.2.2.2');
    expect(clientAddress(req('spoofed, 1.1.1.1, 2.2.2.2'), 2)).toBe('1.1.1.1');
    expect(clientAddress(req(), 1)).toBe('10.0.0.9');
  });
});

describe('settings from the environment', () => {
  it('default to the documented limits', () => {
    const options = serverOptionsFromEnv({});
    expect(options.httpLimits).toEqual(DEFAULT_HTTP_LIMITS);
    expect(DEFAULT_HTTP_LIMITS).toEqual({
      maxBodyBytes: 16_384,
      create: { perMinute: 60, burst: 80 },
      join: { perMinute: 600, burst: 150 },
      scenarioBodyBytes: 65_536,
      save: { perMinute: 20, burst: 10 },
    });
    expect(options).toMatchObject({ allowedOrigins: [], trustedProxyHops: 0, acceptDataLoss: false });
  });

  it('read every limit, the allowed origins, the proxy hops and the data-loss switch', () => {
    const options = serverOptionsFromEnv({
      SCALE_UP_MAX_BODY_BYTES: '4096',
      SCALE_UP_CREATE_PER_MINUTE: '20',
      SCALE_UP_CREATE_BURST: '8',
      SCALE_UP_JOIN_PER_MINUTE: '120',
      SCALE_UP_JOIN_BURST: '30',
      ALLOWED_ORIGINS: 'https://Game.Example.com, http://localhost:5173,https://example.org:443/',
      TRUST_PROXY_HOPS: '1',
      SCALE_UP_ACCEPT_DATA_LOSS: '1',
    });
    expect(options.httpLimits).toEqual({
      maxBodyBytes: 4096,
      create: { perMinute: 20, burst: 8 },
      join: { perMinute: 120, burst: 30 },
      scenarioBodyBytes: 65_536,
      save: { perMinute: 20, burst: 10 },
    });
    expect(options.allowedOrigins).toEqual(['https://game.example.com', 'http://localhost:5173', 'https://example.org']);
    expect(options).toMatchObject({ trustedProxyHops: 1, acceptDataLoss: true });
  });

  it('refuse origins with a path and limits out of range, naming the variables', () => {
    expect(() => serverOptionsFromEnv({ ALLOWED_ORIGINS: 'https://example.com/game' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => serverOptionsFromEnv({ ALLOWED_ORIGINS: 'example.com' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => serverOptionsFromEnv({ SCALE_UP_CREATE_BURST: '0', SCALE_UP_MAX_BODY_BYTES: '10' })).toThrow(
      /SCALE_UP_CREATE_BURST[\s\S]*SCALE_UP_MAX_BODY_BYTES|SCALE_UP_MAX_BODY_BYTES[\s\S]*SCALE_UP_CREATE_BURST/,
    );
  });
});
