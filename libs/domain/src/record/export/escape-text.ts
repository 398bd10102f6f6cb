/** Names and texts come from users: nothing they type may become markup in an export. */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * Markdown passes HTML through: neutralise tags and entity look-alikes, keep a plain '&' readable;
 * escape emphasis, code, link and image syntax (`\ ` * _ [ ] ! ~`); line breaks become spaces, so
 * a user field can never start a heading, list or quote of its own. The one helper for every
 * user-supplied field of a Markdown export (docs/security.md).
 */
export const escapeMarkdown = (s: string): string =>
  s.replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([\\`*_[\]!~])/g, '\\$1')
    .replace(/\s*[\r\n]+\s*/g, ' ');

/** A Markdown table cell: escaped, pipes escaped, one line. */
export const markdownCell = (s: string): string => escapeMarkdown(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
