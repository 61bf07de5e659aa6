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

/** Whether a request came from this machine (only it is told the machine's addresses). */
export function fromLoopback(remoteAddress: string | undefined): boolean {
  return remoteAddress === '127.0.0.1' || remoteAddress === '::1' || remoteAddress === '::ffff:127.0.0.1';
}
