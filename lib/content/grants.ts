// Access grants: made at purchase, one per order line of an article or a pass. A grant is
// what lets the FULL order page (and "send me a fresh link") mint links until it ends.
import type { Db, Tx } from '../db/client';

const DAY_MS = 86_400_000;
type GrantWriter = Pick<Tx, 'article' | 'pass' | 'accessGrant'>;

interface PaidLine { orderId: number; orderItemId: number; product: { id: number } }

const until = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);

/** A paid line of an article: links may be minted for the article's link term. */
export async function grantArticle(tx: GrantWriter, line: PaidLine, now: Date) {
  const article = await tx.article.findUnique({ where: { productId: line.product.id }, select: { id: true, linkDays: true } });
  if (!article) return; // a product whose article was not set up yet grants nothing to read
  await tx.accessGrant.create({ data: { orderId: line.orderId, orderItemId: line.orderItemId, articleId: article.id, validUntil: until(now, article.linkDays), createdAt: now } });
}

/** A paid line of a pass: every article it holds, for its term. */
export async function grantPass(tx: GrantWriter, line: PaidLine, now: Date) {
  const pass = await tx.pass.findUnique({ where: { productId: line.product.id }, select: { id: true, termDays: true } });
  if (!pass) return;
  await tx.accessGrant.create({ data: { orderId: line.orderId, orderItemId: line.orderItemId, passId: pass.id, validUntil: until(now, pass.termDays), createdAt: now } });
}

/** The line is taken back: its grant mints no more links. */
export async function revokeGrantOf(tx: Pick<Tx, 'accessGrant'>, orderItemId: number, now: Date) {
  await tx.accessGrant.updateMany({ where: { orderItemId, revokedAt: null }, data: { revokedAt: now } });
}

const GRANT_SELECT = {
  id: true, validUntil: true, revokedAt: true, orderItem: { select: { product: { select: { slug: true } } } },
  article: { select: { slug: true, title: true, contentId: true, product: { select: { slug: true } } } },
  pass: { select: { slug: true, name: true, product: { select: { slug: true } } } },
} as const;

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
    select: { ...GRANT_SELECT, order: { select: { id: true, number: true, email: true, fullName: true } } },
  });
}

/** A grant mints links until it ends or its line is taken back. */
export const isGrantRunning = (grant: { validUntil: Date; revokedAt: Date | null }, now: Date) => grant.validUntil > now && grant.revokedAt === null;

export type GrantWithContent = Awaited<ReturnType<typeof grantsOfOrder>>[number];
