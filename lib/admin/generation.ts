// The admin session generation: every admin cookie names the one it was issued
// under; moving it on (logout) refuses all of them at once, on every instance.
import type { Db } from '../db/client';

const ROW = 1;

export async function currentAdminGeneration(db: Db): Promise<number> {
  return (await db.adminAuth.findUnique({ where: { id: ROW } }))?.generation ?? 0;
}

export async function endAllAdminSessions(db: Db): Promise<number> {
  const row = await db.adminAuth.upsert({ where: { id: ROW }, create: { id: ROW, generation: 1 }, update: { generation: { increment: 1 } } });
  return row.generation;
}
