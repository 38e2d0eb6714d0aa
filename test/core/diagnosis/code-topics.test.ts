// When nothing matches a paste, the known issues that print one of its codes are given as leads (not as answers):
// `hnsCall failed in Win32: Element not found. (0x490)` said only "no known issue", although two topics name the code
// and a paste of the code alone lists them.
import { describe, expect, it } from 'vitest';
import { codeLeads, shownCodes, topicsOfCode } from '../../../src/core/diagnosis/code-topics.js';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { realKb } from '../../helpers/real-kb.js';

const kb = realKb();

describe('codeLeads', () => {
  it('names the topics that print a code of a paste that matched nothing, as explain lists them', () => {
    const r = diagnose(kb, 'Failed to create endpoint: hnsCall failed in Win32: Element not found. (0x490)');
    expect(r.matches).toEqual([]);
    const leads = codeLeads(kb, r);
    expect(leads).toEqual([{ code: '0x80070490', topics: topicsOfCode(kb, r.codes[0]!).map((t) => t.id) }]);
    expect(leads[0]!.topics).toContain('hns-requires-ipv6');
  });

  it('gives none when something matched, for a paste out of scope, or for a code no topic prints', () => {
    expect(codeLeads(kb, diagnose(kb, '0x800705B4'))).toEqual([]);
    const linux = diagnose(kb, 'user@host:~$ docker run x\ndocker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: permission denied (0x5)');
    expect(linux.scope?.kind).toBe('linux');
    expect(codeLeads(kb, linux)).toEqual([]);
    // A code no topic prints gives no lead (and a code some topic prints beside it still does).
    const noTopic = { canonical: '0x80070057', equivalents: [] };
    expect(topicsOfCode(kb, noTopic)).toEqual([]);
    const elementPaste = diagnose(kb, 'Element not found. (0x490)');
    const element = elementPaste.codes[0]!;
    expect(codeLeads(kb, { matches: [], codes: [noTopic as never], scope: elementPaste.scope })).toEqual([]);
    expect(codeLeads(kb, { matches: [], codes: [noTopic as never, element], scope: elementPaste.scope }).map((l) => l.code)).toEqual(['0x80070490']);
  });
});

describe('shownCodes', () => {
  it('lists a code read from its message only when the paste writes out no code that means the same', () => {
    // The app listed "Codes found: 0x80370106, 0xC0370106" for a paste that writes only 0xc0370106: the first is the code its message names.
    const both = diagnose(kb, 'hcs::System::Start: failure in a Windows system call: The virtual machine or container exited unexpectedly. (0xc0370106)');
    expect(both.codes.map((c) => c.canonical).sort()).toEqual(['0x80370106', '0xC0370106']);
    expect(shownCodes(both.codes).map((c) => c.canonical)).toEqual(['0xC0370106']);
    // The message alone: its code is the one to show.
    const message = diagnose(kb, 'hcs::System::Start: failure in a Windows system call: The virtual machine or container exited unexpectedly.');
    expect(shownCodes(message.codes).map((c) => c.canonical)).toEqual(message.codes.map((c) => c.canonical));
    expect(shownCodes(message.codes).length).toBeGreaterThan(0);
    // Two codes written out are both listed, and one written twice once.
    const two = diagnose(kb, 'failed (0x6be) then (0x800706BE) and 0x5b4');
    expect(shownCodes(two.codes).map((c) => c.canonical)).toEqual([...new Set(two.codes.map((c) => c.canonical))]);
  });
});
