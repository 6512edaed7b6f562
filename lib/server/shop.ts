// The composition root of the running shop (the Next server, scripts/start.ts and the
// scripts): the configuration is read here, once per process, and every capability gets
// its settings from here. Nothing under lib/ outside this folder reads the configuration
// (tests/architecture/dependencies.test.ts keeps it so).
import { config, type AppConfig } from '../config';
import { openDatabase, type Db, type OpenDatabase } from '../db/client';
import type { KeyRing } from '../signing';
import { orderLinkRing } from '../order-access/links';
import { downloadTokenRing } from '../downloads/token';
import { orderClaimRing } from '../order-claims/claims';
import { orderFinderRing } from '../order-finder/sign-in';

export interface Shop {
  settings: AppConfig;
  /** The database, opened on first use so `next build` never connects. */
  database(): OpenDatabase;
  rings: { orders: KeyRing; downloads: KeyRing; claims: KeyRing; finder: KeyRing };
  /** https: cookies are Secure and HSTS is on. */
  secure: boolean;
}

function composeShop(settings: AppConfig): Shop {
  let database: OpenDatabase | undefined;
  const { appKeys } = settings;
  return {
    settings,
    database: () => (database ??= openDatabase(settings.databaseUrl)),
    rings: { orders: orderLinkRing(appKeys), downloads: downloadTokenRing(appKeys), claims: orderClaimRing(appKeys), finder: orderFinderRing(appKeys) },
    secure: settings.publicUrl.startsWith('https:'),
  };
}

// On globalThis: the proxy, the pages and the API routes are bundled apart (each has its
// own copy of this module) but share the process, its settings and its one database pool.
const globalForShop = globalThis as unknown as { shop?: Shop };

export const shop = (): Shop => (globalForShop.shop ??= composeShop(config()));

export const db = (): Db => shop().database().db;

/** What opening a merchant's secure payload needs: the audience and the key-sealing secrets. */
export const securePayloadOptions = () => ({ publicUrl: shop().settings.publicUrl, appKeys: shop().settings.appKeys });
export const databaseReachable = (): Promise<boolean> => shop().database().reachable();
