// Serves the built renderer (out/renderer). Paths are resolved inside the root
// only; unknown paths without an extension fall back to index.html (SPA routes).
import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function fileIn(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(root, decoded));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

export function serveStatic(root: string, urlPath: string, response: ServerResponse, headers: Record<string, string>): void {
  const path = fileIn(root, urlPath) ?? (extname(urlPath) === '' ? fileIn(root, '/index.html') : null);
  if (!path) {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const isHtml = path.endsWith('.html');
  response.writeHead(200, {
    ...headers,
    'Content-Type': contentTypes[extname(path)] ?? 'application/octet-stream',
    // Bundles carry content hashes; the HTML must always be fresh.
    'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  // A file removed or unreadable mid-send (a rebuild) ends this response, never the server.
  createReadStream(path)
    .on('error', () => response.destroy())
    .pipe(response);
}
