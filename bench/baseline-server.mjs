// The plain baseline for local downloads: node:http streaming one file with
// fs.createReadStream in 1 MiB reads piped with stream.pipeline, as the shop does.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream';

const [file, port] = process.argv.slice(2);
const size = statSync(file).size;
createServer((req, res) => {
  if (req.url !== '/file') return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': size });
  pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), res, () => {});
}).listen(Number(port), '127.0.0.1');
