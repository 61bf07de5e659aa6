// Serves the built browser client (dist/client) with node:http: content types, long caching for
// Vite's hashed assets, index.html for client-side routes, and no way out of the root folder.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.wasm': 'application/wasm',
};

/** The MIME type sent for a file name; unknown kinds are sent as opaque bytes. */
function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request target to a file under `rootDir`, or null when the path is malformed or tries
 * to leave the root (`..` segments, encoded or not, backslashes, NUL bytes).
 */
export function resolveStaticPath(rootDir: string, requestTarget: string): string | null {
  const pathname = requestTarget.split(/[?#]/, 1)[0] ?? '';
  if (!pathname.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').includes('..')) return null;
  const root = resolve(rootDir);
  const file = resolve(root, `.${decoded}`);
  const inside = relative(root, file);
  if (inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/**
 * A request handler for GET/HEAD of static files under `rootDir`. Paths without an extension
 * that match no file get index.html, so client-side routes survive a reload.
 */
export function createStaticHandler(rootDir: string) {
  const root = resolve(rootDir);
  const indexFile = join(root, 'index.html');

  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const file = resolveStaticPath(root, req.url ?? '/');
    if (file === null) {
      sendText(res, 403, 'Forbidden');
      return;
    }
    let target = (await isFile(file)) ? file : null;
    if (target === null && extname(file) === '') {
      target = (await isFile(indexFile)) ? indexFile : null;
    }
    if (target === null) {
      const hint = (await isFile(indexFile)) ? '' : ' (the client is not built: run "npm run build")';
      sendText(res, 404, `Not found${hint}`);
      return;
    }
    const size = (await stat(target)).size;
    // Vite puts content-hashed files under assets/: their names change whenever they do.
    const hashedAsset = relative(root, target).startsWith(`assets${sep}`);
    res.writeHead(200, {
      'content-type': contentTypeFor(target),
      'content-length': size,
      'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(target), res);
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Sends a short plain-text answer (errors and refusals). */
function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(`${text}\n`);
}
