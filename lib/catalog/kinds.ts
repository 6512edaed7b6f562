// What the shop sells: a closed set, stored as the database's ProductKind enum (checked
// there too). What each kind means for checkout, the order page and refunds is one entry
// of FULFILMENT in lib/fulfilment/kinds.ts.
import { ProductKind as STORED_KINDS } from '../db/generated/sqlite/enums';

export type ProductKind = (typeof STORED_KINDS)[keyof typeof STORED_KINDS];

export const PRODUCT_KINDS = Object.values(STORED_KINDS) as readonly ProductKind[];

export const isProductKind = (value: string): value is ProductKind => (PRODUCT_KINDS as readonly string[]).includes(value);
