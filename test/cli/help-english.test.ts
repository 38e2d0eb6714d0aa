import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-io.js';

// The help in English, byte for byte as it read before the help learnt other languages: test/fixtures/help/en.json
// is what `node dist/cli.js ARGS` printed then (LANG=C), for the program, every command and subcommand, the help
// commander prints when a command that only groups others is run alone (`wcdoctor kb`, on stderr), and `wcdoctor`
// with nothing to read.
const FIXTURE = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/help/en.json'), 'utf8')) as Record<string, { code: number; stdout: string; stderr: string }>;

describe('the help in English', () => {
  it.each(Object.entries(FIXTURE))('wcdoctor %s prints what it always printed', async (args, expected) => {
    const argv = args === '' ? [] : args.split(' ');
    expect(await runCli(argv)).toEqual(expected);
    // English whether it is the environment's language or --lang's.
    expect(await runCli(argv, { env: { LANG: 'en_US.UTF-8' } })).toEqual(expected);
    if (argv.length > 0) expect(await runCli(['--lang', 'en', ...argv])).toEqual(expected);
  });
});
