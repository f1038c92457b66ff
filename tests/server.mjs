// The end-to-end tests' static server: serves dist/ the way a portal or a CDN would, and
// injects faults into chosen files on request, so the tests can break each of the widget's
// files the way production breaks them.
//
//   node tests/server.mjs <root> <port> [<port> ...]
//
// Every port serves the same files; the second one plays the CDN on another origin (every
// response allows any origin: Access-Control-Allow-Origin: *).
//
// Faults are scoped to one test by a path prefix: a page opened as /t/<scope>/page.html
// loads its relative files as /t/<scope>/..., and the server strips the prefix before
// serving. Faults are set and lifted with a control request:
//
//   GET /__fault?scope=<scope>&match=<regexp>&fault=<kind>   (set; the latest set wins)
//   GET /__fault?scope=<scope>                                (lift all of the scope's)
//
// Kinds: 404, 500, reset (the connection is reset before any response), hang (no answer at
// all: the socket stays open until the client gives up or the server stops), garbage (200,
// the right content type, random bytes), truncated (200, the first half of the file with
// a matching Content-Length, like a half-written file during a deploy), type (200, the file
// served as text/plain). Every request the server sees is counted per scope and path:
// GET /__hits?scope=<scope> answers with them as JSON.
//
// A test can also add a page of its own (a host page with a given security policy, say):
//
//   POST /__page  {"path": "/x.html", "body": "<!DOCTYPE html>...", "headers": {...}}
//
// after which GET /x.html (on every port) answers with that body and those headers. Pages
// are served by the server, not by the browser's request interception, so that the browser
// sees a real response from a local address (Chromium's local network access rules treat
// an intercepted page as public, and would refuse its requests to the CDN port).
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const [root = 'dist', ...ports] = process.argv.slice(2);
const ROOT = resolve(root);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const KINDS = new Set(['404', '500', 'reset', 'hang', 'garbage', 'truncated', 'type']);

/** scope -> [{ match: RegExp, fault: string }] */
const faults = new Map();
/** path -> { body, headers } */
const pages = new Map();
/** scope -> { path: count } */
const hits = new Map();
const hanging = new Set();

function send(res, status, type, body, extra = {}) {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'access-control-allow-origin': '*',
    'cache-control': 'no-cache',
    ...extra,
  });
  res.end(body);
}

function control(url, res) {
  const scope = url.searchParams.get('scope') ?? '';
  if (url.pathname === '/__hits') return send(res, 200, 'application/json', JSON.stringify(hits.get(scope) ?? {}));
  const fault = url.searchParams.get('fault');
  if (!fault) {
    faults.delete(scope);
    return send(res, 200, 'text/plain', 'healed\n');
  }
  if (!KINDS.has(fault)) return send(res, 400, 'text/plain', `unknown fault ${fault}\n`);
  let match;
  try {
    match = new RegExp(url.searchParams.get('match') ?? '');
  } catch (e) {
    return send(res, 400, 'text/plain', `bad match: ${e.message}\n`);
  }
  faults.set(scope, [{ match, fault }, ...(faults.get(scope) ?? [])]);
  return send(res, 200, 'text/plain', 'set\n');
}

async function addPage(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const { path, body, headers = {} } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  pages.set(path, { body, headers });
  return send(res, 200, 'text/plain', 'added\n');
}

async function serve(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/__fault' || url.pathname === '/__hits') return control(url, res);
  if (url.pathname === '/__page' && req.method === 'POST') return addPage(req, res);
  const page = pages.get(url.pathname);
  if (page) return send(res, 200, 'text/html; charset=utf-8', page.body, page.headers);
  if (req.method === 'OPTIONS') return send(res, 204, 'text/plain', '', { 'access-control-allow-headers': '*' });
  let path = decodeURIComponent(url.pathname);
  let scope = '';
  const scoped = /^\/t\/([\w-]+)(\/.*)$/.exec(path);
  if (scoped) [, scope, path] = scoped;
  const counts = hits.get(scope) ?? {};
  counts[path] = (counts[path] ?? 0) + 1;
  hits.set(scope, counts);

  const fault = (faults.get(scope) ?? []).find((f) => f.match.test(path))?.fault;
  if (fault === 'reset') return req.socket.resetAndDestroy();
  if (fault === 'hang') {
    hanging.add(req.socket);
    req.socket.on('close', () => hanging.delete(req.socket));
    return undefined;
  }
  if (fault === '404') return send(res, 404, 'text/plain', 'Not Found\n');
  if (fault === '500') return send(res, 500, 'text/plain', 'Internal Server Error\n');

  let file = normalize(join(ROOT, path));
  if (!file.startsWith(ROOT)) return send(res, 403, 'text/plain', 'Forbidden\n');
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (fault === 'garbage') return send(res, 200, type, randomBytes(Math.max(64, body.length)));
    if (fault === 'truncated') return send(res, 200, type, body.subarray(0, Math.floor(body.length / 2)));
    if (fault === 'type') return send(res, 200, 'text/plain; charset=utf-8', body);
    return send(res, 200, type, req.method === 'HEAD' ? '' : body);
  } catch {
    return send(res, 404, 'text/plain', 'Not Found\n');
  }
}

const servers = (ports.length ? ports : ['8090']).map((port) =>
  createServer((req, res) => {
    serve(req, res).catch((e) => {
      if (!res.headersSent) send(res, 500, 'text/plain', `${e}\n`);
    });
  }).listen(Number(port), '127.0.0.1'),
);

function stop() {
  for (const socket of hanging) socket.destroy();
  for (const server of servers) server.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
