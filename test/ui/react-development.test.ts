// The suite renders React's production build, as the product does (vitest.config.ts). What only React's development
// build checks (a list without keys, an update of an unmounted component, a hook called out of order) is checked here:
// react-development.child.tsx walks every screen in a process of its own with NODE_ENV=development.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CHILD = path.join(import.meta.dirname, 'react-development.child.tsx');

describe("React's development build", () => {
  it('walks every screen without a warning or an error from React', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NODE_ENV: 'development' },
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { development: string; printed: string[]; reached: string[]; walks: number };
    expect(out.development).toBe('development');
    expect(out.printed).toEqual([]);
    expect(out.reached).toHaveLength(out.walks);
    // The test's own limit above the child's: on a loaded machine (a load of 10 on 2 cores) the walk took over the
    // suite's 20 s default while the child was well within its minute.
  }, 90_000);
});
