import { showControls, showControlsKeepColour } from '../../core/text/terminal-safe.js';

/**
 * Outside text (a paste, an entity found in it, a child's output, an error message, a typed query) as
 * the screen may show it: every control character visible (`␛`, `␇`, `\x9b`), so nothing in it can act
 * on the terminal. Used where such text enters the display, before it is measured and wrapped.
 */
export const safeText = (text: string): string => showControls(text);

/** Like safeText for a line that carries our own colours (rendered Markdown): colour sequences pass. */
export const safeAnsiText = (text: string): string => showControlsKeepColour(text);
