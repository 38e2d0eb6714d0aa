import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const built = existsSync(CLI) && existsSync(fileURLToPath(new URL('../../dist/kb.json', import.meta.url)));
if (!built) console.warn('test/cli/diagnose.test.ts: dist/ is not built (npm run build); the built-binary tests are skipped');

/** Runs the built binary with no terminal attached, as a script or CI would. */
const wcd = (args: string[], input = '', env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
/** The answer of `wcdoctor diagnose --json 0x800705B4` (a match): started once, read by the three tests that look at it. */
let matched: ReturnType<typeof wcd> | undefined;
const matchedAnswer = () => (matched ??= wcd(['diagnose', '--json', '0x800705B4']));

describe.skipIf(!built)('wcdoctor diagnose, the built binary without a TTY', () => {
  it('answers a code with JSON in the documented shape and exit 0', () => {
    const r = matchedAnswer();
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { matches: { id: string; title: string; score: number; confidence: string; evidence: unknown[]; sources: { locale: string; doc: string; heading: string }[]; fixes: unknown[] }[]; entities: object; codes: { code: string }[] };
    expect(json.matches[0]).toMatchObject({ id: 'processor-count-start-timeout', confidence: expect.stringMatching(/high|medium|low/) });
    expect(json.matches[0]?.sources).toContainEqual({ locale: 'zh-CN', doc: '000', heading: '当 4 核 VM 上的处理器计数为 1 或 2 时，启动容器会失败' });
    expect(json.codes.map((c) => c.code)).toEqual(['0x800705B4']);
    expect(json.entities).toEqual({});
  });

  it('reads the paste from standard input with -', () => {
    const paste = 'State:          Waiting\n  Reason:       CrashLoopBackOff\nLast State:     Terminated\n  Reason:       ContainerCannotRun\n  Message:      container 1f encountered an error during CreateContainer: failure in a Windows system call: The operating system of the container does not match the operating system of the host. (0xc0370101)';
    const r = wcd(['diagnose', '--json', '-'], paste);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { matches: { id: string }[] }).matches[0]?.id).toBe('k8s-pod-os-mismatch');
  });

  it('exits 1 with an empty list when nothing known matches', () => {
    const r = wcd(['diagnose', '--json', 'npm ERR! code ERESOLVE unable to resolve dependency tree']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ matches: [] });
    const human = wcd(['diagnose', 'hello']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('No known issue matches');
  });

  it('when nothing matches, names the known issues that print a code of the paste (text and --json), exit 1', () => {
    const line = 'Failed to create endpoint: hnsCall failed in Win32: Element not found. (0x490)';
    const human = wcd(['diagnose', line]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('Known issues that give 0x80070490: hns-requires-ipv6, hns-store-corrupted-cleanup; the rest of the paste does not say which');
    const json = wcd(['diagnose', '--json', line]);
    expect(JSON.parse(json.stdout)).toMatchObject({ matches: [], leads: [{ code: '0x80070490', topics: ['hns-requires-ipv6', 'hns-store-corrupted-cleanup'] }] });
    // A match has no leads.
    expect(JSON.parse(matchedAnswer().stdout)).not.toHaveProperty('leads');
  });

  it('when nothing matches, names the troubleshooting tree whose question quotes the failure (text and --json; found by a tester: a start time-out got no lead)', () => {
    const line = 'Error response from daemon: container abc encountered an error during hcs::System::Start: context deadline exceeded';
    const human = wcd(['diagnose', line]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('A troubleshooting tree asks about "hcs::System::Start: context deadline exceeded": A container will not start ("wcdoctor troubleshoot container-wont-start").');
    const json = JSON.parse(wcd(['diagnose', '--json', line]).stdout) as { treeLeads: { tree: string; question: string; answer: string }[] };
    expect(json.treeLeads).toContainEqual(expect.objectContaining({ tree: 'container-wont-start', question: 'symptom' }));
    expect(JSON.parse(matchedAnswer().stdout)).not.toHaveProperty('treeLeads');
  });

  it('gives titles and the workaround in the language asked for, and in the environment language', () => {
    const ko = wcd(['--lang', 'ko-KR', 'diagnose', '--json', '0x800706BE']);
    expect((JSON.parse(ko.stdout) as { matches: { title: string }[] }).matches[0]?.title).toMatch(/[\uac00-\ud7a3]/);
    const zh = wcd(['diagnose', 'The remote procedure call failed. (0x6be) hnsCall docker run -p 80:80'], '', { LANG: 'zh_CN.UTF-8' });
    expect(zh.stdout).toContain('摘自文档（zh-CN）：');
    expect(zh.stdout).not.toContain('From the documentation');
  });

  it('exits 2 with a clear message on usage errors, never a stack trace', () => {
    // --limit takes digits only, as history's does (0x10, " 3" and 1e1 were read as numbers).
    for (const args of [['diagnose', '--lang', 'xx', 'foo'], ['diagnose', '--limit', 'many', 'foo'], ['diagnose', '--limit=0x10', 'foo'], ['diagnose', '--limit= 3', 'foo'], ['diagnose', '--limit=1e1', 'foo'], ['nosuchcommand'], ['diagnose', '--bogus']]) {
      const r = wcd(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.length).toBeGreaterThan(0);
    }
    const empty = wcd(['diagnose', '-'], '   ');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('empty');
  });

  it('prints help instead of opening the app when there is no terminal', () => {
    const r = wcd([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('diagnose');
    expect(r.stdout).toContain('Usage: wcdoctor');
  });
});
