// A server process that serves one local file and watches its own memory, for the
// streaming memory test. POST /baseline collects garbage and starts a measurement
// before the download is requested; GET /peak reports the growth since.
// MODE=stream serves it as the download endpoint does (sendReply); MODE=read-whole
// reads the file into memory first, the mistake the test must catch.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { localFileReply, openLocalFile } from '@/lib/downloads/sources/local';
import { sendReply } from '@/lib/downloads/reply';

const [storageDir, storedName, mode] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
let baseline = process.memoryUsage().rss;
let peak = baseline;
setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5).unref();

const server = createServer(async (req, res) => {
  if (req.url === '/baseline') {
    gc();
    baseline = process.memoryUsage().rss;
    peak = baseline;
    return void res.end('ok');
  }
  if (req.url === '/peak') {
    peak = Math.max(peak, process.memoryUsage().rss);
    return void res.end(JSON.stringify({ growth: peak - baseline }));
  }
  const file = await openLocalFile(storageDir, storedName);
  const reply = localFileReply(file, null, 'big.bin', 'application/octet-stream');
  if (mode === 'read-whole') {
    const bytes = await readFile(file.path);
    res.writeHead(reply.status, reply.headers).end(bytes);
    return;
  }
  await sendReply(res, reply, 'GET');
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify(server.address())));
