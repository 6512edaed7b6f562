// Wiring of the License API's routes (app/api/licenses/*): POST only, no CORS (installed software
// is no browser; no Access-Control-* header is ever sent and OPTIONS is refused), a small body cap,
// rate limits per client address and per key, and refusals in Lemon Squeezy's shape with a stable `code`.
import { publicError, PRIVATE_HEADERS, requestLanguage } from '../http/errors';
import { readBodyText } from '../http/request-guard';
import { clientAddressOf } from '../http/client-address';
import { activeKey, privateKeyOf } from '../key-store';
import { canonicalLicenseKey, licenseKeyDigest, licenseKeyDigestRing } from '../licenses/key';
import { parseLicenseRequest, type LicenseApiVerb } from '../licenses/input';
import { LicenseApiError, MethodNotAllowed } from '../licenses/errors';
import { signCertificate } from '../licenses/certificate';
import type { CertificateSigner, LicenseApiContext } from '../licenses/activations';
import type { UpdateContext } from '../licenses/update';
import { rateLimits } from './rate-limits';
import { db, shop } from './shop';

/** Far above any License API request (a key, a name, an id, a version), far below harm: larger is a 413. */
export const LICENSE_BODY_LIMIT_BYTES = 8 * 1024;

const FLAG = { activate: 'activated', validate: 'valid', deactivate: 'deactivated', update: null } as const satisfies Record<LicenseApiVerb, string | null>;

export function licenseApiContext(now: Date): UpdateContext & LicenseApiContext {
  const { rings, settings } = shop();
  return { db: db(), digests: licenseKeyDigestRing(rings.orders), now, downloads: rings.downloads, publicUrl: settings.publicUrl };
}

/** Signs with the key store's active license-signing key (created on first need). */
export const certificateSigner = (now: Date): CertificateSigner => async (claims) => {
  const { appKeys, publicUrl } = shop().settings;
  const key = await activeKey(db(), 'license-signing', now, appKeys);
  return signCertificate(claims, { kid: key.kid, alg: key.alg, privateKey: privateKeyOf(key, appKeys) }, publicUrl, now);
};

type Handler<V extends LicenseApiVerb> = (fields: ReturnType<typeof parseLicenseRequest<V>>, now: Date) => Promise<object>;

/** One License API call: read and check the request, run the verb, answer JSON either way. */
export async function licenseApiCall<V extends LicenseApiVerb>(request: Request, verb: V, handler: Handler<V>): Promise<Response> {
  try {
    const { trustProxy } = shop().settings;
    await rateLimits().consume('license-per-ip', clientAddressOf(request.headers, trustProxy));
    const fields = parseLicenseRequest(verb, request.headers.get('content-type'), await readBodyText(request, LICENSE_BODY_LIMIT_BYTES));
    const canonical = canonicalLicenseKey((fields as unknown as { license_key: string }).license_key);
    // Counted per key by its digest: the limiter's store never holds a key.
    if (canonical) await rateLimits().consume('license-per-key', licenseKeyDigest(licenseKeyDigestRing(shop().rings.orders), canonical));
    return Response.json(await handler(fields, new Date()), { headers: PRIVATE_HEADERS });
  } catch (error) {
    return licenseRefusal(error, verb, request);
  }
}

export function licenseRefusal(error: unknown, verb: LicenseApiVerb, request: Request): Response {
  const { status, code, message, headers } = publicError(error, `license-api ${verb}`, requestLanguage(request));
  const context = error instanceof LicenseApiError ? error.context : undefined;
  const flag = FLAG[verb];
  const body = flag === null ? { error: message, code } : {
    [flag]: false, error: message, code, license_key: context?.license_key ?? null,
    ...(verb === 'deactivate' ? {} : { instance: context?.instance ?? null }), meta: context?.meta ?? null,
  };
  return Response.json(body, { status, headers: { ...headers, ...PRIVATE_HEADERS, ...(status === 405 ? { Allow: 'POST' } : {}) } });
}

/** OPTIONS (a browser's CORS preflight) and every other method: 405, and no Access-Control-* header. */
export const refuseMethod = (verb: LicenseApiVerb) => (request: Request) => licenseRefusal(new MethodNotAllowed(), verb, request);
