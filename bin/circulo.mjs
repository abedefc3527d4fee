#!/usr/bin/env node
// Runs the CLI from the prebuilt bundle (dist/server, made by `npm start` and `npm run build`)
// when it is newer than every source file; otherwise the TypeScript itself through tsx's loader,
// so no build step is needed (scripts/server-bundle.mjs says why the bundle exists).
import { freshServerBundle } from '../scripts/server-bundle.mjs';

const bundle = freshServerBundle();
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
