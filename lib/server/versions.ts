// The versions capability wired to this process's settings (composition root).
import { keptIn } from '../kept';
import { s3ClientFor } from '../downloads/sources/s3';
import { updateNoticeRing, type NoticeContext } from '../versions/notices';
import type { FileDeps } from '../versions/publish-file';
import type { KeyRing } from '../signing';
import { shop } from './shop';

const rings = new WeakMap<object, KeyRing>();

/** Signs and verifies the one-click opt-out links of update notices. */
export const optOutRing = (): KeyRing => keptIn(rings, shop().settings, () => updateNoticeRing(shop().settings.appKeys));

export const noticeContext = (): NoticeContext => ({ publicUrl: shop().settings.publicUrl, orderRing: shop().rings.orders, optOutRing: optOutRing() });

export const versionFileDeps = (): FileDeps => ({ s3: () => s3ClientFor(shop().settings.s3) });
