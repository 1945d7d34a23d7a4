/**
 * Where this office's pages are: at the root of an office server, under `/o/{office}` at the hub
 * (docs/HUB.md), where one site books for many offices. Its API is under the same prefix.
 */
export const siteBase = /^\/o\/[^/]+/.exec(location.pathname)?.[0] ?? '';

/** A path of this office's site (`/`, `/cancel`, `/api/…`), wherever the site is. */
export const onSite = (path: string): string => siteBase + path;

/** The page's own path within the site. */
export const sitePath = (): string => location.pathname.slice(siteBase.length) || '/';
