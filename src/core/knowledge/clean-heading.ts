import { collapseSpace, foldForMatching } from '../text/normalise.js';

/**
 * Removes what is markup rather than words from a heading: `<a name>` anchors, Markdown links
 * (their text is kept), emphasis and code markers, trailing `#`s, and extra white space.
 * @example cleanHeading('<a name="x"></a>记住指定 *--subnet*') === '记住指定 --subnet'
 */
export function cleanHeading(raw: string): string {
  const text = raw
    .replace(/<a\s+name="[^"]*"\s*>\s*<\/a>/gi, '')
    .replace(/<[^<>]+>/g, '')
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/(\*{1,3}|_{1,3})(\S(?:[^\n]{0,200}?\S)?)\1/g, '$2')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(?<!\s)\s+#+\s*$/, '');
  return collapseSpace(text);
}

/** The anchor of a heading written as `<a name="...">`, if any. */
export function headingAnchor(raw: string): string | undefined {
  return /<a\s+name="([^"]*)"/i.exec(raw)?.[1];
}

/**
 * A comparison key for headings: case, spacing and markup differences do not count.
 * Used to resolve `{doc, heading}` references and by tests.
 */
export function headingKey(heading: string): string {
  return foldForMatching(cleanHeading(heading).replace(/[*_`#]/g, ''));
}
