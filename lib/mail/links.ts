// The admin's outbox shows mail text with the shop's own links clickable. Only
// those: customer text (a name, an address line) may hold a URL, which must stay text.

export interface TextPart { text: string; href?: string }

/** Splits mail text into plain parts and links that start with the shop's own origin. */
export function shopLinksIn(text: string, publicUrl: string): TextPart[] {
  const origin = `${new URL(publicUrl).origin}/`;
  return text.split(/(https?:\/\/\S+)/).filter((part) => part !== '').map((part) => {
    if (!part.startsWith(origin)) return { text: part };
    try {
      return new URL(part).origin === new URL(origin).origin ? { text: part, href: part } : { text: part };
    } catch {
      return { text: part };
    }
  });
}
