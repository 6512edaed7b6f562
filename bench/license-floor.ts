// The floor for bench/license-api.ts: a bare node:http server doing the same key lookup on the same
// database as the shop (digest query, constant-time compare) and, for activate, the same slot UPDATE
// and INSERT; no framework, no rate limits, no certificate. Run: DATABASE_URL=… PORT=… tsx bench/license-floor.ts
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createDb } from '../lib/db/client';
import { orderLinkRing } from '../lib/order-access/links';
import { licenseKeyDigestRing } from '../lib/licenses/key';
import { findLicenseByKey } from '../lib/licenses/lookup';
import { APP_KEYS } from './support';

const db = createDb(process.env.DATABASE_URL!);
const digests = licenseKeyDigestRing(orderLinkRing([APP_KEYS]));

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const fields = new URLSearchParams(Buffer.concat(chunks).toString());
      const license = await findLicenseByKey(db, digests, fields.get('license_key') ?? '');
      if (request.url === '/activate') {
        const instanceId = randomUUID();
        await db.$transaction(async (tx) => {
          await tx.license.updateMany({ where: { id: license.id, status: 'active' }, data: { activationCount: { increment: 1 } } });
          await tx.licenseActivation.create({ data: { instanceId, licenseId: license.id, name: fields.get('instance_name') ?? '', createdAt: new Date() } });
        });
        response.end(JSON.stringify({ activated: true, instance: { id: instanceId } }));
      } else {
        response.end(JSON.stringify({ valid: true, license_key: { id: license.id, status: license.status } }));
      }
    } catch {
      response.statusCode = 404;
      response.end('{"valid":false}');
    }
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
