// Access grants: made at purchase, one per order line of an article or a pass. A grant is
// what lets the FULL order page (and "send me a fresh link") mint links until it ends.
import type { Db } from '../db/client';

const DAY_MS = 86_400_000;
type GrantWriter = Pick<Db, 'article' | 'pass' | 'accessGrant'>;

interface PurchasedLine { id: number; productId: number }

export async function createAccessGrantsForOrder(db: GrantWriter, orderId: number, lines: readonly PurchasedLine[], now: Date) {
  const productIds = lines.map((line) => line.productId);
  // One after the other: inside a transaction both would share one connection.
  const articles = await db.article.findMany({ where: { productId: { in: productIds } }, select: { id: true, productId: true, linkDays: true } });
  const passes = await db.pass.findMany({ where: { productId: { in: productIds } }, select: { id: true, productId: true, termDays: true } });
  const until = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const data = lines.flatMap((line): { orderId: number; orderItemId: number; articleId?: number; passId?: number; validUntil: Date; createdAt: Date }[] => {
    const article = articles.find((a) => a.productId === line.productId);
    if (article) return [{ orderId, orderItemId: line.id, articleId: article.id, validUntil: until(article.linkDays), createdAt: now }];
    const pass = passes.find((p) => p.productId === line.productId);
    if (pass) return [{ orderId, orderItemId: line.id, passId: pass.id, validUntil: until(pass.termDays), createdAt: now }];
    return [];
  });
  if (data.length > 0) await db.accessGrant.createMany({ data });
}

const GRANT_SELECT = {
  id: true, validUntil: true, orderItem: { select: { product: { select: { slug: true } } } },
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
      order: { email: { in: [...new Set([email.trim(), email.trim().toLowerCase()])] } },
      OR: [{ article: { product: { slug: productSlug } } }, { pass: { product: { slug: productSlug } } }],
    },
    orderBy: { id: 'asc' },
    select: { ...GRANT_SELECT, order: { select: { id: true, number: true, email: true, fullName: true } } },
  });
}

export type GrantWithContent = Awaited<ReturnType<typeof grantsOfOrder>>[number];
