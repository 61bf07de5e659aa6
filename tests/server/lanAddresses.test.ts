/**
 * The server tells a page its network addresses (for join links) only when the page runs on the
 * server's own machine under a loopback name: not through a proxy, not under another host name.
 */
import { describe, expect, it } from 'vitest';
import { fromThisMachine, lanOrigins } from '../../server/http/lanAddresses';

describe('network addresses for join links', () => {
  it('are told to a page on this machine only', () => {
    expect(fromThisMachine({ remoteAddress: '127.0.0.1', headers: { host: 'localhost:2567' } })).toBe(true);
    expect(fromThisMachine({ remoteAddress: '::1', headers: { host: '[::1]:2567' } })).toBe(true);
    expect(fromThisMachine({ remoteAddress: '192.168.1.20', headers: { host: 'localhost:2567' } })).toBe(false);
    // A reverse proxy on this machine connects from loopback for everyone.
    expect(fromThisMachine({ remoteAddress: '127.0.0.1', headers: { host: 'localhost', 'x-forwarded-for': '203.0.113.9' } })).toBe(false);
    expect(fromThisMachine({ remoteAddress: '127.0.0.1', headers: { host: 'localhost', forwarded: 'for=203.0.113.9' } })).toBe(false);
    // A name that points here (DNS rebinding) is not this machine's page.
    expect(fromThisMachine({ remoteAddress: '127.0.0.1', headers: { host: 'attacker.example:2567' } })).toBe(false);
  });

  it('are IPv4 origins on the given port, loopback left out', () => {
    for (const origin of lanOrigins(2567)) {
      expect(origin).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:2567$/);
      expect(origin).not.toContain('127.0.0.1');
    }
  });
});
