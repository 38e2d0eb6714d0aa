import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

const all = files(SRC).map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, 'utf8') }));
const layer = (f: string) => f.split(path.sep)[0] ?? '';

/** Value imports (type-only imports are erased and allowed across layers). */
function imports(text: string): { spec: string; typeOnly: boolean }[] {
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) out.push({ spec: m[3] ?? '', typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1] ?? '', typeOnly: false });
  return out;
}

function target(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return layer(path.relative(SRC, path.resolve(SRC, path.dirname(from), spec)));
}

describe('architecture: dependency direction (STYLE.md §3)', () => {
  const ALLOWED: Record<string, string[]> = {
    core: ['core'],
    platform: ['platform', 'core'],
    ui: ['ui', 'core', 'platform'],
    cli: ['cli', 'core', 'platform', 'ui'],
  };

  it.each(all.map((f) => [f.file, f.text] as const))('%s imports only what its layer may', (file, text) => {
    const from = layer(file);
    for (const { spec, typeOnly } of imports(text)) {
      const to = target(file, spec);
      if (to === '..' && typeOnly && spec.endsWith('locales/en.json')) continue; // the catalog's type, for typed t()
      if (to) {
        if (from === 'ui' && to === 'platform') expect(typeOnly, `${file} → ${spec}: ui may use platform types only`).toBe(true);
        else expect(ALLOWED[from] ?? [], `${file} → ${spec}`).toContain(to);
      } else if (from === 'core') {
        expect(spec, `${file}: core stays pure`).not.toMatch(/^(node:|fs$|path$|os$|child_process$|react|ink|conf$)/);
      }
    }
  });

  it('keeps process exit codes in cli/main.ts and console output out of the UI', () => {
    for (const { file, text } of all) {
      // main.ts sets the exit codes; the single executable's entry exits early when it cannot unpack its files.
      if (file !== path.join('cli', 'main.ts') && file !== path.join('cli', 'sea-launcher.ts')) {
        expect(text, file).not.toMatch(/process\.exitCode\s*=|process\.exit\(/);
      }
      if (layer(file) === 'ui') expect(text, file).not.toMatch(/\bconsole\.(log|error|warn|info)\(/);
      if (layer(file) === 'core') expect(text, file).not.toMatch(/\bprocess\.(env|argv|stdout|stderr|cwd)\b/);
    }
  });

  // Issue 17: the CLI reaches the app only to open it, and shares its catalogues and Markdown renderer;
  // logic both use (topic text, search, categories, fix commands, wrapping) lives in core.
  it('lets the CLI import from ui/ only the app entry, the message catalogues and the Markdown renderer', () => {
    // check-text.ts, compat-text.ts, diagnose-text.ts, fix-text.ts and network-text.ts map core's message ids (reasons, refusals, problems, warnings) to message keys: catalogues too.
    const OPEN_TO_CLI = [/^ui\/run\.ts$/, /^ui\/i18n\.ts$/, /^ui\/message-keys\.ts$/, /^ui\/(?:check|compat|diagnose|fix|network)-text\.ts$/, /^ui\/markdown\//];
    for (const { file, text } of all.filter((f) => layer(f.file) === 'cli')) {
      for (const { spec } of imports(text)) {
        if (target(file, spec) !== 'ui') continue;
        const to = path.relative(SRC, path.resolve(SRC, path.dirname(file), spec)).split(path.sep).join('/').replace(/\.js$/, '.ts');
        expect(OPEN_TO_CLI.some((re) => re.test(to)), `${file} → ${spec}`).toBe(true);
      }
    }
  });

  it('organises ui/screens by feature: only folders there, one per screen', () => {
    const entries = readdirSync(path.join(SRC, 'ui', 'screens'));
    for (const e of entries) expect(statSync(path.join(SRC, 'ui', 'screens', e)).isDirectory(), `ui/screens/${e}`).toBe(true);
    for (const e of entries) expect(readdirSync(path.join(SRC, 'ui', 'screens', e)).some((f) => f.endsWith('Screen.tsx')), `ui/screens/${e} holds its screen`).toBe(true);
  });

  it('defines the {{placeholder}} pattern once (core/text/placeholder.ts)', () => {
    for (const { file, text } of all) {
      if (file === path.join('core', 'text', 'placeholder.ts')) continue;
      expect(text, file).not.toContain('\\{\\{\\s*([a-zA-Z_]');
    }
  });
});

describe('the tests themselves', () => {
  const TEST = path.resolve(import.meta.dirname);
  const testFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? (f === 'fixtures' ? [] : testFiles(p)) : /\.tsx?$/.test(f) ? [p] : [];
    });

  it("draw strings of any code point with anyCodePoints, never fast-check's 'binary' unit (its table of every code point holds about 95 MB in a worker for the rest of the run)", () => {
    const users = testFiles(TEST).filter((f) => /unit:\s*['"]binary['"]/.test(readFileSync(f, 'utf8')) && !f.endsWith(`${path.sep}arbitraries.ts`) && f !== import.meta.filename);
    expect(users.map((f) => path.relative(TEST, f))).toEqual([]);
  });
});

describe('what is built does not depend on the builder', () => {
  it("compares ids and titles with a fixed locale: the build's topic order was the builder's language's (an attacker helper: LC_ALL=lt_LT sorted hyperv-* before hns-*)", () => {
    const calls = all.flatMap(({ file, text }) => [...text.matchAll(/\.localeCompare\(([^()]*)\)/g)].map((m) => ({ file, args: m[1]! })));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !c.args.includes(','))).toEqual([]);
  });
});
