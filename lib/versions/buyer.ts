// What the order page's FULL tier shows of a product's versions: the one served by default (the
// file source's version, what the download endpoint sends), and the earlier ones the buyer may
// pick when the admin allows it. Release notes are rendered and sanitised here.
import type { Db } from '../db/client';
import { renderMarkdown } from '../content/markdown';
import { newestFirst } from './published';

export interface VersionForBuyer {
  id: number;
  version: string;
  publishedAt: Date;
  sizeBytes: number | null;
  sha256: string | null;
  notesHtml: string;
}

export interface BuyerVersions { current: VersionForBuyer | null; earlier: VersionForBuyer[] }

export async function versionsForBuyer(db: Db, productSlugs: readonly string[]): Promise<Map<string, BuyerVersions>> {
  const products = await db.product.findMany({
    where: { slug: { in: [...productSlugs] } },
    select: {
      slug: true, allowOlderVersions: true, fileSource: { select: { versionId: true, kind: true } },
      versions: { where: { withdrawnAt: null }, select: { id: true, version: true, publishedAt: true, sizeBytes: true, sha256: true, notes: true } },
    },
  });
  const views = new Map<string, BuyerVersions>();
  for (const product of products) {
    const servedId = product.fileSource?.kind === 'none' ? null : product.fileSource?.versionId ?? null;
    const all = product.versions.map((v) => ({
      id: v.id, version: v.version, publishedAt: v.publishedAt, sizeBytes: v.sizeBytes === null ? null : Number(v.sizeBytes), sha256: v.sha256,
      notesHtml: v.notes.trim() ? renderMarkdown(v.notes) : '',
    })).sort(newestFirst);
    const current = all.find((v) => v.id === servedId) ?? null;
    views.set(product.slug, { current, earlier: product.allowOlderVersions && current ? all.filter((v) => v.id !== current.id) : [] });
  }
  return views;
}
