// Theme state shared by the toggle and the pre-paint script: "light" | "dark" stored, else system.
export const THEME_KEY = 'workbook:theme';
export type Theme = 'light' | 'dark';

/** The theme in effect: the explicit choice on <html>, else the system preference. */
export function currentTheme(): Theme {
  const explicit = document.documentElement.dataset['theme'];
  if (explicit === 'light' || explicit === 'dark') return explicit;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies an explicit theme to the document. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
}
