// A calm palette: a muted sage-teal for actions, warm coral for accents, soft grey surfaces.
import { createTheme, darken, luminance, toRgba, type CSSVariablesResolver, type MantineColorsTuple, type MantineTheme } from '@mantine/core';
import { coral, LIGHT_SHADE, sage } from './palette';

/**
 * Option lists scroll themselves (the `role="listbox"` the input controls) rather than inside
 * Mantine's ScrollArea: the list is scrolled from the keyboard through the input (arrow keys,
 * `aria-activedescendant`), which assistive technology and axe-core recognise only when the
 * scrolling element is the listbox itself. 220 px is Mantine's own default height.
 */
const listboxScroll = {
  defaultProps: { withScrollArea: false },
  styles: { options: { maxHeight: 220, overflowY: 'auto' } },
} as const;

export const theme = createTheme({
  primaryColor: 'sage',
  primaryShade: { light: LIGHT_SHADE, dark: 5 },
  colors: { sage, coral },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  focusRing: 'auto',
  // Transitions (modals, menus, collapses) stop for people who ask their system for less motion.
  respectReducedMotion: true,
  components: {
    Card: { defaultProps: { withBorder: true, padding: 'lg', radius: 'lg', shadow: 'xs' } },
    Paper: { defaultProps: { radius: 'md' } },
    Badge: {
      defaultProps: { radius: 'sm', variant: 'light' },
      styles: { root: { textTransform: 'none', fontWeight: 600, letterSpacing: 0 } },
    },
    // Every chart in the app is aria-hidden or role="img" beside a table of the same numbers
    // (docs/architecture.md#accessibility), so recharts' keyboard layer would only add a tab stop
    // that reads nothing: a focusable element inside an aria-hidden region.
    BarChart: { defaultProps: { barChartProps: { accessibilityLayer: false } } },
    Modal: { defaultProps: { radius: 'lg', centered: true } },
    Select: {
      defaultProps: { allowDeselect: false, checkIconPosition: 'right', ...listboxScroll.defaultProps },
      styles: listboxScroll.styles,
    },
    MultiSelect: listboxScroll,
    Autocomplete: listboxScroll,
    TagsInput: listboxScroll,
  },
});

/** Badge colours for the three circles, used wherever a circle is shown. */
export const circleColor = { personal: 'grape', professional: 'blue', opportunity: 'coral' } as const;
export const intentColor = { ask: 'orange', give: 'green', nurture: 'sage', reply: 'gray' } as const;

// ---------------------------------------------------------------------------------------------
// Readable colours (WCAG 2.1 AA, 1.4.3: text at least 4.5:1 against what is behind it).
//
// Mantine's light scheme draws coloured text with the palette's filled shade (7 for sage, 6 for
// the built-in colours): light badges and buttons, anchors, `c="red"` text and white labels on
// filled buttons come out between 2:1 (yellow) and 4.1:1 (sage), and dimmed text (gray.6) at
// 3.3:1 on white. Rather than pick a shade by hand per colour and per component, each colour's
// text shades are chosen here from its own palette: the lightest shade, from the filled one
// darker, that reaches the ratio against the worst background it is drawn on (its 12 % tint over
// the app's grey surface for light variants; white for filled ones), darkened a step at a time
// when even shade 9 is too light (yellow, orange, lime). Mantine has luminance() but no ratio,
// hence the two small functions below.
// ---------------------------------------------------------------------------------------------

const AA = 4.5;
/** The darkest neutral surface text and light badges sit on (Mantine's gray.1). */
const SURFACE = '#f1f3f5';

/** WCAG 2.1 contrast ratio (relative luminance from Mantine). */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `colour` at `opacity` painted over the opaque `surface`, as the browser composites it. */
function over(colour: string, opacity: number, surface: string): string {
  const top = toRgba(colour);
  const bottom = toRgba(surface);
  const mix = (t: number, b: number) => Math.round(t * opacity + b * (1 - opacity));
  return `rgb(${mix(top.r, bottom.r)}, ${mix(top.g, bottom.g)}, ${mix(top.b, bottom.b)})`;
}

/** The lightest of the palette's shades from `from` to 9 readable on `background`, else shade 9 darkened until it is. */
function readableShade(palette: MantineColorsTuple, from: number, background: string): string {
  for (let shade = from; shade <= 9; shade++) if (contrast(palette[shade]!, background) >= AA) return palette[shade]!;
  let colour = palette[9];
  for (let step = 1; step <= 10 && contrast(colour, background) < AA; step++) colour = darken(palette[9], step * 0.05);
  return colour;
}

function readableColourVariables(theme: MantineTheme): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, palette] of Object.entries(theme.colors)) {
    const shade = name === theme.primaryColor ? LIGHT_SHADE : 6;
    // Light badges and buttons: Mantine's tint (12 % on hover) of the filled shade.
    const tint = over(palette[shade]!, 0.12, SURFACE);
    const onTint = readableShade(palette, shade, tint);
    const filled = readableShade(palette, shade, '#ffffff');
    variables[`--mantine-color-${name}-light-color`] = onTint;
    variables[`--mantine-color-${name}-outline`] = onTint;
    variables[`--mantine-color-${name}-text`] = onTint;
    variables[`--mantine-color-${name}-filled`] = filled;
    variables[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.12);
  }
  return variables;
}

/**
 * Mantine's CSS variables with readable text colours in the light scheme (the app has no dark
 * scheme). Passed to MantineProvider in App.tsx.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => {
  const primary = readableColourVariables(resolvedTheme);
  return {
    variables: {},
    light: {
      ...primary,
      // Secondary text: still lighter than the body text, now 5.5:1 or better on every surface.
      '--mantine-color-dimmed': '#5c636a',
      // Placeholders (and FileInput's "choose a file") on a white input: 4.8:1, still paler than a value.
      '--mantine-color-placeholder': '#6c737a',
      '--mantine-color-anchor': `var(--mantine-color-${resolvedTheme.primaryColor}-text)`,
    },
    dark: {},
  };
};
