// How diagnosis holds when a paste is dressed the way real pastes are: quoted as Markdown, with Windows line
// ends, wrapped by an 80- or 120-column window, JSON-escaped inside a log record, coloured, indented, ended by a CI
// runner's last line, with a CI runner's time before every line, curly quotes, HTML entities, after a `docker version`
// block, without the CLI's "Error response from daemon:" prefix, inside a pull's progress lines and before a prompt,
// between a greeting and a plea as in an issue, after the prompt and command that ran, or inside an issue template's
// sections (those four for real tool output only, not a person's words), with IDs, addresses and user names
// redacted as people do before posting, and with
// each catalogue message it quotes in English given in the catalogue's other languages.
// For every train-side, development and our own paste whose top answer is right as it is, prints how many keep
// that answer in each dress (held-out pastes are left out: nothing is tuned on them).
//
//   npm run eval:dressed [-- --list wrap80]
import { loadCases, loadEngine } from './lib/eval-sets.mjs';

const { diagnose, kb } = await loadEngine();
const wrap = (width) => (t) => t.split('\n').map((l) => l.match(new RegExp(`.{1,${width}}`, 'gu'))?.join('\n') ?? l).join('\n');
const DRESSES = {
  quote: (t) => t.split('\n').map((l) => `> ${l}`).join('\n'),
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  wrap80: wrap(80),
  wrap120: wrap(120),
  json: (t) => JSON.stringify({ log: t }),
  ansi: (t) => `\u001b[31m${t}\u001b[0m`,
  indent: (t) => t.split('\n').map((l) => `    ${l}`).join('\n'),
  ci: (t) => `${t}\nError: Process completed with exit code 1.`,
  smart: (t) => t.replace(/"([^"\n]{0,200})"/g, '\u201c$1\u201d').replace(/'/g, '\u2019'),
  html: (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  version: (t) => `PS C:\\> docker version\nClient:\n Version:           27.3.1\n API version:       1.47\n OS/Arch:           windows/amd64\n\nServer: Docker Engine - Community\n Engine:\n  Version:          27.3.1\n  API version:      1.47 (minimum version 1.24)\n  OS/Arch:          windows/amd64\n\n${t}`,
  noprefix: (t) => t.replace(/^(?:docker: )?(?:Error response from daemon: |Error: |ERROR: )/gm, ''),
  noise: (t) => `Unable to find image 'app:latest' locally\nlatest: Pulling from library/app\nDigest: sha256:0123456789abcdef\nStatus: Downloaded newer image for app:latest\n${t}\nPS C:\\src> `,
  asked: (t) => `Hi, I'm getting this when I start my container:\n\n${t}\n\nAny idea what is wrong? Thanks!`,
  cmd: (t) => `PS C:\\app> docker run -d --name web -p 8080:80 contoso/web:1.0\n${t}`,
  template: (t) => `**Describe the bug**\nThe container does not start.\n\n**To Reproduce**\nSteps to reproduce the behavior:\n1. Run the container\n2. See error\n\n\`\`\`\n${t}\n\`\`\`\n\n**Expected behavior**\nIt should start.\n\n**Environment**\n - OS: Windows Server 2022\n - Docker: 24.0.7`,
  redacted: (t) =>
    t
      .replace(/\b[0-9a-f]{64}\b/g, '<id>')
      .replace(/\b[0-9a-f]{12}\b/g, 'xxxxxxxx')
      .replace(/\b(\d{1,3}\.){3}\d{1,3}\b/g, 'x.x.x.x')
      .replace(/([Cc]:\\{1,2}Users\\{1,2})[^\\\s"']+/g, '$1<user>'),
  times: (t) => t.split('\n').map((l, i) => `2024-05-01T10:00:${String(i % 60).padStart(2, '0')}.1234567Z ${l}`).join('\n'),
  // A native program's standard error seen through Windows PowerShell 5.1 (`2>&1`, the ISE, a remote session): the first
  // line becomes an error record with its position and category lines, the rest follows as it was.
  psrecord: (t) => {
    const [first, ...rest] = t.split('\n');
    return [`docker : ${first}`, 'At line:1 char:1', '+ docker run --rm contoso/web:1.0', '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~', `    + CategoryInfo          : NotSpecified: (${first.slice(0, 40)}:String) [], RemoteException`, '    + FullyQualifiedErrorId : NativeCommandError', ' ', ...rest].join('\n');
  },
  // Copied from Event Viewer: the event's header fields, then the message.
  eventlog: (t) => `Log Name:      Application\nSource:        docker\nDate:          5/1/2024 10:00:00 AM\nEvent ID:      4\nTask Category: None\nLevel:         Error\nKeywords:      Classic\nUser:          N/A\nComputer:      WIN-HOST01\nDescription:\n${t}`,
};
const MACHINE_ONLY = new Set(['noise', 'asked', 'cmd', 'template', 'psrecord', 'eventlog']);
// A paste that quotes a catalogue message in English, with that message in each other language the catalogue has.
const localised = kb.codes.filter((c) => c.messages?.en && c.messages.en.replace(/\.$/, '').length >= 12 && Object.keys(c.messages).length > 1);
const listIndex = process.argv.indexOf('--list');
const list = listIndex > 0 ? process.argv[listIndex + 1] : undefined;
const started = performance.now();
const figures = Object.fromEntries(Object.keys(DRESSES).map((k) => [k, { tried: 0, kept: 0, lost: [] }]));
let base = 0;
for (const c of loadCases(kb)) {
  if (c.split === 'heldout' || c.split === 'source' || !c.expected.length) continue;
  const top = diagnose(kb, c.text).matches[0]?.id;
  if (!c.expected.includes(top)) continue;
  base++;
  for (const [name, dress] of Object.entries(DRESSES)) {
    // Dressings of machine output: a real paste that is no person's prose (ours and the development set's are often prose).
    if (MACHINE_ONLY.has(name) && (c.set !== 'real' || c.shape === 'prose')) continue;
    const dressed = dress(c.text);
    if (dressed === c.text) continue;
    const o = figures[name];
    o.tried++;
    const got = diagnose(kb, dressed).matches[0]?.id;
    if (got === top) o.kept++;
    else o.lost.push(`${c.id}: ${top} → ${got ?? 'none'}`);
  }
  for (const e of localised) {
    const en = e.messages.en.replace(/\.$/, '');
    if (!c.text.includes(en)) continue;
    for (const [lang, msg] of Object.entries(e.messages)) {
      if (lang === 'en') continue;
      const o = (figures.localised ??= { tried: 0, kept: 0, lost: [] });
      o.tried++;
      const got = diagnose(kb, c.text.split(en).join(msg.replace(/[.。]$/, ''))).matches[0]?.id;
      if (got === top) o.kept++;
      else o.lost.push(`${c.id} (${lang}, ${e.code}): ${top} → ${got ?? 'none'}`);
    }
  }
}
console.log(`eval:dressed: ${base} pastes answered right as they are, in ${Math.round(performance.now() - started)} ms`);
for (const [name, o] of Object.entries(figures)) console.log(`  ${name.padEnd(8)} kept ${o.kept} of ${o.tried} (${((100 * o.kept) / Math.max(1, o.tried)).toFixed(1)} %)`);
if (list) for (const l of figures[list]?.lost ?? []) console.log(`    ${l}`);
