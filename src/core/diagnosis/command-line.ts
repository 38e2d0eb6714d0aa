/**
 * A model of the command lines people paste (`docker run …`, `docker service create …`,
 * `kubectl run …`): the words are read as the tool reads them — options with their arity, then
 * positionals — so that the image of `docker run -it --rm mcr.microsoft.com/windows/servercore:ltsc2022 cmd`
 * is the image, not `cmd`, and `docker run -p 8080:80 -it myimage:1.0` gives `myimage:1.0`.
 * Pure and linear: one pass over at most MAX_LINE characters of one command.
 */

/** The longest command read, in characters (a `docker run` with many options is under 2 KB). */
export const MAX_LINE = 4096;

/** A parsed command: which tool and subcommand, its options (every value given) and its positionals. */
export interface ParsedCommand {
  tool: 'docker' | 'kubectl';
  /** The subcommand path: `run`, `create`, `pull`, `service create`, `network create`, `container run` is `run`. */
  command: string;
  options: Map<string, string[]>;
  positionals: string[];
}

/**
 * Options that take no value, per subcommand (long names without dashes; single letters for the
 * short forms, which may be grouped as in `-it` or `-dit`). Every other option takes one value,
 * given as `--name value` or `--name=value`. From the docker and kubectl reference pages.
 */
const SWITCHES: Record<string, ReadonlySet<string>> = {
  run: new Set(['d', 'detach', 'i', 'interactive', 't', 'tty', 'P', 'publish-all', 'rm', 'init', 'privileged', 'read-only', 'sig-proxy', 'no-healthcheck', 'oom-kill-disable', 'disable-content-trust', 'help', 'q', 'quiet']),
  create: new Set(['i', 'interactive', 't', 'tty', 'P', 'publish-all', 'rm', 'init', 'privileged', 'read-only', 'no-healthcheck', 'oom-kill-disable', 'disable-content-trust', 'help', 'q', 'quiet']),
  pull: new Set(['a', 'all-tags', 'q', 'quiet', 'disable-content-trust', 'help']),
  'service create': new Set(['d', 'detach', 'no-healthcheck', 'no-resolve-image', 'q', 'quiet', 'read-only', 'init', 't', 'tty', 'with-registry-auth', 'help']),
  'service update': new Set(['d', 'detach', 'force', 'no-healthcheck', 'no-resolve-image', 'q', 'quiet', 'read-only', 'init', 't', 'tty', 'with-registry-auth', 'rollback', 'help']),
  'network create': new Set(['attachable', 'ingress', 'internal', 'ipv6', 'config-only', 'help']),
  'kubectl run': new Set(['i', 'stdin', 't', 'tty', 'rm', 'attach', 'restart', 'dry-run', 'help', 'privileged', 'leave-stdin-open', 'quiet', 'q']),
  'kubectl create deployment': new Set(['help', 'save-config', 'validate', 'dry-run']),
};

/** Subcommands read, longest first, after `docker` (and `docker container`, `docker.exe`) or `kubectl`. */
const DOCKER_COMMANDS = ['service create', 'service update', 'network create', 'container run', 'container create', 'run', 'create', 'pull'];
const KUBECTL_COMMANDS = ['create deployment', 'run'];

/**
 * Splits a command line into words as a shell would for these purposes: white space separates,
 * double and single quotes group (and are removed), a trailing `\` or PowerShell backtick joins the
 * next line. Nothing is expanded.
 */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote = '';
  const text = line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else word += c;
      continue;
    }
    if ((c === '\\' || c === '`') && text[i + 1] === '\n') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Reads the options and positionals of a subcommand's words. */
function readArgs(words: string[], switches: ReadonlySet<string>, interspersed = false): Pick<ParsedCommand, 'options' | 'positionals'> {
  const options = new Map<string, string[]>();
  const positionals: string[] = [];
  const put = (name: string, value: string) => options.set(name, [...(options.get(name) ?? []), value]);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    // For docker, options end at the first positional (the image): what follows is the container's
    // command. kubectl takes options anywhere before `--`.
    if ((positionals.length && !interspersed) || !w.startsWith('-') || w === '-') {
      positionals.push(w);
      continue;
    }
    const eq = w.indexOf('=');
    if (w.startsWith('--')) {
      const name = w.slice(2, eq < 0 ? undefined : eq);
      if (eq >= 0) put(name, w.slice(eq + 1));
      else if (switches.has(name)) put(name, 'true');
      else if (i + 1 < words.length) put(name, words[++i]!);
      continue;
    }
    // Short options: grouped switches (`-it`), or one option with its value attached (`-p80:80`) or next.
    const letters = w.slice(1, eq < 0 ? undefined : eq);
    let j = 0;
    for (; j < letters.length; j++) {
      const l = letters[j]!;
      if (switches.has(l)) {
        put(l, 'true');
        continue;
      }
      const attached = letters.slice(j + 1) + (eq >= 0 ? w.slice(eq) : '');
      if (attached) put(l, attached.replace(/^=/, ''));
      else if (i + 1 < words.length) put(l, words[++i]!);
      break;
    }
  }
  return { options, positionals };
}

/**
 * Finds the first docker or kubectl command of a kind we model in a text and parses it.
 * Only the line it starts on is read (with its `\` or backtick continuations).
 */
export function parseCommand(text: string): ParsedCommand | undefined {
  // The first mention that is a command we model ("docker: Error response…" is not one); at most 20 looked at.
  let tries = 0;
  for (const at of text.matchAll(/\b(?:docker(?:\.exe)?|kubectl(?:\.exe)?)[ \t]+/gi)) {
    if (++tries > 20) break;
    const cmd = parseAt(text, at.index);
    if (cmd) return cmd;
  }
  return undefined;
}

/** Parses the command that starts at `start`, if it is one we model. */
function parseAt(text: string, start: number): ParsedCommand | undefined {
  let end = start;
  // The command runs to the end of its line, continuation lines included.
  for (let n = 0; n < 50; n++) {
    const nl = text.indexOf('\n', end);
    if (nl < 0) {
      end = text.length;
      break;
    }
    const before = text.slice(Math.max(start, nl - 2), nl).trimEnd();
    end = nl + 1;
    if (!before.endsWith('\\') && !before.endsWith('`')) {
      end = nl;
      break;
    }
  }
  const words = splitWords(text.slice(start, Math.min(end, start + MAX_LINE)));
  const tool = words[0]!.toLowerCase().startsWith('kubectl') ? 'kubectl' : 'docker';
  const rest = words.slice(1);
  const commands = tool === 'docker' ? DOCKER_COMMANDS : KUBECTL_COMMANDS;
  for (const c of commands) {
    const parts = c.split(' ');
    if (parts.every((p, k) => rest[k]?.toLowerCase() === p)) {
      const command = c.replace(/^container /, '');
      const key = tool === 'kubectl' ? `kubectl ${command}` : command;
      return { tool, command, ...readArgs(rest.slice(parts.length), SWITCHES[key] ?? new Set(), tool === 'kubectl') };
    }
  }
  return undefined;
}

/** The last value of an option under any of its names. */
export function optionOf(cmd: ParsedCommand, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = cmd.options.get(n);
    if (v?.length) return v[v.length - 1];
  }
  return undefined;
}

/** Every value of an option under any of its names, in order. */
export function optionsOf(cmd: ParsedCommand, ...names: string[]): string[] {
  return names.flatMap((n) => cmd.options.get(n) ?? []);
}

const IMAGE_REF = /^[a-z0-9][\w./:@-]*$/i;

/** The image a command names: the first positional of run/create/pull/service create, `--image` of kubectl. */
export function imageOf(cmd: ParsedCommand): string | undefined {
  const ref = cmd.tool === 'kubectl' ? optionOf(cmd, 'image') : cmd.command === 'network create' || cmd.command === 'service update' ? optionOf(cmd, 'image') : cmd.positionals[0];
  return ref !== undefined && IMAGE_REF.test(ref) ? ref : undefined;
}
