#!/usr/bin/env node
/**
 * A tiny static file server for the production build (`npm run preview`, and the browser tests).
 * Plain http on 127.0.0.1 only; serves files under one directory, nothing else.
 *   node tools/serve.js [--dir dist] [--port 8080] [--open]
 */
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Start serving `dir`; port 0 picks a free port. Resolves with the server, its port and base URL. */
function startServer({ dir = path.join(__dirname, '..', 'dist'), port = 0, host = '127.0.0.1' } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, `.${rel}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, port: actual, url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}/` });
    });
  });
}

function openBrowser(url) {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    spawn(cmd, args, { stdio: 'ignore', detached: true })
      .on('error', () => undefined)
      .unref();
  } catch {
    // No browser to open: the URL is printed.
  }
}

module.exports = { startServer };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
  };
  const dir = path.resolve(opt('dir', path.join(__dirname, '..', 'dist')));
  if (!fs.existsSync(path.join(dir, 'preview.html'))) {
    console.error(`${dir}/preview.html not found: run "npm run build" first.`);
    process.exit(1);
  }
  startServer({ dir, port: Number(opt('port', process.env.PORT ?? 8080)) })
    .then(({ url }) => {
      const page = `${url}preview.html`;
      console.log(`Preview / プレビュー: ${page}  (Ctrl+C to stop / 終了は Ctrl+C)`);
      if (args.includes('--open')) openBrowser(page);
    })
    .catch((e) => {
      console.error(`Could not start the server: ${e.message}`);
      process.exit(1);
    });
}
