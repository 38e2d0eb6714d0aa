// The audit log records its reasons in English whatever the interface's language; the history (the app's screen and
// `wcdoctor history`) shows the ones that are wcdoctor's own messages in the interface language (a tester found the
// Swedish table full of English reasons).
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/core/knowledge/types.js';
import { checkPreflight, DECLINED_REASON, INTERRUPTED_REASON, NO_TERMINAL_ERR_REASON, NO_TERMINAL_REASON, NOT_ELEVATED_REASON, type Refusal } from '../../src/core/fixes/preflight.js';
import { formatSeconds } from '../../src/core/fixes/run-fix.js';
import { readLocaleCatalogs } from '../../src/platform/locale-catalogs.js';
import { auditReasonText, translateRefusal } from '../../src/ui/fix-text.js';
import { createT } from '../../src/ui/i18n.js';

const catalogs = readLocaleCatalogs();
const LOCALES: Locale[] = ['zh-CN', 'ko-KR', 'sv-SE'];

/** Every refusal the checks give, as the fix runner meets them. */
async function refusals(): Promise<Refusal[]> {
  type Plan = Parameters<typeof checkPreflight>[0];
  const plan = (shell: Plan['shell'], program: string, more: Partial<Plan> = {}): Plan => ({ shell, program, admin: true, ...more });
  const linux = { platform: 'linux' as const, hasProgram: () => false };
  const windows = { platform: 'win32' as const, hasProgram: () => false };
  const checks = await Promise.all([
    checkPreflight(plan('powershell', 'powershell', { windowsOnly: true }), linux, async () => ({ kind: 'elevated' })),
    checkPreflight(plan('powershell', 'powershell'), linux, async () => ({ kind: 'elevated' })),
    checkPreflight(plan('cmd', 'dir'), windows, async () => ({ kind: 'elevated' })),
    checkPreflight(plan('cmd', 'netsh'), windows, async () => ({ kind: 'elevated' })),
    checkPreflight(plan('docker', 'docker'), linux, async () => ({ kind: 'elevated' })),
    checkPreflight(plan('docker', 'docker'), { ...windows, hasProgram: () => true }, async () => ({ kind: 'not-elevated' })),
    checkPreflight(plan('docker', 'docker'), { ...linux, hasProgram: () => true }, async () => ({ kind: 'elevated' })),
  ]);
  return checks.map((c) => (c.kind === 'ok' ? expect.unreachable(`no refusal: ${JSON.stringify(c)}`) : c.refusal));
}

describe('auditReasonText', () => {
  it('finds a refusal of every kind the checks give', async () => {
    expect(new Set((await refusals()).map((r) => r.id))).toEqual(new Set(['windowsHost', 'windowsShell', 'cmdBuiltin', 'notOnPath', 'notInstalled', 'notElevated', 'localEngine']));
  });

  it.each(LOCALES)('says each refusal the checks record in %s, with its values', async (locale) => {
    const t = createT(catalogs, locale);
    for (const r of await refusals()) {
      const shown = auditReasonText(r.message, t, catalogs.en);
      expect(shown).not.toBe(r.message);
      // The screen's sentence for a missing elevation says "Not run:" before it; the log's reason is the bare clause.
      if (r.id !== 'notElevated') expect(shown).toBe(translateRefusal(r, t));
      for (const value of Object.values(r.params)) expect(shown).toContain(String(value));
    }
  });

  it.each(LOCALES)('says the reasons written as constants in %s', (locale) => {
    const t = createT(catalogs, locale);
    for (const reason of [DECLINED_REASON, INTERRUPTED_REASON, NOT_ELEVATED_REASON, NO_TERMINAL_REASON, NO_TERMINAL_ERR_REASON, `stopped after ${formatSeconds(120_000)}`]) {
      const shown = auditReasonText(reason, t, catalogs.en);
      expect(shown, reason).not.toBe(reason);
      expect(shown).not.toMatch(/\{\{/);
    }
  });

  it('gives the recorded reason itself in English, and a reason of a program as it was recorded', async () => {
    const en = createT(catalogs, 'en');
    for (const reason of [DECLINED_REASON, NOT_ELEVATED_REASON, NO_TERMINAL_REASON, ...(await refusals()).map((r) => r.message)]) expect(auditReasonText(reason, en, catalogs.en)).toBe(reason);
    const sv = createT(catalogs, 'sv-SE');
    expect(auditReasonText('spawn docker ENOENT', sv, catalogs.en)).toBe('spawn docker ENOENT');
  });
});
