// The site's base URL in the browser (absolute, ending in "/"), so sub-path builds
// (`BASE=/workbook/ npm run build`) find their own files.
export const siteBase = (): string => new URL(import.meta.env.BASE_URL.replace(/\/?$/, '/'), location.origin).href;

/** A site path ("/weeks/1/") under the configured base ("/workbook/weeks/1/"); at build time and in the browser. */
export const withBase = (path: string): string => `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;
