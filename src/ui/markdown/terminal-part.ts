// The ES-module part the Markdown renderer loads on first use (scripts/build.mjs, esmParts): marked-terminal, and
// the test of cli-highlight (the highlighter marked-terminal calls) for a language it knows. One part, so that
// neither lands in the CommonJS bundles: highlight.js imported on its own put 420 KB into the diagnose bundle.
export { markedTerminal } from 'marked-terminal';
export { supportsLanguage } from 'cli-highlight';
