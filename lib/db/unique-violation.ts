/** Prisma's "unique constraint failed" (P2002), the same on SQLite and PostgreSQL adapters. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';
