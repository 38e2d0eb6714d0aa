// kb check applies every content rule to every topic (core/knowledge/content-rules.ts), one
// definition each: generic signatures, secrets in fix parameters, read-only and destructive fixes.
import { describe, expect, it } from 'vitest';
import { assembleKnowledgeBase } from '../../src/core/knowledge/assemble-kb.js';
import { realKnowledgeInput } from '../helpers/real-kb.js';

const input = realKnowledgeInput();
const edit = (id: string, change: (d: Record<string, any>) => void) => ({
  ...input,
  topics: input.topics.map((f) => {
    if (!f.file.endsWith(`/${id}.yaml`)) return f;
    const d = structuredClone(f.data) as Record<string, any>;
    change(d);
    return { ...f, data: d };
  }),
});

describe('content rules in kb check', () => {
  it('the shipped knowledge follows them', () => {
    expect(assembleKnowledgeBase(input).problems).toEqual([]);
  });

  it.each([
    ['a generic keyword', 'nat-static-mapping-conflict', (d: any) => d.signatures.keywords.en.push('Docker'), /signatures\.keywords\.en\[\d+\].*in every other paste/],
    ['a generic phrase in Korean', 'hns-requires-ipv6', (d: any) => d.signatures.phrases.push('컨테이너'), /signatures\.phrases\[\d+\].*in every other paste/],
    ['a password parameter', 'nat-static-mapping-conflict', (d: any) => { d.fixes[0].command += ' {{password}}'; d.fixes[0].params.password = { kind: 'text', description: 'x' }; }, /fixes\[0\]\.params\.password.*never asks for a password/],
    ['a read-only fix that restarts a service', 'nat-static-mapping-conflict', (d: any) => { d.fixes[0].command = 'Restart-Service hns'; }, /fixes\[0\]\.readOnly.*changes the system/],
    ['a read-only fix marked high risk', 'nat-static-mapping-conflict', (d: any) => { d.fixes[0].risk = 'high'; }, /fixes\[0\]\.risk.*read-only fix is low risk/],
    ['a destructive fix marked low risk', 'hns-requires-ipv6', (d: any) => { d.fixes[1].risk = 'low'; }, /fixes\[1\]\.risk.*high risk/],
  ])('refuses %s, naming the file and the field', (_name, id, change, message) => {
    const { problems } = assembleKnowledgeBase(edit(id, change));
    expect(problems.map((p) => `${p.file} ${p.field} ${p.message}`).join('\n')).toMatch(new RegExp(`${id}\\.yaml ${message.source}`));
  });
});
