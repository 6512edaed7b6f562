// The Node versions the shop runs on: package.json's "engines" (20.19 or newer, 22 and 24 too).
// npm test starts here, so a machine on an older Node fails with one clear line, not a crash later.
import { readFileSync } from 'node:fs';

const wanted = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node; // ">=20.19"
const [major, minor] = process.versions.node.split('.').map(Number);
const [needMajor, needMinor] = wanted.replace(/^>=/, '').split('.').map(Number);
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  console.error(`Node ${process.versions.node} is too old: the shop needs Node ${wanted} (package.json "engines").`);
  process.exit(1);
}
