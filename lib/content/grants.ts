// Access grants: made at purchase, one per order line of an article or a pass. A grant is
// what lets the FULL order page (and "send me a fresh link") mint links until it ends.
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../db/client';
import { AccessGrant } from '../db/columns';
import { rowReader } from '../db/row-reader';

const DAY_MS = 86_400_000;
type GrantWriter = Pick<Tx, 'article' | 'pass' | 'accessGrant'>;

interface PaidLine { orderId: number; orderItemId: number; product: { id: number } }

const until = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);

/** The grant's reference in its links (`sg`): random, so links reveal nothing about other orders. */
export const newLinkRef = () => randomBytes(16).toString('base64url');

/** A paid line of an article: links may be minted for the article's link term. */
export async function grantArticle(tx: GrantWriter, line: PaidLine, now: Date) {
  const article = await tx.article.findUnique({ where: { productId: line.product.id }, select: { id: true, linkDays: true } });
  if (!article) return; // a product whose article was not set up yet grants nothing to read
  await tx.accessGrant.create({ data: { orderId: line.orderId, orderItemId: line.orderItemId, articleId: article.id, validUntil: until(now, article.linkDays), createdAt: now, linkRef: newLinkRef() } });
}

/** A paid line of a pass: every article it holds, for its term. */
export async function grantPass(tx: GrantWriter, line: PaidLine, now: Date) {
  const pass = await tx.pass.findUnique({ where: { productId: line.product.id }, select: { id: true, termDays: true } });
  if (!pass) return;
  await tx.accessGrant.create({ data: { orderId: line.orderId, orderItemId: line.orderItemId, passId: pass.id, validUntil: until(now, pass.termDays), createdAt: now, linkRef: newLinkRef() } });
}

/** The line is taken back: its grant mints no more links. */
export async function revokeGrantOf(tx: Pick<Tx, 'accessGrant'>, orderItemId: number, now: Date) {
  await tx.accessGrant.updateMany({ where: { orderItemId, revokedAt: null }, data: { revokedAt: now } });
}

const GRANT_SELECT = {
  id: true, validUntil: true, revokedAt: true, linkRef: true, orderItem: { select: { product: { select: { slug: true } } } },
  article: { select: { slug: true, title: true, contentId: true, product: { select: { slug: true } }, texts: { select: { locale: true, title: true } } } },
  pass: { select: { slug: true, name: true, product: { select: { slug: true, texts: { select: { locale: true, name: true } } } } } },
} as const;

interface TitledGrant {
  article: { title: string; texts: { locale: string; title: string | null }[] } | null;
  pass: { name: string; product: { texts: { locale: string; name: string | null }[] } | null } | null;
}

/** What a grant is called in a language: the article's title or the pass product's name there, else the default language's. */
export function grantTitle(grant: TitledGrant, language: string): string {
  if (grant.article) return grant.article.texts.find((text) => text.locale === language)?.title || grant.article.title;
  if (grant.pass) return grant.pass.product?.texts.find((text) => text.locale === language)?.name || grant.pass.name;
  return '';
}

export function grantsOfOrder(db: Pick<Db, 'accessGrant'>, order: { id: number } | { number: string }) {
  const where = 'id' in order ? { orderId: order.id } : { order: { number: order.number } };
  return db.accessGrant.findMany({ where, orderBy: { id: 'asc' }, select: GRANT_SELECT });
}

/** Grants still running that were bought with this email for this product (by slug, as in `si`). */
export function runningGrantsFor(db: Db, email: string, productSlug: string, now: Date) {
  return db.accessGrant.findMany({
    where: {
      validUntil: { gt: now },
      revokedAt: null,
      order: { email: { in: [...new Set([email.trim(), email.trim().toLowerCase()])] } },
      OR: [{ article: { product: { slug: productSlug } } }, { pass: { product: { slug: productSlug } } }],
    },
    orderBy: { id: 'asc' },
    select: { ...GRANT_SELECT, order: { select: { id: true, number: true, email: true, fullName: true, language: true } } },
  });
}

/**
 * The verifier's question for a link that names its grant (`sg`): is that grant revoked, or gone?
 * One read by the unique index on linkRef, never cached: a revocation holds at once everywhere.
 */
export async function isGrantRevoked(db: Db, linkRef: string): Promise<boolean> {
  // A prepared statement on the driver: every view of a shop link asks this (Prisma's own query costs ~50× more).
  const [grant] = await rowReader(db).all('grant-revoked', GRANT_REVOKED, [linkRef]);
  return grant === undefined || grant.revokedAt !== null;
}

const GRANT_REVOKED = `SELECT ${AccessGrant.col('revokedAt')} FROM ${AccessGrant} WHERE ${AccessGrant.col('linkRef')} = ?`;

/** A grant mints links until it ends or its line is taken back. */
export const isGrantRunning = (grant: { validUntil: Date; revokedAt: Date | null }, now: Date) => grant.validUntil > now && grant.revokedAt === null;

export type GrantWithContent = Awaited<ReturnType<typeof grantsOfOrder>>[number];
