// Per-address token buckets for the matchmaking routes, and how a request's address is found.
// Creating a room costs the server a store write and a simulation per team, so creation is
// limited tightly; joining by code is cheap but is how codes would be guessed, so it is limited
// too, more loosely.
import { isIPv4, isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';

export interface RateLimit {
  /** Requests per minute on average. */
  perMinute: number;
  /** Requests allowed at once after a quiet spell. */
  burst: number;
}

/** Addresses remembered per limiter: beyond it the least recently seen are forgotten. */
const MAX_TRACKED_ADDRESSES = 10_000;

interface Bucket {
  tokens: number;
  last: number;
}

/**
 * One token bucket per address. The map is kept in order of last use (an address is moved to
 * the end whenever it is seen), so when it is full the entry dropped is the one seen longest
 * ago: by then its bucket has usually refilled, and forgetting a full bucket changes nothing.
 */
export class AddressRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly maxAddresses = MAX_TRACKED_ADDRESSES,
  ) {
    this.perMs = limit.perMinute / 60_000;
  }

  /** Takes a token for `key`: 0 when the request may go ahead, otherwise whole seconds to wait. */
  take(key: string, now: number): number {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) bucket = { tokens: this.limit.burst, last: now };
    else this.buckets.delete(key);
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + Math.max(0, now - bucket.last) * this.perMs);
    bucket.last = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxAddresses) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Addresses currently remembered. */
  get size(): number {
    return this.buckets.size;
  }
}

/**
 * The address a request comes from. Behind `trustedProxyHops` proxies that each append to
 * X-Forwarded-For, the client is the entry that many places from the right; entries further
 * left were written by the client itself and are ignored. Without trusted proxies the header
 * is ignored entirely, so a client cannot pick its own address.
 */
export function clientAddress(req: IncomingMessage, trustedProxyHops: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxyHops <= 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (forwarded.length === 0) return socketAddress;
  const candidate = forwarded[Math.max(0, forwarded.length - trustedProxyHops)] ?? socketAddress;
  return isIPv4(candidate) || isIPv6(candidate) ? candidate : socketAddress;
}

/**
 * The key an address is limited under: an IPv4 address as it is (also when written IPv4-mapped),
 * an IPv6 address by its /64, since a single subscriber usually holds a whole /64.
 */
export function addressKey(address: string): string {
  const plain = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (!isIPv6(plain)) return plain;
  const [head = '', tail] = plain.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const headGroups = groups(head);
  // An embedded IPv4 tail takes the room of two groups.
  const tailGroups = tail === undefined ? [] : groups(tail).flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const full = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return `${full
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
