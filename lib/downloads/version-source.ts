// A download bound to one version (a token's `version_id`, docs/specs/download-tokens.md): the
// file of that version instead of the product's current one, and the headers that name a version.
import type { Db } from '../db/client';
import { VersionUnavailable } from './errors';
import type { LicenseWithSource } from './store';
import type { LocalFile } from './sources/local';

type Source = NonNullable<LicenseWithSource['source']>;

/**
 * The source to serve for a token bound to `versionId`: the current one when it is that version,
 * else that version's own file if it is this product's, not withdrawn, and the product lets
 * buyers pick older versions.
 */
export async function sourceOfVersion(db: Db, productId: number, current: Source, versionId: number): Promise<Source> {
  if (current.versionId === versionId) return current;
  const version = await db.productVersion.findFirst({
    where: { id: versionId, productId, withdrawnAt: null, product: { allowOlderVersions: true } },
  });
  if (!version) throw new VersionUnavailable(`version ${versionId} of product ${productId}`);
  return {
    kind: version.kind, fileName: version.fileName, contentType: version.contentType, storedName: version.storedName,
    externalUrl: version.externalUrl, s3Bucket: version.s3Bucket, s3Key: version.s3Key, s3ExpirySeconds: current.s3ExpirySeconds,
    versionId: version.id, sha256: version.sha256,
  };
}

/** RFC 9530: the SHA-256 of the whole file, whatever range this response carries. */
export function reprDigest(sha256Hex: string): string {
  return `sha-256=:${Buffer.from(sha256Hex, 'hex').toString('base64')}:`;
}

/**
 * A published version's strong ETag: its id and digest, so it changes with the version and
 * never with a copy or a touch of the file. An unversioned file keeps nginx's own form.
 */
export function versionEtag(source: Pick<Source, 'versionId' | 'sha256'>): string | null {
  return source.versionId !== null && source.sha256 ? `"v${source.versionId}-${source.sha256.slice(0, 32)}"` : null;
}

export function withVersionTag(file: LocalFile, source: Pick<Source, 'versionId' | 'sha256'>): LocalFile {
  return { ...file, etag: versionEtag(source) ?? file.etag };
}

/** Repr-Digest for a file of a version with a known digest; nothing otherwise. */
export function versionHeaders(source: Pick<Source, 'sha256'>): Record<string, string> {
  return source.sha256 ? { 'Repr-Digest': reprDigest(source.sha256) } : {};
}
