// S3 (or any S3-compatible store): a presigned GET the shopper is redirected to.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl, S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { formatUrl } from '@aws-sdk/core/util';
import { getEndpointFromInstructions } from '@smithy/core/endpoints';
import { extendedEncodeURIComponent, HttpRequest } from '@smithy/core/protocols';
import { keptIn } from '../../kept';
import { attachmentDisposition } from '../disposition';

export const S3_EXPIRY = { default: 300, min: 60, max: 3600 } as const;

export interface S3Settings {
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.accessKeyId && settings.secretAccessKey
      ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
      : undefined,
  });
}

let cached: { settings: S3Settings; client: S3Client } | undefined;

/** One client per settings: it keeps its connection pool and credential cache. */
export function s3ClientFor(settings: S3Settings): S3Client {
  if (cached?.settings !== settings) cached = { settings, client: createS3Client(settings) };
  return cached.client;
}

export interface PresignRequest {
  bucket: string;
  key: string;
  fileName: string;
  contentType: string;
  expiresInSeconds: number;
  /** The clock: presigning is pure given it, and tests can sign in the past. */
  now: Date;
}

const getObjectInput = (request: PresignRequest) => ({
  Bucket: request.bucket,
  Key: request.key,
  ResponseContentDisposition: attachmentDisposition(request.fileName),
  ResponseContentType: request.contentType,
});

/** Where a bucket and key live, and a signer for them: what every presign of that object shares. */
interface ObjectTarget { url: URL; signer: S3RequestPresigner; signingRegion: string; signingName: string }

const TARGETS_KEPT = 1000;
const targets = new WeakMap<S3Client, Map<string, Promise<ObjectTarget | null>>>();

/**
 * Null where the SDK's URL carries more than SigV4 of the plain request: a bucket whose endpoint asks
 * for another signing scheme (S3 Express, multi-region access points), or a client whose checksum
 * settings are not the defaults (getSignedUrl then adds checksum parameters of its own).
 */
async function resolveTarget(client: S3Client, input: { Bucket: string; Key: string }): Promise<ObjectTarget | null> {
  const { requestChecksumCalculation, responseChecksumValidation } = client.config;
  if (await requestChecksumCalculation() !== 'WHEN_SUPPORTED' || await responseChecksumValidation() !== 'WHEN_SUPPORTED') return null;
  const endpoint = await getEndpointFromInstructions(input, GetObjectCommand, client.config);
  const auth = endpoint.properties?.authSchemes?.[0] as { name?: string; signingRegion?: string; signingName?: string } | undefined;
  if (auth?.name !== 'sigv4' || !auth.signingRegion || !auth.signingName) return null;
  const { signingRegion, signingName } = auth;
  return {
    url: endpoint.url, signingRegion, signingName,
    signer: new S3RequestPresigner({ ...client.config, signingName, region: async () => signingRegion }),
  };
}

function targetOf(client: S3Client, input: { Bucket: string; Key: string }): Promise<ObjectTarget | null> {
  const known = keptIn(targets, client, () => new Map<string, Promise<ObjectTarget | null>>());
  const id = `${input.Bucket}\n${input.Key}`;
  return keptIn(known, id, () => {
    if (known.size >= TARGETS_KEPT) known.clear();
    const target = resolveTarget(client, input);
    target.catch(() => known.delete(id)); // a failure (a bad bucket name) is not kept
    return target;
  });
}

/**
 * The URL the SDK's getSignedUrl gives for this GetObject (tests/downloads/s3-presign.test.ts holds
 * them equal), from the SDK's own endpoint resolver, path encoding and signer. getSignedUrl clones
 * and runs the client's whole middleware stack on every call: about 250 promises and 0.5 ms, ten
 * times the signing itself; here the endpoint and signer of an object are resolved once.
 */
export async function presignDownload(client: S3Client, request: PresignRequest): Promise<string> {
  const input = getObjectInput(request);
  const target = await targetOf(client, input);
  if (!target) return presignWithSdk(client, request);
  const { url } = target;
  const basePath = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  const unsigned = new HttpRequest({
    method: 'GET', protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined,
    path: `${basePath}/${input.Key.split('/').map(extendedEncodeURIComponent).join('/')}`,
    query: { 'response-content-disposition': input.ResponseContentDisposition, 'response-content-type': input.ResponseContentType, 'x-id': 'GetObject' },
    // As the SDK asks by default: S3 returns the object's checksums.
    headers: { 'x-amz-checksum-mode': 'ENABLED' },
  });
  const signed = await target.signer.presign(unsigned, {
    expiresIn: request.expiresInSeconds, signingDate: request.now, signingRegion: target.signingRegion, signingService: target.signingName,
  });
  return formatUrl(signed);
}

/** The SDK's own presign, through the client's middleware stack: what presignDownload must equal. */
export function presignWithSdk(client: S3Client, request: PresignRequest): Promise<string> {
  return getSignedUrl(client, new GetObjectCommand(getObjectInput(request)), { expiresIn: request.expiresInSeconds, signingDate: request.now });
}
