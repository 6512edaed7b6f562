// Lighthouse (mobile profile: the default config's Moto G Power screen with simulated slow-4G
// and 4x CPU throttling) on the pages a shopper meets first: home, a product, an article's
// teaser, the cart with an item, and a paid order's signed page in the browser that bought it
// (FULL tier). Two same-run baselines, served by a small proxy in front of the shop (Lighthouse
// refuses to audit a 404): the shop's 404 page with status 200, which is the same layout (header,
// footer) and the same framework script with no content of its own, and that page with every
// script removed, the floor for a page of this layout.
// Scores are the median of BENCH_ROUNDS runs per page, rounds interleaved.
import { createServer, request, type Server as HttpServer } from 'node:http';
import { once } from 'node:events';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { sealData } from 'iron-session';
import { sessionOptions } from '../lib/session/session';
import { APP_KEYS, benchDatabase, benchPort, buyOnce, median, ROUNDS, startShop } from './support';

const dir = path.resolve('.tmp/bench-lighthouse');
// playwright.config.ts's flags for Debian's Chromium, and the new headless mode Lighthouse needs.
const CHROME_FLAGS = ['--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--no-sandbox'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Issue 18's targets; SEO applies to public pages only (the cart and the order page are noindex by design). */
const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;

interface Figures { scores: Record<(typeof CATEGORIES)[number], number>; lcpMs: number; tbtMs: number; scriptKiB: number; documentKiB: number; failed: string[] }

async function audit(url: string, port: number, cookie?: string): Promise<Figures> {
  const result = await lighthouse(url, {
    port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`${url}: Lighthouse returned nothing`);
  const { lhr } = result;
  // LIGHTHOUSE_REPORTS=dir keeps each run's full report, to see what an audit found.
  if (process.env.LIGHTHOUSE_REPORTS) {
    mkdirSync(process.env.LIGHTHOUSE_REPORTS, { recursive: true });
    writeFileSync(path.join(process.env.LIGHTHOUSE_REPORTS, `${new URL(url).pathname.replace(/\W+/g, '_')}-${Date.now()}.json`), result.report as string);
  }
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)])) as Figures['scores'];
  const summary = (lhr.audits['resource-summary'].details as unknown as { items: { resourceType: string; transferSize: number }[] }).items;
  const transferred = (type: string) => (summary.find((item) => item.resourceType === type)?.transferSize ?? 0) / 1024;
  // Every audit below a full score in the three categories that should be perfect: what to fix.
  const failed = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) => lhr.categories[c].auditRefs
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1).map((ref) => `${c}: ${ref.id}`));
  return {
    scores, failed,
    lcpMs: lhr.audits['largest-contentful-paint'].numericValue ?? NaN,
    tbtMs: lhr.audits['total-blocking-time'].numericValue ?? NaN,
    scriptKiB: transferred('script'), documentKiB: transferred('document'),
  };
}

const BASELINES = { '/baseline/layout': false, '/baseline/static': true } as const;

/** Forwards everything to the shop, except the two baselines: its 404 page as a 200, with or without its scripts. */
async function baselineProxy(shopUrl: string, port: number): Promise<{ url: string; server: HttpServer }> {
  const shop = new URL(shopUrl);
  const server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    if (path in BASELINES) {
      const page = await fetch(`${shopUrl}/no-such-page`);
      let html = await page.text();
      if (BASELINES[path as keyof typeof BASELINES]) {
        html = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link\b[^>]*as="script"[^>]*>/g, '');
      }
      const headers = Object.fromEntries([...page.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding'].includes(name)));
      // Compressed as the shop compresses its own pages, so the baseline's HTML costs what theirs does.
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(html));
      return;
    }
    const forwarded = request({ host: shop.hostname, port: shop.port, path, method: req.method, headers: { ...req.headers, host: shop.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${port}`, server };
}

/** The page's own inline scripts (React's payload, JSON-LD), uncompressed: script that is not a file. */
async function inlineScriptKiB(url: string, cookie?: string): Promise<number> {
  const html = await (await fetch(url, { headers: cookie ? { cookie } : {} })).text();
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
  return inline.reduce((sum, [, body]) => sum + Buffer.byteLength(body), 0) / 1024;
}

const signed = (kib: number) => `${kib < 0 ? '−' : '+'}${Math.abs(kib).toFixed(1)}`;

function medianFigures(runs: Figures[]): Figures {
  const mid = (pick: (f: Figures) => number) => median(runs.map(pick));
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, mid((f) => f.scores[c])])) as Figures['scores'],
    lcpMs: mid((f) => f.lcpMs), tbtMs: mid((f) => f.tbtMs), scriptKiB: mid((f) => f.scriptKiB), documentKiB: mid((f) => f.documentKiB),
    failed: [...new Set(runs.flatMap((f) => f.failed))],
  };
}

export async function benchLighthouse() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const database = await benchDatabase('sqlite', path.join(dir, 'shop.db'));
  // A physical card and a download: the order page shows the address form and the download button.
  const order = await buyOnce(database.db, ['pop-up-castle', 'printable-card-templates']);
  await database.db.$disconnect();
  const options = sessionOptions([APP_KEYS], false);
  const sealed = await sealData({ orders: [order.number], cart: [{ slug: 'pop-up-castle', quantity: 1 }] }, { password: options.password, ttl: options.ttl });
  const cookie = `${options.cookieName}=${sealed}`;
  mkdirSync(path.join(dir, 'chrome'));
  const shop = await startShop(benchPort(4), { DATABASE_URL: database.url });
  const proxy = await baselineProxy(shop.url, benchPort(5));
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/lib/chromium/chromium', chromeFlags: CHROME_FLAGS, userDataDir: path.join(dir, 'chrome') })
    .catch(async (error) => { proxy.server.close(); await shop.stop(); throw error; });
  const pages: { name: string; url: string; cookie?: string; public: boolean }[] = [
    { name: 'baseline: the 404 page served as a 200 (same layout and framework script)', url: `${proxy.url}/baseline/layout`, public: false },
    { name: 'floor: that page without its scripts', url: `${proxy.url}/baseline/static`, public: false },
    { name: 'home', url: `${shop.url}/`, public: true },
    { name: 'product', url: `${shop.url}/products/pop-up-castle`, public: true },
    { name: 'article (teaser)', url: `${shop.url}/articles/how-pop-ups-work`, public: true },
    { name: 'cart, one item', url: `${shop.url}/cart`, cookie, public: false },
    { name: 'order page, FULL', url: `${shop.url}${order.signedPath}`, cookie, public: false },
  ];
  console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile profile `
    + `(simulated slow 4G, 4x CPU slowdown), Chromium headless, medians of ${ROUNDS} runs per page:`);
  try {
    for (const page of pages) { // warm-up: the first render of each route compiles nothing, but fills caches
      const response = await fetch(page.url, { headers: page.cookie ? { cookie: page.cookie } : {} });
      if (response.status !== 200) throw new Error(`${page.url}: HTTP ${response.status}`);
    }
    const runs = new Map<string, Figures[]>(pages.map((p) => [p.name, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const page of pages) runs.get(page.name)!.push(await audit(page.url, chrome.port, page.cookie));
    }
    const baseline = medianFigures(runs.get(pages[0].name)!);
    for (const page of pages) {
      const f = medianFigures(runs.get(page.name)!);
      const inline = await inlineScriptKiB(page.url, page.cookie);
      const misses = CATEGORIES.filter((c) => (c !== 'seo' || page.public) && f.scores[c] < TARGETS[c]);
      console.log(`  ${page.name}\n      performance ${f.scores.performance}, accessibility ${f.scores.accessibility}, `
        + `best practices ${f.scores['best-practices']}, SEO ${f.scores.seo}${page.public ? '' : ' (noindex: SEO not a target)'}; `
        + `LCP ${(f.lcpMs / 1000).toFixed(2)} s, TBT ${f.tbtMs.toFixed(0)} ms; script files ${f.scriptKiB.toFixed(1)} KiB transferred`
        + (page.url.includes('/baseline/') ? '' : ` (baseline ${baseline.scriptKiB.toFixed(1)}, ${signed(f.scriptKiB - baseline.scriptKiB)})`)
        + `; HTML ${f.documentKiB.toFixed(1)} KiB transferred, of which inline script ${inline.toFixed(1)} KiB uncompressed`
        + `\n      targets (performance ≥ 95, accessibility, best practices${page.public ? ', SEO' : ''} 100): ${misses.length ? `NOT met: ${misses.join(', ')}` : 'met'}`
        + (f.failed.length ? `\n      audits below full score: ${f.failed.join(', ')}` : ''));
    }
  } finally {
    chrome.kill();
    proxy.server.close();
    await shop.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLighthouse();
