// The baseline: a plain node:http server streaming one file with fs.createReadStream.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';

const [file, port] = process.argv.slice(2);
const size = statSync(file).size;
createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': size });
  createReadStream(file).pipe(res);
}).listen(Number(port), '127.0.0.1', () => console.log(`baseline on ${port}`));
