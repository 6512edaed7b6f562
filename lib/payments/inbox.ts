// What payment providers tell the shop, kept before it is acted on (PaymentEvent). An event
// is applied at most once: a repeated delivery finds its row processed and changes nothing.
// One that cannot be applied yet (the order it names has not got the payment, the database
// is down) stays unprocessed and is refused, so the provider delivers it again; the stored
// row then records the reason it waits, for the admin. Each effect an event has is idempotent
// on its own as well (settling by payment reference, refunds by request key), so two
// deliveries at the same moment apply it once.
import type { Db, Tx } from '../db/client';
import { isUniqueViolation } from '../db/unique-violation';
import { ShopError } from '../errors';

export interface ProviderEvent {
  provider: string;
  eventId: string;
  type: string;
  /** The event exactly as received (the signed body). */
  payload: string;
}

export interface InboxEntry { id: number; processedAt: Date | null; outcome: string | null }

/** What applying an event did; `refusal`: the event is done, and its delivery is answered with this refusal. */
export interface Applied { outcome: string; refusal?: ShopError }

export interface Processed { outcome: string; /** The event had been processed before: nothing was done again. */ repeated: boolean }

type Inbox = Pick<Tx, 'paymentEvent'>;

const ENTRY = { id: true, processedAt: true, outcome: true } as const;

/** Keeps the event, once per provider and event id, and returns its row. */
export async function receiveEvent(db: Inbox, event: ProviderEvent, now: Date): Promise<InboxEntry> {
  const where = { provider_eventId: { provider: event.provider, eventId: event.eventId } };
  const known = await db.paymentEvent.findUnique({ where, select: ENTRY });
  if (known) return known;
  try {
    return await db.paymentEvent.create({ data: { ...event, receivedAt: now }, select: ENTRY });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.paymentEvent.findUniqueOrThrow({ where, select: ENTRY });
  }
}

/** Records what the event did; false when another delivery of it was recorded first. */
export async function markProcessed(db: Inbox, id: number, outcome: string, now: Date): Promise<boolean> {
  const { count } = await db.paymentEvent.updateMany({ where: { id, processedAt: null }, data: { processedAt: now, outcome } });
  return count === 1;
}

const reasonOf = (error: unknown) =>
  error instanceof ShopError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message.split('\n').at(-1) ?? error.name : String(error);

/** Why the event waits (best effort: with the database down, nothing can be written). */
async function noteWaiting(db: Inbox, id: number, error: unknown) {
  await db.paymentEvent.updateMany({ where: { id, processedAt: null }, data: { outcome: `waiting: ${reasonOf(error)}`.slice(0, 1000) } }).catch(() => {});
}

/**
 * Applies the event once. A processed event answers with its stored outcome; an `apply` that
 * throws leaves it unprocessed (the error goes to the caller, the provider retries); an
 * `Applied` with a refusal is recorded as done, then thrown.
 */
export async function processOnce(db: Db, event: ProviderEvent, now: Date, apply: () => Promise<Applied>): Promise<Processed> {
  const entry = await receiveEvent(db, event, now);
  if (entry.processedAt) return { outcome: entry.outcome ?? '', repeated: true };
  let applied: Applied;
  try {
    applied = await apply();
  } catch (error) {
    await noteWaiting(db, entry.id, error);
    throw error;
  }
  if (!(await markProcessed(db, entry.id, applied.outcome, now))) {
    const first = await db.paymentEvent.findUniqueOrThrow({ where: { id: entry.id }, select: ENTRY });
    return { outcome: first.outcome ?? '', repeated: true };
  }
  if (applied.refusal) throw applied.refusal;
  return { outcome: applied.outcome, repeated: false };
}

/** Whether an event needs an admin's eye: it waits to be applied, or was received but not applied. */
export const needsAttention = (event: { processedAt: Date | null; outcome: string | null }) =>
  event.processedAt === null || /^(not applied|refused|waiting)/.test(event.outcome ?? '');

/** The newest events, for the admin's payments page. */
export function recentEvents(db: Pick<Db, 'paymentEvent'>, take = 200) {
  return db.paymentEvent.findMany({
    orderBy: { id: 'desc' }, take,
    select: { id: true, provider: true, eventId: true, type: true, receivedAt: true, processedAt: true, outcome: true },
  });
}
