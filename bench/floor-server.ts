// The floor for the download redirect: a bare node:http server doing only what
// cannot be avoided (verify the HMAC token, presign the S3 URL, answer 302),
// with the shop's own functions, no database and no framework.
import { createServer } from 'node:http';
import { downloadTokenRing, verifyDownloadToken } from '../lib/downloads/token';
import { presignDownload, s3ClientFor } from '../lib/downloads/sources/s3';

const [port, appKeys] = process.argv.slice(2);
const ring = downloadTokenRing([appKeys]);
const client = s3ClientFor({ endpoint: 'http://127.0.0.1:8080', region: 'us-east-1', accessKeyId: 'bench', secretAccessKey: 'bench-secret', forcePathStyle: true });

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://floor');
  try {
    const now = new Date();
    const payload = verifyDownloadToken(url.searchParams.get('token') ?? '', ring, Math.floor(now.getTime() / 1000));
    const location = await presignDownload(client, {
      bucket: 'bench', key: `files/${payload.product_slug}.zip`, fileName: 'pack.zip', contentType: 'application/zip', expiresInSeconds: 300, now,
    });
    res.writeHead(302, { Location: location }).end();
  } catch {
    res.writeHead(403).end();
  }
}).listen(Number(port), '127.0.0.1');
