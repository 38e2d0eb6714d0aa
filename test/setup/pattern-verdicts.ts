// Setup file of every test file: takes the regex-safety verdicts the global setup reached on the shipped
// knowledge (test/setup/knowledge-base.ts), so that a test assembling the knowledge again does not time every
// pattern again while four workers share two cores. A pattern a test changes is not among them: it is timed.
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { rememberPatternVerdicts, type RegexSafetyFinding } from '../../src/core/text/regex-safety.js';

const file = inject('patternVerdictsFile');
if (file) rememberPatternVerdicts(JSON.parse(readFileSync(file, 'utf8')) as [string, RegexSafetyFinding | null][]);
