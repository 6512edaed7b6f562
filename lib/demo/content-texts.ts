// The demo shop's articles and pass, seeded with the catalogue (upserted by slug).
export interface DemoArticle {
  slug: string; title: string; teaser: string; body: string;
  contentId?: string; free?: boolean; productSlug?: string;
}

const tutorial = (topic: string, steps: string[]) =>
  `## What you need\n\nA cutting mat, a sharp craft knife, a bone folder and 250–300 gsm card.\n\n## Steps\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n\n`
  + `> Members' tip: score every ${topic} fold before you cut; a scored fold opens cleanly for years.\n`;

export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    slug: 'how-pop-ups-work', title: 'How Pop-ups Really Work', contentId: 'cms-how-pop-ups-work', productSlug: 'article-how-pop-ups-work',
    teaser: 'Every pop-up card is built from three mechanisms. This long read takes each apart, with diagrams.',
    body: '## The V-fold\n\nA V-fold sits across the spine. When the card opens to 180°, the two angled tabs pull the piece upright; '
      + 'the steeper the angle, the further it leans back.\n\n## Parallel folds\n\nTwo folds parallel to the spine make a box that rises '
      + 'square to the page. Stack them for steps, buildings and cakes.\n\n## Floating layers\n\nA layer glued to two supports '
      + '*floats* above the page: the secret behind every cherry-tree canopy.\n\nThe rule of thumb: **every fold must be parallel to '
      + 'the spine or meet it at one point**, or the card will tear when it closes.\n',
  },
  {
    slug: 'v-fold-tutorial', title: 'Tutorial: Your First V-fold', free: false,
    teaser: 'A step-by-step member tutorial: build a leaning tree that springs up when the card opens.',
    body: tutorial('V', ['Fold the base card in half and open it flat.', 'Cut the tree with two tabs at 60°.', 'Glue one tab each side of the spine.', 'Close under a book for ten minutes.']),
  },
  {
    slug: 'floating-layers-tutorial', title: 'Tutorial: Floating Layers',
    teaser: 'A member tutorial on layers that hover above the page, from a single cloud to a full canopy.',
    body: tutorial('support', ['Cut two supports the same height.', 'Glue them parallel to the spine, 3 cm apart.', 'Glue the layer on top and test the closing.', 'Add a second layer on taller supports.']),
  },
  {
    slug: 'choosing-paper', title: 'Choosing Paper for Pop-ups', free: true,
    teaser: 'Free guide: which weights and finishes fold well, and which crack.',
    body: '## Weight\n\nBetween 250 and 300 gsm for the base; 160–200 gsm for layers that must fold tightly.\n\n## Grain\n\nFold *with* the grain; against it, the fibres crack.\n',
  },
];

export interface DemoPass { slug: string; name: string; termDays: number; productSlug: string; articleSlugs: string[] }

export const DEMO_PASSES: readonly DemoPass[] = [
  { slug: 'studio-pass', name: 'Studio Pass', termDays: 30, productSlug: 'studio-pass', articleSlugs: ['v-fold-tutorial', 'floating-layers-tutorial'] },
];
