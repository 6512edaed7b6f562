// The pseudo-locale: every English message wrapped in ⟦…⟧ with its letters accented. Still
// readable, visibly not English, and every piece of text that came from the catalogue carries a
// marker, so a page test can find the words that did not. ICU arguments (`{name}`), plural and
// select keys and tags stay as they are; only the words around and inside branches change.
import type { Messages } from './locales';

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'áƀçđéƒĝĥíĵķĺɱñóƥʠŕšŧúʋŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤɊŔŠŦÚṼŴẊÝŽ';
const ACCENT = new Map([...PLAIN].map((letter, index) => [letter, [...ACCENTED][index]]));

const BRANCHING = new Set(['plural', 'select', 'selectordinal']);

/** One message, marked and accented; its arguments, branch keys and tags unchanged. */
export function pseudoMessage(message: string): string {
  let at = 0;
  let out = '';
  const copyThrough = (end: number) => { out += message.slice(at, end); at = end; };

  const words = () => { // up to the `}` that closes a branch, or the end
    while (at < message.length && message[at] !== '}') {
      const char = message[at];
      if (char === '{') argument();
      else if (char === '<' && message.indexOf('>', at) > at) copyThrough(message.indexOf('>', at) + 1); // a tag, or `<{email}>`
      else { out += ACCENT.get(char) ?? char; at += 1; }
    }
  };
  const argument = () => { // `{name}`, `{name, number}` or `{name, plural, one {…} other {…}}`
    const [header, type] = /^\{\s*\w+\s*(?:,\s*(\w+)\s*)?/.exec(message.slice(at)) ?? ['{'];
    if (!type || !BRANCHING.has(type)) return copyThrough(message.indexOf('}', at) + 1 || message.length);
    copyThrough(at + header.length);
    while (at < message.length && message[at] !== '}') {
      if (message[at] === '{') { copyThrough(at + 1); words(); copyThrough(at + 1); }
      else copyThrough(at + 1); // `,`, spaces, branch keys such as `one`, `=0`, `offset:1`
    }
    copyThrough(at + 1);
  };
  words();
  return `${PSEUDO_OPEN}${out}${PSEUDO_CLOSE}`;
}

/** The pseudo catalogue, made from English. */
export function pseudoCatalogue(english: Messages): Messages {
  return Object.fromEntries(Object.entries(english).map(([namespace, messages]) => [
    namespace, Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, pseudoMessage(message as string)])),
  ])) as Messages;
}

/** Text that carries no pseudo-marked words, with the marked parts taken out (what a page test then checks). */
export const withoutPseudoText = (text: string) => {
  let rest = text;
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return rest;
};
