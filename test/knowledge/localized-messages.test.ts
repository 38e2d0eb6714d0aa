// The localized wordings of the catalogue's messages (knowledge/codes/*.yaml, `messages.<lang>` and `variants`) for
// the codes that key known issues: a paste from a host in another display language names the code by its message
// alone, and gets the verdict the English paste gets, with the code written beside it in hex or not.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { realKb } from '../helpers/real-kb.js';

const kb = realKb();

interface Case {
  code: string;
  topic: string;
  /** How the failing tool prints the Windows message; `hex` is the code as the tool writes it beside the message. */
  paste: (message: string) => string;
  hex: string;
  en: string;
  /** The localized wordings under test, by language (each one a catalogue message or variant). */
  localized: Record<string, string>;
}

const CASES: Case[] = [
  {
    code: '0xC0351000',
    topic: 'hyperv-isolation-no-hypervisor',
    paste: (m) => `docker: Error response from daemon: hcsshim::CreateComputeSystem 2b9f4c1e: ${m}`,
    hex: '0xc0351000',
    en: 'No hypervisor is present on this system.',
    localized: {
      de: 'Auf diesem System ist kein Hypervisor vorhanden.',
      fr: "Aucun hyperviseur n'est présent sur ce système.",
      ru: 'В этой системе гипервизор отсутствует.',
    },
  },
  {
    code: '0x80090325',
    topic: 'container-corporate-ca-untrusted',
    paste: (m) =>
      [
        'Step 4/6 : RUN curl.exe -fsSL https://nexus.contoso.local/tools.zip -o tools.zip',
        ' ---> Running in 8f1c2a3b4d5e',
        `curl: (60) schannel: next InitializeSecurityContext failed: ${m}`,
        "The command 'cmd /S /C curl.exe -fsSL https://nexus.contoso.local/tools.zip -o tools.zip' returned a non-zero code: 60",
      ].join('\n'),
    hex: '0x80090325',
    en: 'The certificate chain was issued by an authority that is not trusted.',
    localized: {
      'zh-CN': '证书链是由不受信任的颁发机构颁发的。',
      de: 'Die Zertifikatkette wurde von einer nicht vertrauenswürdigen Zertifizierungsstelle ausgestellt.',
      ja: '証明書チェーンは、信頼されていない機関によって発行されました。',
    },
  },
  {
    code: '0x8007085A',
    topic: 'smb-global-mapping-mount-fails',
    paste: (m) => `MountVolume.MountDevice failed for volume "smb-pv": NewSmbGlobalMapping failed. output: "New-SmbGlobalMapping : ${m}"`,
    hex: '0x8007085A',
    en: 'The Workstation service has not been started.',
    localized: {
      de: 'Der Arbeitsstationsdienst wurde nicht gestartet.',
      fr: 'Le service station de travail n’a pas été démarré.',
      'zh-TW': '工作站服務尚未啟動。',
    },
  },
  {
    code: '0x800704C3',
    topic: 'smb-global-mapping-mount-fails',
    paste: (m) => `MountVolume.MountDevice failed for volume "smb-pv": NewSmbGlobalMapping failed. output: "New-SmbGlobalMapping : ${m}"`,
    hex: '0x800704C3',
    en: 'Multiple connections to a server or shared resource by the same user, using more than one user name, are not allowed. Disconnect all previous connections to the server or shared resource and try again.',
    localized: {
      'zh-CN': '不允许一个用户使用一个以上用户名与服务器或共享资源的多重连接。中断与此服务器或共享资源的所有连接，然后再试一次。',
    },
  },
  {
    code: '0x800706F7',
    topic: 'wincred-token-too-long',
    paste: (m) => `Error saving credentials: error storing credentials - err: exit status 1, out: \`${m}\``,
    hex: '0x800706F7',
    en: 'The stub received bad data.',
    localized: { de: 'Der Stub hat fehlerhafte Daten empfangen.', it: 'Lo stub ha ricevuto dati non validi.' },
  },
  {
    code: '0x80071392',
    topic: 'nat-static-mapping-conflict',
    paste: (m) => `docker: Error response from daemon: failed to create endpoint web on network nat: HNS failed with error : ${m}`,
    hex: '0x80071392',
    en: 'The object already exists.',
    localized: { 'ko-KR': '개체가 이미 있습니다.' },
  },
];

const codesOf = (text: string) => diagnose(kb, text).codes;
const verdict = (text: string) => {
  const m = diagnose(kb, text).matches[0];
  return m ? `${m.id} ${m.confidence}` : 'none';
};

describe('localized messages of the codes that key known issues', () => {
  describe.each(CASES)('$code ($topic)', (c) => {
    it('the English paste, without the code, names the code and the topic (the baseline)', () => {
      expect(codesOf(c.paste(c.en)).map((f) => f.canonical)).toContain(c.code);
      expect(diagnose(kb, c.paste(c.en)).matches[0]?.id).toBe(c.topic);
    });

    it.each(Object.entries(c.localized))('%s: the message alone is read as the code', (_lang, message) => {
      const found = codesOf(c.paste(message)).find((f) => f.canonical === c.code);
      expect(found?.via).toBe('message');
    });

    it.each(Object.entries(c.localized))('%s: without the code the paste gets the English verdict', (_lang, message) => {
      const v = verdict(c.paste(message));
      expect(v).toMatch(new RegExp(`^${c.topic} `));
      expect(v).toBe(verdict(c.paste(c.en)));
    });

    it.each(Object.entries(c.localized))('%s: with the code beside it, the paste gets the English verdict too', (_lang, message) => {
      const paste = c.paste(`${message} (${c.hex})`);
      expect(codesOf(paste).map((f) => f.canonical)).toContain(c.code);
      expect(verdict(paste)).toMatch(new RegExp(`^${c.topic} `));
      // A wording beside the code, the code's message in that language or a variant, is read as the English one, so a
      // topic's pattern that quotes the English message matches it (features.ts englishFocusOf: a variant was read so
      // only when the message stood alone, and the German stub message with its code got "low" where English got "high").
      expect(verdict(paste)).toBe(verdict(c.paste(`${c.en} (${c.hex})`)));
    });
  });

  it('every localized wording of these codes in the catalogue says where it was seen', () => {
    for (const code of new Set(CASES.map((c) => c.code))) {
      const entry = kb.codes.find((e) => e.code === code);
      expect(entry, code).toBeDefined();
      for (const lang of Object.keys(entry!.messages).filter((l) => l !== 'en')) expect(entry!.messageSources?.[lang], `${code} ${lang}`).toBeTruthy();
      for (const v of entry!.variants ?? []) expect(v.source.length, `${code} ${v.text}`).toBeGreaterThan(10);
    }
  });
});
