import { driverOf, type Db } from '../../db/client';
import { postgresStore } from './postgres';
import { sqliteStore } from './sqlite';
import type { DownloadStore } from './types';

export { redirectTarget, type DownloadStore, type EventRow, type LicenseWithSource } from './types';

const stores = new WeakMap<Db, DownloadStore>();

/** The hot-path statements for this client, prepared once. */
export function downloadStore(db: Db): DownloadStore {
  let store = stores.get(db);
  if (!store) {
    const driver = driverOf(db);
    store = driver.provider === 'postgresql' ? postgresStore(driver.pool) : sqliteStore(driver.connection);
    stores.set(db, store);
  }
  return store;
}
