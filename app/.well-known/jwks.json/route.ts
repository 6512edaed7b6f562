// The store's public keys (v2 payload encryption now, content-link signing next), for merchants
// and verifiers. Public data: any origin may read it; short caching, rotation keeps a grace period.
import { db, shop } from '@/lib/server/shop';
import { jsonError, requestLanguage } from '@/lib/http/errors';
import { publishedJwks } from '@/lib/key-store';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  try {
    const jwks = await publishedJwks(db(), new Date(), shop().settings.appKeys);
    return Response.json(jwks, {
      headers: { 'Content-Type': 'application/jwk-set+json', 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
    });
  } catch (error) {
    return jsonError(error, 'jwks', requestLanguage(request));
  }
}
