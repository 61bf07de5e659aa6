/**
 * The join link people are shown (a match's lobby, a workshop's console and its QR code): this
 * page's own address, except when the page was opened by a loopback address (localhost), which
 * works only on this computer; then the first address the server has on the network.
 */
import { useEffect, useState } from 'preact/hooks';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The link a friend or a participant opens to join (the `/join/<code>` route). */
export function joinLink(origin: string, code: string): string {
  return `${origin}/join/${code}`;
}

async function lanOrigin(): Promise<string | null> {
  try {
    const answer = await fetch('/api/lan', { headers: { accept: 'application/json' } });
    if (!answer.ok) return null;
    const { origins } = (await answer.json()) as { origins?: unknown };
    return Array.isArray(origins) && typeof origins[0] === 'string' ? origins[0] : null;
  } catch {
    return null;
  }
}

/** The origin to put in join links: `location.origin`, or the network address for a loopback page. */
export function useShareOrigin(): { origin: string; loopback: boolean } {
  const loopback = LOOPBACK.has(location.hostname);
  const [origin, setOrigin] = useState(location.origin);
  useEffect(() => {
    if (!loopback) return;
    let live = true;
    void lanOrigin().then((found) => {
      if (live && found !== null) setOrigin(found);
    });
    return () => {
      live = false;
    };
  }, [loopback]);
  return { origin, loopback: loopback && origin === location.origin };
}
