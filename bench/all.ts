// npm run bench: every benchmark, each printing its figure, the baseline measured
// in the same run and the ratio. Needs a production build (npm run build), wrk,
// curl and nginx (apt-get install wrk curl nginx-light), PostgreSQL at PG_TEST_URL, and Debian's
// Chromium for Lighthouse (scripts/ensure-chromium.sh).
import { cpus, loadavg, totalmem } from 'node:os';
import { benchDownloadHotPath } from './download-hot-path';
import { benchLocalDownloads } from './download-throughput';
import { benchOrderPage } from './order-page';
import { benchPayments } from './payments';
import { benchLighthouse } from './lighthouse';
import { benchFindOrders } from './find-orders';
import { benchWebhooks } from './webhooks';
import { benchUploadHashing } from './upload-hashing';
import { benchLicenseApi } from './license-api';

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, `
  + `Node ${process.version}, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
if (wanted('hot-path')) await benchDownloadHotPath(['sqlite', 'postgresql']);
if (wanted('order-page')) await benchOrderPage('sqlite');
if (wanted('local')) await benchLocalDownloads();
if (wanted('payments')) await benchPayments(['sqlite', 'postgresql']);
if (wanted('lighthouse')) await benchLighthouse();
if (wanted('find-orders')) await benchFindOrders();
if (wanted('webhooks')) await benchWebhooks();
if (wanted('upload-hashing')) await benchUploadHashing();
if (wanted('license-api')) await benchLicenseApi();
// These two run as they load (top-level await): importing them is running them.
if (wanted('secure-payload')) await import('./secure-payload');
if (wanted('content-links')) await import('./content-links');
