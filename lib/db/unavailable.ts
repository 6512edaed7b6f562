// "The database is unavailable" as one decision, so every place an error becomes a
// response answers 503 with Retry-After instead of 500, and the mail sweeper backs
// off instead of hammering a server that is down. Everything else stays an error.

export const RETRY_AFTER_SECONDS = 30;

// Prisma: cannot reach / timed out reaching / server closed the connection / pool timeout.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// Driver adapter error kinds for a server that is down, restarting or full.
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// PostgreSQL SQLSTATE classes 08 (connection exception) and 57P (shutting down, starting up).
const PG_STATES = /^(08|57P0[1-3])/;
// SQLite: SQLITE_BUSY (5) and SQLITE_LOCKED (6) after the busy timeout ran out.
const SQLITE_BUSY_CODES = new Set([5, 6]);
// A socket cut under a running query surfaces as a plain error from pg.
const CUT_CONNECTION = /Connection terminated|ECONNREFUSED|ECONNRESET|server closed the connection/i;
// The raw drivers under Prisma (lib/db/driver.ts, row-reader.ts) put the code on the error itself:
// a socket that cannot connect or was cut, PostgreSQL refusing more clients, SQLite still busy.
const RAW_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', '53300', 'SQLITE_BUSY', 'SQLITE_LOCKED']);

interface AdapterCause { kind?: string; originalCode?: string; code?: string; extendedCode?: number }

function causeOf(error: Record<string, unknown>): AdapterCause | undefined {
  const meta = error.meta as { driverAdapterError?: { cause?: AdapterCause } } | undefined;
  return meta?.driverAdapterError?.cause ?? (error.cause as AdapterCause | undefined);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const e = current as Record<string, unknown>;
    if (e.name === 'PrismaClientInitializationError') return true;
    if (typeof e.code === 'string' && (PRISMA_CODES.has(e.code) || RAW_CODES.has(e.code) || PG_STATES.test(e.code))) return true;
    const cause = causeOf(e);
    if (cause?.kind && ADAPTER_KINDS.has(cause.kind)) return true;
    if (cause?.kind === 'postgres' && PG_STATES.test(cause.originalCode ?? cause.code ?? '')) return true;
    if (cause?.kind === 'sqlite' && SQLITE_BUSY_CODES.has(Number(cause.extendedCode) & 0xff)) return true;
    if (typeof e.message === 'string' && CUT_CONNECTION.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}

export const unavailableHeaders = (contentType: string) => ({
  'Retry-After': String(RETRY_AFTER_SECONDS),
  'Cache-Control': 'no-store',
  'Content-Type': contentType,
});
