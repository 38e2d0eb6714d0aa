import type { ThemeName } from '../platform/settings.js';

/** A colour for Ink, or undefined for "the terminal's own". */
type Colour = string | undefined;

/** Semantic roles: screens ask for a role, never for a colour. Every role is paired with a glyph or word. */
export interface Theme {
  name: ThemeName;
  text: { primary: Colour; secondary: Colour; accent: Colour; heading: Colour };
  status: { success: Colour; warning: Colour; error: Colour; info: Colour };
  confidence: { high: Colour; medium: Colour; low: Colour };
  border: Colour;
  selection: Colour;
  /** Whether secondary text may be dimmed (no-color keeps everything plain). */
  dim: boolean;
  bold: boolean;
}

const DEFAULT: Theme = {
  name: 'default',
  text: { primary: undefined, secondary: 'gray', accent: 'cyan', heading: 'blueBright' },
  status: { success: 'green', warning: 'yellow', error: 'red', info: 'cyan' },
  confidence: { high: 'green', medium: 'yellow', low: 'gray' },
  border: 'gray',
  selection: 'cyan',
  dim: true,
  bold: true,
};

const HIGH_CONTRAST: Theme = {
  name: 'high-contrast',
  text: { primary: 'whiteBright', secondary: 'white', accent: 'yellowBright', heading: 'whiteBright' },
  status: { success: 'greenBright', warning: 'yellowBright', error: 'redBright', info: 'cyanBright' },
  confidence: { high: 'greenBright', medium: 'yellowBright', low: 'white' },
  border: 'whiteBright',
  selection: 'yellowBright',
  dim: false,
  bold: true,
};

const NO_COLOR: Theme = {
  name: 'no-color',
  text: { primary: undefined, secondary: undefined, accent: undefined, heading: undefined },
  status: { success: undefined, warning: undefined, error: undefined, info: undefined },
  confidence: { high: undefined, medium: undefined, low: undefined },
  border: undefined,
  selection: undefined,
  dim: false,
  bold: true,
};

export const THEME_TABLE: Readonly<Record<ThemeName, Theme>> = { default: DEFAULT, 'high-contrast': HIGH_CONTRAST, 'no-color': NO_COLOR };

/** The theme names in the order settings cycle through them. */
export const THEME_NAMES = Object.keys(THEME_TABLE) as ThemeName[];

/** Glyphs that carry the meaning colour only underlines. */
export const GLYPH = { ok: '✔', error: '✖', warning: '!', info: '·', pointer: '❯' } as const;

/** The theme to use: NO_COLOR (any value, per no-color.org) or --no-color wins over the setting. */
export function resolveTheme(setting: ThemeName, env: Readonly<Record<string, string | undefined>>, forceNoColor = false): Theme {
  if (forceNoColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return NO_COLOR;
  return THEME_TABLE[setting];
}
