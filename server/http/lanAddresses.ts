// The addresses other machines on the network reach this server at. An instructor who opens the
// game at http://localhost:2567 would otherwise show a join link and QR code that work only on
// their own laptop; the console asks for these and shows a link participants can open.
import { networkInterfaces } from 'node:os';

/** IPv4 addresses of this machine's network interfaces, loopback left out, in the system's order. */
export function lanOrigins(port: number): string[] {
  const origins: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) origins.push(`http://${address.address}:${port}`);
    }
  }
  return origins;
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a request came from a page on this machine opened by a loopback address (only it is
 * told the machine's addresses): from a loopback socket, not forwarded by a proxy (a reverse proxy
 * on this machine connects from loopback for everyone), and asking for a loopback host (a page
 * elsewhere whose name points here, DNS rebinding, asks under its own name).
 */
export function fromThisMachine(request: {
  remoteAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}): boolean {
  const { remoteAddress, headers } = request;
  if (remoteAddress === undefined || !LOOPBACK_ADDRESSES.has(remoteAddress)) return false;
  if (headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined) return false;
  const host = String(headers.host ?? '').replace(/:\d+$/, '');
  return LOOPBACK_HOSTS.has(host);
}
