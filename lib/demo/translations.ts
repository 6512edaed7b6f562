// The demo catalogue in German and French (lib/catalog/texts.ts): a product's name, summary and
// description, an article's title and teaser. English is the products' and articles' own.
type ProductTexts = { name: string; summary: string; description: string };
type ArticleTexts = { title: string; teaser: string };

export const DEMO_PRODUCT_TEXTS: Readonly<Record<string, Readonly<Record<'de' | 'fr', ProductTexts>>>> = {
  'pop-up-birthday-cake': {
    de: { name: 'Pop-up-Karte Geburtstagstorte', summary: 'Eine dreistöckige Torte, die sich samt Kerzen aufrichtet, wenn die Karte aufgeht.',
      description: 'Lasergeschnitten aus 300-g-Karton, mit leerer Innenseite für Ihre Nachricht. Lässt sich flach in einen C6-Umschlag falten (liegt bei).' },
    fr: { name: 'Carte pop-up Gâteau d’anniversaire', summary: 'Un gâteau à trois étages qui se dresse, bougies comprises, à l’ouverture de la carte.',
      description: 'Découpée au laser dans un carton de 300 g, avec une page intérieure vierge pour votre message. Se replie à plat dans une enveloppe C6 (fournie).' },
  },
  'pop-up-cherry-blossom': {
    de: { name: 'Pop-up-Karte Kirschblüte', summary: 'Ein ganzer Kirschbaum in voller Blüte, mit Blütenblättern an jedem Ast.',
      description: 'Geschichteter rosa und weißer Karton auf sanft grauem Grund. Ideal für Frühlingsgeburtstage, Hochzeiten und Dankeschöns.' },
    fr: { name: 'Carte pop-up Cerisier en fleurs', summary: 'Un cerisier entier en fleurs, des pétales sur chaque branche.',
      description: 'Carton rose et blanc en couches sur un fond gris doux. Parfaite pour les anniversaires de printemps, les mariages et les remerciements.' },
  },
  'pop-up-castle': {
    de: { name: 'Pop-up-Karte Märchenschloss', summary: 'Türme, Zinnen und eine Zugbrücke, die sich in 3D entfaltet.',
      description: 'Unser aufwendigstes Motiv: 14 geschnittene Ebenen, die sich von selbst aufbauen, wenn die Karte sich auf 180° öffnet.' },
    fr: { name: 'Carte pop-up Château de conte de fées', summary: 'Des tours, des tourelles et un pont-levis qui se déploient en 3D.',
      description: 'Notre modèle le plus complexe : 14 couches découpées qui s’assemblent d’elles-mêmes quand la carte s’ouvre à 180°.' },
  },
  'pop-up-sailing-ship': {
    de: { name: 'Pop-up-Karte Segelschiff', summary: 'Ein Großsegler mit geblähten Segeln auf einer Papierwelle.',
      description: 'Für gute Reise, den Ruhestand und alle, die das Meer lieben.' },
    fr: { name: 'Carte pop-up Voilier', summary: 'Un grand voilier aux voiles gonflées sur une vague de papier.',
      description: 'Pour un bon voyage, un départ à la retraite et tous les amoureux de la mer.' },
  },
  'pop-up-christmas-tree': {
    de: { name: 'Pop-up-Karte Weihnachtsbaum', summary: 'Eine geschichtete Tanne mit goldenem Stern, die beim Öffnen aufspringt.',
      description: 'Stern in Goldfolie auf tiefgrünem Karton; ein Klassiker der Saison, im Set oder einzeln.' },
    fr: { name: 'Carte pop-up Sapin de Noël', summary: 'Un sapin en couches avec une étoile dorée qui surgit à l’ouverture.',
      description: 'Étoile en dorure sur carton vert profond ; un favori de saison, vendu en lot ou à l’unité.' },
  },
  'pop-up-love-heart': {
    de: { name: 'Pop-up-Karte Herz', summary: 'Ein Gitterherz, das aus dem Falz erblüht.',
      description: 'Zum Jahrestag, zum Valentinstag oder einfach so. Roter Karton auf Elfenbein.' },
    fr: { name: 'Carte pop-up Cœur', summary: 'Un cœur ajouré qui éclot du pli.',
      description: 'Pour un anniversaire, la Saint-Valentin ou sans raison. Carton rouge sur ivoire.' },
  },
  'printable-card-templates': {
    de: { name: 'Pop-up-Vorlagen zum Ausdrucken (PDF)', summary: 'Zwölf Vorlagen zum Ausdrucken, Schneiden und Falten zu Hause.',
      description: 'Ein PDF zum Herunterladen mit Schnittführungen, Falzlinien und Schritt-für-Schritt-Anleitungen.' },
    fr: { name: 'Gabarits pop-up à imprimer (PDF)', summary: 'Douze gabarits à imprimer, découper et plier chez vous.',
      description: 'Un PDF à télécharger avec guides de découpe, lignes de pliage et instructions pas à pas.' },
  },
  'paper-engineering-plugin': {
    de: { name: 'Papiertechnik-Plugin (ZIP)', summary: 'Ein Plugin für Designprogramme, das flache Motive in Pop-up-Ebenen verwandelt.',
      description: 'ZIP zum Herunterladen für Designer; mit Beispieldateien.' },
    fr: { name: 'Plugin d’ingénierie papier (ZIP)', summary: 'Un plugin pour logiciel de design qui transforme un dessin à plat en couches pop-up.',
      description: 'ZIP à télécharger pour les designers ; fichiers d’exemple inclus.' },
  },
  'svg-cut-files': {
    de: { name: 'Pop-up-Schneidedateien als SVG (ZIP)', summary: 'Dateien für Schneideplotter zu sechs unserer beliebtesten Karten.',
      description: 'Ein ZIP mit SVG- und DXF-Dateien für Cricut, Silhouette und Laserschneider.' },
    fr: { name: 'Fichiers de découpe pop-up SVG (ZIP)', summary: 'Des fichiers pour machine de découpe, pour six de nos cartes les plus vendues.',
      description: 'Un ZIP de fichiers SVG et DXF pour Cricut, Silhouette et découpeuses laser.' },
  },
  'article-how-pop-ups-work': {
    de: { name: 'Artikel: Wie Pop-ups wirklich funktionieren', summary: 'Eine ausführliche Lektüre über V-Falze, Parallelfalze und schwebende Ebenen.',
      description: 'Kostenpflichtiger Artikel mit Diagrammen, freigeschaltet über einen signierten Link nach dem Kauf.' },
    fr: { name: 'Article : Comment fonctionnent vraiment les pop-up', summary: 'Une lecture approfondie sur les plis en V, les plis parallèles et les couches flottantes.',
      description: 'Article payant avec schémas, débloqué par un lien signé après l’achat.' },
  },
  'studio-pass': {
    de: { name: 'Studio-Pass (30 Tage)', summary: 'Dreißig Tage Zugang zu allen Mitglieder-Tutorials.',
      description: 'Ein Pass, freigeschaltet über einen signierten Link nach dem Kauf.' },
    fr: { name: 'Pass Studio (30 jours)', summary: 'Trente jours d’accès à tous les tutoriels réservés aux membres.',
      description: 'Un pass débloqué par un lien signé après l’achat.' },
  },
};

export const DEMO_ARTICLE_TEXTS: Readonly<Record<string, Readonly<Record<'de' | 'fr', ArticleTexts>>>> = {
  'how-pop-ups-work': {
    de: { title: 'Wie Pop-ups wirklich funktionieren', teaser: 'Jede Pop-up-Karte besteht aus drei Mechanismen. Diese ausführliche Lektüre nimmt jeden auseinander, mit Diagrammen.' },
    fr: { title: 'Comment fonctionnent vraiment les pop-up', teaser: 'Chaque carte pop-up repose sur trois mécanismes. Cette lecture approfondie les démonte un à un, schémas à l’appui.' },
  },
  'v-fold-tutorial': {
    de: { title: 'Tutorial: Ihr erster V-Falz', teaser: 'Ein Mitglieder-Tutorial Schritt für Schritt: ein schräger Baum, der beim Öffnen der Karte aufspringt.' },
    fr: { title: 'Tutoriel : votre premier pli en V', teaser: 'Un tutoriel pas à pas pour les membres : un arbre penché qui se dresse à l’ouverture de la carte.' },
  },
  'floating-layers-tutorial': {
    de: { title: 'Tutorial: Schwebende Ebenen', teaser: 'Ein Mitglieder-Tutorial über Ebenen, die über der Seite schweben, von einer einzelnen Wolke bis zum ganzen Blätterdach.' },
    fr: { title: 'Tutoriel : les couches flottantes', teaser: 'Un tutoriel pour les membres sur les couches qui flottent au-dessus de la page, d’un simple nuage à toute une canopée.' },
  },
  'choosing-paper': {
    de: { title: 'Das richtige Papier für Pop-ups', teaser: 'Kostenloser Leitfaden: welche Grammaturen und Oberflächen sich gut falten lassen und welche brechen.' },
    fr: { title: 'Choisir son papier pour les pop-up', teaser: 'Guide gratuit : quels grammages et finitions se plient bien, et lesquels se fendent.' },
  },
};
