// The brand palettes, apart from theme.ts so the build (vite.config.ts: the web app manifest's
// theme colour) can read them without loading Mantine.
import type { MantineColorsTuple } from '@mantine/core';

export const sage: MantineColorsTuple = [
  '#edf7f5', '#dcece8', '#b6d8d1', '#8dc3b9', '#6bb1a4', '#55a697',
  '#47a091', '#368b7d', '#2a7c6f', '#156b5f',
];

export const coral: MantineColorsTuple = [
  '#fff1ea', '#fbe1d5', '#f3c1aa', '#ec9f7c', '#e68255', '#e2703c',
  '#e1662f', '#c85522', '#b34b1c', '#9c3e13',
];

/** The shade of each palette that light-scheme buttons and links use. */
export const LIGHT_SHADE = 7;

/** The primary colour as the browser and the phone show it around the installed app. */
export const THEME_COLOUR = sage[LIGHT_SHADE];
