import { describe, expect, it } from 'vitest';
import { loadApp } from '../../src/cli/commands/ui.js';

describe('loadApp', () => {
  it('loads the app and the platform, and puts back the globals it hides while they load', async () => {
    const ci = process.env.CI;
    process.env.CI = 'true';
    const fetchBefore = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    try {
      const [ui, platform] = await loadApp();
      expect(typeof ui.openApp).toBe('function');
      expect(typeof platform.createNodePlatform).toBe('function');
      expect(process.env.CI).toBe('true');
      expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(fetchBefore);
      expect(typeof globalThis.fetch).toBe('function');
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });
});
