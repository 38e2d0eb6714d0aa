/**
 * How long the input must have been quiet (since the question appeared, and since the key before) before the first key
 * of an answer to a question that starts something: longer than the gap between two keys a console types for the user
 * (Hyper-V's "Type clipboard text", a server's remote console, GNU screen's slowpaste hand a paste over one key a read,
 * a few milliseconds apart: a `y` in such a paste answered Yes and a fix's word in it confirmed the fix, found by an
 * attacker helper), shorter than a person takes to read the question. The app's prompts and the CLI's question use it.
 */
export const QUIET_MS = 300;

/**
 * How long after a fix was started by an answer an Enter still belongs to that answer: people answer "y" and then press
 * Enter out of a command line's habit, and when the fix ended within that moment the Enter landed on its result and
 * opened the form again ("edit the values"; found by a regression tester at 0.45 s). Shorter than anyone reads a result.
 */
export const AFTER_ANSWER_MS = 1000;
