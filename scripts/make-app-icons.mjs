// Draws the installed app's icons (web/public/icons/*.png) from the logo's two circles with the
// project's Chromium: run it again after changing the mark. PNG because phones (iOS above all)
// do not take SVG home-screen icons. `node scripts/make-app-icons.mjs`
import { chromium } from '@playwright/test';

const SAGE = '#368b7d'; // web/src/app/palette.ts, THEME_COLOUR
const CORAL = '#e68255';

/** `any` icons: the mark on a white rounded square. Maskable: full bleed, the mark inside the safe 80 % circle. */
const svg = ({ size, maskable }) => {
  const background = maskable
    ? `<rect width="32" height="32" fill="${SAGE}"/>`
    : `<rect width="32" height="32" rx="7" fill="#ffffff"/>`;
  const ring = maskable ? '#ffffff' : SAGE;
  const scale = maskable ? 0.55 : 0.8;
  const offset = (32 - 32 * scale) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">${background}<g transform="translate(${offset} ${offset}) scale(${scale})"><circle cx="16" cy="16" r="12" fill="none" stroke="${ring}" stroke-width="4"/><circle cx="16" cy="16" r="4.5" fill="${CORAL}"/></g></svg>`;
};

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  // iOS ignores the manifest's icons and takes this one, without transparency.
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const { file, size, maskable } of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg({ size, maskable })}`);
  await page.locator('svg').screenshot({ path: `web/public/icons/${file}`, omitBackground: true });
}
await browser.close();
