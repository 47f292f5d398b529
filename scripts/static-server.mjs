// A small static file server for the built app (dist/), bound to 127.0.0.1.
//
// CLI:    node scripts/static-server.mjs [dir] [port]
//         prints "serving <dir> at http://127.0.0.1:<port>/" once listening (port 0 = any free port).
// Module: import { startServer } from './static-server.mjs'
//         const { url, close } = await startServer({ root: 'dist', port: 0 });

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** A file trunk names after a hash of its content (`app-43ce46d3863fd12e.css`,
 * `article-annotator-80b2…f4ab_bg.wasm`; the hash in hexadecimal, shorter when it starts with
 * zeros): a new build names a changed file anew. */
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/;

/**
 * Whether the request for `file` (its `stat`) may be answered "304 Not Modified", and the
 * headers of the answer. Content-hashed files are kept by the browser for a year without
 * asking again, as a host of the built app should serve them: a reopen then takes the module
 * from the browser's cache, with the code the browser compiled from it. Anything else
 * (`index.html`, wasm-bindgen's snippets, the benchmark's pages) is asked for each time, and
 * is not sent again while it has not changed.
 */
export function caching(req, file, st) {
  if (HASHED.test(basename(file))) {
    return { fresh: false, headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } };
  }
  const tag = `"${st.size.toString(36)}-${Math.trunc(st.mtimeMs).toString(36)}"`;
  return { fresh: req.headers['if-none-match'] === tag, headers: { 'Cache-Control': 'no-cache', ETag: tag } };
}

/** Resolves a request path inside root, or null when it would leave root. */
function resolveInside(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const full = resolve(join(root, path));
  return full === root || full.startsWith(root + sep) ? full : null;
}

export async function startServer({ root = 'dist', port = 0, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const info = await stat(base).catch(() => null);
  if (!info || !info.isDirectory()) throw new Error(`no directory to serve: ${base}`);

  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file = resolveInside(base, req.url || '/');
    if (!file) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let st = await stat(file).catch(() => null);
    if (st && st.isDirectory()) {
      file = join(file, 'index.html');
      st = await stat(file).catch(() => null);
    }
    if (!st || !st.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const { fresh, headers } = caching(req, file, st);
    if (fresh) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': st.size,
      ...headers,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const url = `http://${host}:${server.address().port}/`;
  const close = () =>
    new Promise((ok) => {
      server.closeAllConnections?.();
      server.close(() => ok());
    });
  return { url, server, close };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '0'] = process.argv.slice(2);
  const { url, close } = await startServer({ root, port: Number(port) });
  console.log(`serving ${resolve(root)} at ${url}`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
