import { z } from 'zod';
import { db, shop } from '@/lib/server/shop';
import { issueDownloadToken } from '@/lib/downloads/issue-token';
import { isCrossOrigin, jsonError, jsonRefusal, PRIVATE_HEADERS } from '@/lib/http/errors';
import { readBodyText } from '@/lib/http/request-guard';
import { clientAddressOf } from '@/lib/http/client-address';
import { rateLimits } from '@/lib/server/rate-limits';
import { queryPairs } from '@/lib/signing';
import { MAX_DB_ID } from '@/lib/db/schema-files';
import { getShopSession } from '@/lib/server/session';

const bodySchema = z.object({
  order_link: z.string().max(2000).regex(/^\/orders\/\d{1,20}\?/),
  license_id: z.number().int().positive().max(MAX_DB_ID),
  product_slug: z.string().min(1).max(200),
});

const parseJson = (text: string): unknown => { try { return JSON.parse(text); } catch { return null; } };

export async function POST(request: Request) {
  if (isCrossOrigin(request, shop().settings.publicUrl)) {
    return jsonRefusal(403, 'CROSS_ORIGIN', 'Cross-site requests are not allowed.');
  }
  let body: string;
  try {
    await rateLimits().consume('download-token', clientAddressOf(request.headers, shop().settings.trustProxy));
    body = await readBodyText(request);
  } catch (error) {
    return jsonError(error, 'download-token');
  }
  const parsed = bodySchema.safeParse(parseJson(body));
  if (!parsed.success) {
    return jsonRefusal(400, 'BAD_REQUEST', 'Send order_link, license_id and product_slug as JSON.');
  }
  const { order_link, license_id, product_slug } = parsed.data;
  const [path, query] = order_link.split('?');
  const session = await getShopSession();
  try {
    const issued = await issueDownloadToken(db(), {
      orderNumber: path.slice('/orders/'.length), orderLinkQuery: queryPairs(query), sessionOrders: session.orders ?? [],
      licenseId: license_id, productSlug: product_slug,
    }, shop().rings, new Date());
    return Response.json(issued, { headers: PRIVATE_HEADERS });
  } catch (error) {
    return jsonError(error, 'download-token');
  }
}
