import { z } from 'zod';
import { db, shop } from '@/lib/server/shop';
import { issueDownloadToken } from '@/lib/downloads/issue-token';
import { refusal } from '@/lib/errors';
import { isCrossOrigin, jsonError, PRIVATE_HEADERS, requestLanguage } from '@/lib/http/errors';
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
  // An earlier version the buyer picked (lib/versions); absent: the latest.
  version_id: z.number().int().positive().max(MAX_DB_ID).optional(),
});

const parseJson = (text: string): unknown => { try { return JSON.parse(text); } catch { return null; } };

export async function POST(request: Request) {
  try {
    if (isCrossOrigin(request, shop().settings.publicUrl)) throw refusal('CROSS_ORIGIN');
    await rateLimits().consume('download-token', clientAddressOf(request.headers, shop().settings.trustProxy));
    const parsed = bodySchema.safeParse(parseJson(await readBodyText(request)));
    if (!parsed.success) throw refusal('BAD_REQUEST');
    const { order_link, license_id, product_slug, version_id } = parsed.data;
    const [path, query] = order_link.split('?');
    const session = await getShopSession();
    const issued = await issueDownloadToken(db(), {
      orderNumber: path.slice('/orders/'.length), orderLinkQuery: queryPairs(query), sessionOrders: session.orders ?? [],
      licenseId: license_id, productSlug: product_slug, versionId: version_id,
    }, shop().rings, new Date());
    return Response.json(issued, { headers: PRIVATE_HEADERS });
  } catch (error) {
    return jsonError(error, 'download-token', requestLanguage(request));
  }
}
