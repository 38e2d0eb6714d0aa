// TERM=dumb (a terminal that cannot move the cursor): the app is refused with exit 2, in the run's language (an attacker
// helper found the app drawn there; a regression tester found the refusal in the environment's language, not --lang's).
import { describe, expect, it } from 'vitest';
import { refuseDumbTerminal } from '../../src/cli/commands/ui.js';
import { tFor } from '../helpers/i18n.js';

describe('refuseDumbTerminal', () => {
  it('lets every other terminal through', () => {
    for (const TERM of [undefined, 'xterm-256color', 'screen', 'dumber', 'vt100']) expect(() => refuseDumbTerminal({ TERM })).not.toThrow();
  });

  it('refuses TERM=dumb with exit 2 and the way on, in --lang over the environment', () => {
    const refusal = (env: Record<string, string>, lang?: Parameters<typeof refuseDumbTerminal>[1]) => {
      try {
        refuseDumbTerminal(env, lang);
      } catch (e) {
        return e as { message: string; exitCode: number; nextSteps: string[] };
      }
      throw new Error('not refused');
    };
    const en = refusal({ TERM: 'dumb', LANG: 'C' });
    expect(en.exitCode).toBe(2);
    expect(en.message).toContain('TERM=dumb');
    expect(en.nextSteps[0]).toContain('wcdoctor --help');
    expect(refusal({ TERM: ' Dumb ', LANG: 'C' }, 'sv-SE').message).toBe(tFor('sv-SE')('cli.dumbTerminal'));
    expect(refusal({ TERM: 'dumb', LANG: 'sv_SE.UTF-8' }, 'ko-KR').message).toBe(tFor('ko-KR')('cli.dumbTerminal'));
    expect(refusal({ TERM: 'dumb', LANG: 'zh_CN.UTF-8' }).message).toBe(tFor('zh-CN')('cli.dumbTerminal'));
  });
});
