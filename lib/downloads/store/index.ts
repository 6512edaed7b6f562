import { driverOf, type Db } from '../../db/client';
import { keptIn } from '../../kept';
import { postgresStore } from './postgres';
import { sqliteStore } from './sqlite';
import type { DownloadStore } from './types';

export { redirectTarget, type DownloadStore, type EventRow, type LicenseWithSource } from './types';

const stores = new WeakMap<Db, DownloadStore>();

/** The hot-path statements for this client, prepared once. */
export function downloadStore(db: Db): DownloadStore {
  return keptIn(stores, db, () => {
    const driver = driverOf(db);
    return driver.provider === 'postgresql' ? postgresStore(driver.pool) : sqliteStore(driver.connection);
  });
}
