// The demo shop's catalogue, seeded by `npm run db:setup` (upserted by slug).
import type { ProductKind } from '../catalog/kinds';
import type { Currency } from '../catalog/currencies';

export interface DemoProduct {
  slug: string;
  name: string;
  kind: ProductKind;
  priceCents: number; // EUR
  summary: string;
  description: string;
  /** Software: each paid line gets a license key with this many activations (lib/licenses). */
  licenseKeys?: boolean;
  activationLimit?: number | null;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { slug: 'pop-up-birthday-cake', name: 'Birthday Cake Pop-up Card', kind: 'physical', priceCents: 1250,
    summary: 'A three-tier cake that rises, candles and all, as the card opens.',
    description: 'Laser-cut from 300 gsm card with a blank inside page for your message. Folds flat into a C6 envelope (included).' },
  { slug: 'pop-up-cherry-blossom', name: 'Cherry Blossom Pop-up Card', kind: 'physical', priceCents: 1400,
    summary: 'A full cherry tree in bloom, with petals on every branch.',
    description: 'Layered pink and white card on a soft grey base. Perfect for spring birthdays, weddings and thank-yous.' },
  { slug: 'pop-up-castle', name: 'Fairy-tale Castle Pop-up Card', kind: 'physical', priceCents: 1600,
    summary: 'Towers, turrets and a drawbridge that unfolds in 3D.',
    description: 'Our most intricate design: 14 cut layers that assemble themselves as the card opens to 180°.' },
  { slug: 'pop-up-sailing-ship', name: 'Sailing Ship Pop-up Card', kind: 'physical', priceCents: 1350,
    summary: 'A tall ship with billowing sails riding a paper wave.',
    description: 'For bon voyages, retirements and anyone who loves the sea.' },
  { slug: 'pop-up-christmas-tree', name: 'Christmas Tree Pop-up Card', kind: 'physical', priceCents: 1100,
    summary: 'A layered fir with a gold star that springs up on opening.',
    description: 'Gold-foil star on deep green card; a seasonal favourite sold in packs or singly.' },
  { slug: 'pop-up-love-heart', name: 'Love Heart Pop-up Card', kind: 'physical', priceCents: 1200,
    summary: 'A lattice heart that blooms from the fold.',
    description: 'Anniversaries, Valentine’s Day, or just because. Red card on ivory.' },
  { slug: 'printable-card-templates', name: 'Printable Pop-up Templates (PDF)', kind: 'download', priceCents: 900,
    summary: 'Twelve printable templates to cut and fold at home.',
    description: 'A downloadable PDF with cutting guides, fold lines and step-by-step instructions.' },
  { slug: 'paper-engineering-plugin', name: 'Paper Engineering Plugin (ZIP)', kind: 'download', priceCents: 2900,
    summary: 'A design-tool plugin that turns flat art into pop-up layers.',
    description: 'Downloadable ZIP for designers; includes sample files.', licenseKeys: true, activationLimit: 3 },
  { slug: 'svg-cut-files', name: 'Pop-up SVG Cut Files (ZIP)', kind: 'download', priceCents: 1900,
    summary: 'Cutting-machine files for six of our bestselling cards.',
    description: 'A downloadable ZIP of SVG and DXF files for Cricut, Silhouette and laser cutters.' },
  { slug: 'article-how-pop-ups-work', name: 'Article: How Pop-ups Really Work', kind: 'article', priceCents: 300,
    summary: 'A long read on V-folds, parallel folds and floating layers.',
    description: 'Paid article with diagrams, unlocked by a signed link after purchase.' },
  { slug: 'studio-pass', name: 'Studio Pass (30 days)', kind: 'pass', priceCents: 1500,
    summary: 'Thirty days of access to every member tutorial.',
    description: 'A pass unlocked by a signed link after purchase.' },
];

// The demo's other currencies at fixed rates, rounded to 10 minor units: a merchant sets real prices.
const DEMO_RATES = { GBP: 0.86, USD: 1.08 } as const;

export function demoPrices(euroCents: number): Record<Currency, number> {
  const at = (rate: number) => Math.round((euroCents * rate) / 10) * 10;
  return { EUR: euroCents, GBP: at(DEMO_RATES.GBP), USD: at(DEMO_RATES.USD) };
}

export const DEMO_SHIPPING: Record<Currency, number> = { EUR: 490, GBP: 420, USD: 550 };

export const demoImagePath = (slug: string) => `/images/products/${slug}.svg`;
