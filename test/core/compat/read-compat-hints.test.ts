import { describe, expect, test } from 'vitest';
import { readCompatHints } from '../../../src/core/compat/read-compat-hints.js';
import { DOC_003, loadCompatData, sourceBlock } from './load-compat.js';

const data = loadCompatData();

describe('readCompatHints', () => {
  test('a pull error gives both builds', () => {
    const h = readCompatHints('Error response from daemon: a Windows version 10.0.18362-based image is incompatible with a 10.0.17763 host', data);
    expect([h.host?.build, h.image?.build]).toEqual([17763, 18362]);
  });

  test('docker service ps (003): the image and service, but no host from the image tag', () => {
    const h = readCompatHints(sourceBlock(DOC_003, 'C:\\Program Files\\Docker>docker service ps --no-trunc angry_liskov', '```'), data);
    expect(h.host).toBeUndefined();
    expect(h.image).toMatchObject({ build: 14393, revision: 1715, serviceName: 'angry_liskov' });
  });

  test('kubectl describe pod (003): the image and its node', () => {
    const h = readCompatHints(sourceBlock(DOC_003, '$ kubectl -n plang describe po', '```'), data);
    expect(h.host).toBeUndefined();
    expect(h.image).toMatchObject({ ref: 'patricklang/fabrikamfiber.web:latest', nodeName: '38519acs9011' });
  });

  test('a single word is not a paste', () => {
    expect(readCompatHints('0xc0370101', data)).toEqual({});
  });
});
