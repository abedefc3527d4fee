// `npm start` builds the web app only when it is missing or older than its sources, so a fresh
// clone works with `npm install && npm start` and later starts stay fast.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'dist/web/index.html';

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const sources = ['web', 'src/shared', 'vite.config.ts'].filter(existsSync);
const stale = !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
if (stale) {
  console.error('Building the web app…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
