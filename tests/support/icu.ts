// What an ICU message names: its arguments (`{coupon}`, `{format, select, a {…} other {…}}`, not
// the words of its branches) and its rich-text tags (`<pass>…</pass>`). A translation must name
// the same, or the page passes values it does not show (or shows a placeholder).

export function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let at = 0;
  const text = () => { // words, up to the `}` that closes a branch
    while (at < message.length && message[at] !== '}') {
      if (message[at] === '{') argument();
      else at += 1;
    }
  };
  const argument = () => { // `{name}`, `{name, type}` or `{name, select, key {text} …}`
    const [, name, type] = /^\{\s*(\w+)\s*(?:,\s*(\w+))?/.exec(message.slice(at))!;
    names.add(name);
    at = message.indexOf(type ?? '}', at) + (type?.length ?? 0);
    while (at < message.length && message[at] !== '}') {
      if (message[at] === '{') { at += 1; text(); }
      at += 1;
    }
    at += 1;
  };
  text();
  return [...names].sort();
}

export const tagsOf = (message: string): string[] => [...new Set([...message.matchAll(/<(\w+)>/g)].map(([, tag]) => tag))].sort();
