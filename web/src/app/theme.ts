// A calm palette: a muted sage-teal for actions, warm coral for accents, soft grey surfaces.
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const sage: MantineColorsTuple = [
  '#edf7f5', '#dcece8', '#b6d8d1', '#8dc3b9', '#6bb1a4', '#55a697',
  '#47a091', '#368b7d', '#2a7c6f', '#156b5f',
];

const coral: MantineColorsTuple = [
  '#fff1ea', '#fbe1d5', '#f3c1aa', '#ec9f7c', '#e68255', '#e2703c',
  '#e1662f', '#c85522', '#b34b1c', '#9c3e13',
];

export const theme = createTheme({
  primaryColor: 'sage',
  primaryShade: { light: 7, dark: 5 },
  colors: { sage, coral },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Card: { defaultProps: { withBorder: true, padding: 'lg', radius: 'lg', shadow: 'xs' } },
    Paper: { defaultProps: { radius: 'md' } },
    Badge: {
      defaultProps: { radius: 'sm', variant: 'light' },
      styles: { root: { textTransform: 'none', fontWeight: 600, letterSpacing: 0 } },
    },
    Modal: { defaultProps: { radius: 'lg', centered: true } },
    Select: { defaultProps: { allowDeselect: false, checkIconPosition: 'right' } },
  },
});

/** Badge colours for the three circles, used wherever a circle is shown. */
export const circleColor = { personal: 'grape', professional: 'blue', opportunity: 'coral' } as const;
export const intentColor = { ask: 'orange', give: 'green', nurture: 'sage', reply: 'gray' } as const;
