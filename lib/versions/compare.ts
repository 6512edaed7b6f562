// Version strings as admins write them ("1.0", "1.10", "2.0.0-beta.2"): compared part by part,
// numbers as numbers, so "1.10" > "1.9". Pure.

const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,39}$/;

/** A version string an admin may publish: 1–40 letters, digits and . + _ -, starting with a letter or digit. */
export function isVersionString(value: string): boolean {
  return VERSION.test(value);
}

function partsOf(version: string): { main: string[]; pre: string[] } {
  const withoutBuild = version.split('+')[0];
  const dash = withoutBuild.indexOf('-');
  const main = dash === -1 ? withoutBuild : withoutBuild.slice(0, dash);
  const pre = dash === -1 ? '' : withoutBuild.slice(dash + 1);
  return { main: main.split(/[._]/).filter(Boolean), pre: pre ? pre.split(/[._-]/).filter(Boolean) : [] };
}

function compareIdentifier(a: string, b: string): number {
  const an = /^\d+$/.test(a), bn = /^\d+$/.test(b);
  if (an && bn) {
    const x = BigInt(a), y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (an) return -1; // semver: numeric identifiers sort before alphanumeric ones
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Negative when a < b, positive when a > b, 0 when equal. Missing parts count as 0 ("1.0" = "1"),
 * a pre-release is older than its release ("2.0-beta" < "2.0"), build metadata after "+" is ignored.
 */
export function compareVersions(a: string, b: string): number {
  const pa = partsOf(a), pb = partsOf(b);
  for (let i = 0; i < Math.max(pa.main.length, pb.main.length); i++) {
    const order = compareIdentifier(pa.main[i] ?? '0', pb.main[i] ?? '0');
    if (order !== 0) return order;
  }
  if (pa.pre.length === 0 && pb.pre.length === 0) return 0;
  if (pa.pre.length === 0) return 1; // a release is newer than its own pre-releases
  if (pb.pre.length === 0) return -1;
  for (let i = 0; i < Math.max(pa.pre.length, pb.pre.length); i++) {
    if (pa.pre[i] === undefined) return -1;
    if (pb.pre[i] === undefined) return 1;
    const order = compareIdentifier(pa.pre[i], pb.pre[i]);
    if (order !== 0) return order;
  }
  return 0;
}
