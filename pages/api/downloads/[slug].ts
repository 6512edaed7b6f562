// GET/HEAD /api/downloads/{slug}?token=…: the shop's server (scripts/start.ts) answers
// this path before Next routes anything; this route serves it under `next dev`.
// A Pages API route, because App Router handlers drop Content-Length from every response.
import type { NextApiRequest, NextApiResponse } from 'next';
import { handleDownload } from '@/lib/server/download-handler';

export const config = { api: { bodyParser: false, responseLimit: false } };

export default async function download(req: NextApiRequest, res: NextApiResponse) {
  const slug = req.query.slug;
  await handleDownload(req, res, (Array.isArray(slug) ? slug[0] : slug) ?? '');
}
