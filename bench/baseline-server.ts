// The plain baseline for local downloads: a bare node:http server streaming one file
// with the shop's own streaming function (lib/downloads/reply.ts, 1 MiB reads), with
// no framework, token or database in front of it.
import { createServer } from 'node:http';
import { statSync } from 'node:fs';
import { sendReply } from '../lib/downloads/reply';

const [file, port] = process.argv.slice(2);
const size = statSync(file).size;
createServer((req, res) => {
  if (req.url !== '/file') return void res.writeHead(404).end();
  void sendReply(res, {
    status: 200, headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) }, file: { path: file, start: 0, end: size - 1 },
  }, 'GET');
}).listen(Number(port), '127.0.0.1');
