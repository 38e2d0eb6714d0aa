import { err, ok, type Result } from '../result.js';
import { echoed } from '../text/terminal-safe.js';
import { asRecord, asRecords, parseJsonLoose, prop, str } from './parsers/common.js';
import { READS } from './reads.js';
import { FACTS_SCHEMA, READ_IDS, type FactsDocument, type RawRead, type ReadId } from './types.js';

/** What `check --from` was given: collected documents (one host or a fleet), or the output of one command. */
export type CheckInput = { kind: 'facts'; docs: FactsDocument[] } | { kind: 'paste'; read: ReadId; reads: ReadId[]; docs: FactsDocument[] };

/** Why the input could not be used, in plain words. */
export interface InputProblem {
  message: string;
  /** What went wrong, for a translation; absent for a document with a broken field (the message names it). */
  id?: 'empty' | 'unrecognised' | 'notFacts' | 'brokenJson' | 'notNodes' | 'tooManyHosts';
  params?: { bad: number; total: number } | { count: number; max: number };
}

/** The most hosts one input holds: a fleet's report of each (about 13 KB of --json a host) grows with them. */
export const MAX_HOSTS = 10_000;
/** The most a --from file may hold (256 MiB: a fleet of thousands of hosts); platform/collector reads no more. */
export const MAX_FACTS_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Pasted text from this many characters is checked off the app's thread (a worker). Measured here (Node 24, the machine
 * busy): the slowest input per character, a PowerShell list with a value wrapped over many lines, took 132 ms for 0.47 MiB
 * and 4.7 s for 15.4 MiB; a fleet's JSON 10 ms for 0.42 MiB. The app's field takes up to 16 MiB, which held the screen
 * for seconds (found by an attacker helper); below this size the screen is held for less than a tenth of a second.
 */
export const LARGE_CHECK_TEXT = 256 * 1024;

const tooMany = (count: number) => err({ id: 'tooManyHosts' as const, params: { count, max: MAX_HOSTS }, message: `it holds ${count} hosts, more than the ${MAX_HOSTS} one check reads; split it into smaller files` });

/** A name that says something: not empty or only spaces. */
const nonEmpty = (v: string | undefined): string | undefined => (v !== undefined && v.trim() !== '' ? v : undefined);

/** How a problem names the host of an item: its PSComputerName (cut to a readable length), else its place in the input. */
const host = (tag: string | undefined, index: number): string => (nonEmpty(tag) ? echoed(tag!) : String(index + 1));

/**
 * Text that opens as a JSON object or array does (`{"…`, `[{`, `[[`, `["`): a collector document or a fleet. When it does
 * not parse (cut short by a copy, a NUL byte inside), it is refused rather than read as the output of a command, whose
 * markers a document's strings hold (`Microsoft Windows [Version …]` in its `ver` read).
 */
const OPENS_AS_JSON = /^\uFEFF?\s*(?:\{\s*(?:"|\}|$)|\[\s*(?:\{|\[|"|\]|$))/;

function toFacts(v: unknown, index: number): FactsDocument | string | undefined {
  let r = asRecord(v);
  if (!r) return undefined;
  // Through Invoke-Command the collector returns its document as JSON text in `document` (remoting would flatten
  // nested objects); a bare string result arrives as {"value": "…", "PSComputerName": …}.
  const inner = str(r, 'document') ?? (str(r, 'schema') === undefined ? str(r, 'value') : undefined);
  const tag = str(r, 'PSComputerName');
  if (inner !== undefined) {
    const parsed = asRecord(parseJsonLoose(inner));
    if (!parsed) return `host ${host(tag, index)}: its document is not JSON`;
    r = parsed;
  }
  const schema = str(r, 'schema');
  if (schema === undefined) return undefined;
  if (schema !== FACTS_SCHEMA) return `host ${host(tag, index)}: schema "${echoed(schema)}" is not one this wcdoctor reads (${FACTS_SCHEMA}); collect again with "wcdoctor check --script"`;
  const readsValue = prop(r, 'reads');
  const readsIn = asRecord(readsValue);
  // A document whose reads are not an object (null, a list) read nothing: it must not pass as a host with no problems.
  if (!readsIn) return `host ${host(tag ?? str(r, 'host'), index)}: its "reads" is ${readsValue === undefined ? 'missing' : 'not an object'}; collect again with "wcdoctor check --script"`;
  const reads: Partial<Record<ReadId, RawRead>> = {};
  for (const id of READ_IDS) {
    const raw = asRecord(readsIn[id]);
    if (!raw) continue;
    const read: RawRead = { command: str(raw, 'command') ?? READS[id].command };
    const output = prop(raw, 'output');
    if (typeof output === 'string') read.output = output;
    else if (output !== undefined && output !== null) read.output = JSON.stringify(output);
    const error = str(raw, 'error');
    if (error) read.error = error;
    const skipped = str(raw, 'skipped');
    if (skipped === 'needs-admin' || skipped === 'not-present') read.skipped = skipped;
    reads[id] = read;
  }
  // A document that read nothing this wcdoctor knows has nothing to judge: it must not pass as a host with every check
  // fine, each with a report of every check (found by an attacker helper: 487 documents of 41 bytes, 20 KB, gave 7 MB
  // of --json and a fleet where "no check warns or fails").
  if (Object.keys(reads).length === 0)
    return `host ${host(tag ?? str(r, 'host'), index)}: its "reads" holds none of the reads this wcdoctor knows; collect again with "wcdoctor check --script"`;
  const elevated = prop(r, 'elevated');
  const doc: FactsDocument = {
    schema: FACTS_SCHEMA,
    host: nonEmpty(tag) ?? nonEmpty(str(r, 'host')) ?? `host ${index + 1}`,
    elevated: typeof elevated === 'boolean' ? elevated : null,
    reads,
    origin: 'collector',
  };
  const at = str(r, 'collectedAt');
  if (at) doc.collectedAt = at;
  const ps = str(r, 'psVersion');
  if (ps) doc.psVersion = ps;
  return doc;
}

/**
 * One JSON document per line (kubectl logs of the DaemonSet, the Ansible example's files concatenated) as an array;
 * undefined unless every non-blank line is a JSON object.
 */
function jsonLines(text: string): unknown[] | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 2 || !lines.every((l) => l.startsWith('{'))) return undefined;
  const docs: unknown[] = [];
  for (const l of lines) {
    const v = parseJsonLoose(l);
    if (v === undefined) return undefined;
    docs.push(v);
  }
  return docs;
}

/** Reads for which a paste is recognised, in the order they are tried (the most specific first). */
const PASTE_ORDER: readonly ReadId[] = [
  'kubeNode', 'dockerVersion', 'dockerInfo', 'hnsNetworks', 'netNat', 'vmSwitch', 'ipv6Binding', 'mpPreference',
  'computerInfo', 'services', 'excludedPorts', 'ver',
];

/** Text that marks each command's output; a paste is offered to a parser only when its marker is there. */
const MARKERS: Partial<Record<ReadId, RegExp>> = {
  kubeNode: /"kind"[ \t]*:[ \t]*"(?:Node|List)"/,
  // Its Server section opens with " Engine:" (docker info's with " Containers:"): a paste cut before the API lines is still it.
  dockerVersion: /API version:|"ApiVersion"|^Server:[^\n]*\n[ \t]+Engine:/m,
  dockerInfo: /Server Version:|"OSType"|"ServerVersion"|error during connect|pipe\/docker_engine/i,
  hnsNetworks: /"(?:ManagementIP|Subnets|Ipams|SourceMac|NetworkAdapterName)"/i,
  netNat: /InternalIPInterfaceAddressPrefix/,
  vmSwitch: /SwitchType/,
  ipv6Binding: /ms_tcpip6/,
  mpPreference: /ExclusionPath|DisableRealtimeMonitoring/,
  computerInfo: /WindowsBuildLabEx|OsBuildNumber|WindowsProductName/,
  services: /^[ \t]*Status[ \t]+Name[ \t]+DisplayName|"Status"[ \t]*:/m,
  excludedPorts: /^[ \t]*-{4,}[ \t]+-{4,}[ \t]*$/m,
  ver: /Microsoft Windows \[/,
};

/** Which command printed this text, judged by its structure; undefined when none fits. */
export function recognisePaste(text: string): ReadId | undefined {
  for (const id of PASTE_ORDER) {
    if (!MARKERS[id]?.test(text)) continue;
    if ((READS[id].parse as (t: string) => unknown)(text) !== undefined) return id;
  }
  return undefined;
}

/** A prompt line of a pasted terminal session: `PS C:\\> docker info`, `C:\\Users\\me>ver`. */
const PROMPT = /^(?:PS )?[A-Za-z]:\\[^>\n]{0,200}>/;

/**
 * A pasted terminal session split at its prompt lines, one block per command (the prompt line itself dropped);
 * undefined when the paste shows fewer than two prompts.
 */
export function splitAtPrompts(text: string): string[] | undefined {
  const blocks: string[][] = [];
  for (const line of text.replace(/\r/g, '').split('\n')) {
    if (PROMPT.test(line)) blocks.push([]);
    else blocks[blocks.length - 1]?.push(line);
  }
  return blocks.length >= 2 ? blocks.map((b) => b.join('\n')) : undefined;
}

const pasteDoc = (host: string, read: ReadId, output: string): FactsDocument => ({
  schema: FACTS_SCHEMA,
  host,
  elevated: null,
  reads: { [read]: { command: READS[read].command, output } },
  origin: 'paste',
});

/**
 * Reads what `check --from` was given: a collector document, an array of them, one per line, or Invoke-Command's
 * output (a fleet, hosts named by PSComputerName), or the pasted output of one command (a list of Kubernetes nodes is a fleet).
 * `onDocument` hears each item of a JSON input as it is read (the app shows a large fleet's progress).
 */
export function readCheckInput(text: string, onDocument?: (done: number, total: number) => void): Result<CheckInput, InputProblem> {
  if (text.trim() === '') return err({ id: 'empty', message: 'the input is empty' });
  const json = parseJsonLoose(text) ?? jsonLines(text);
  if (json !== undefined) {
    const items = Array.isArray(json) ? json : [json];
    // More items than one check reads, and they are documents: said before each is made into one (an attacker helper:
    // 700,000 of them, 54 MB, took 5 s and 594 MB to be refused).
    // (Any of the first 16, not only the first: a `{}` put first had 700,000 converted before the refusal; an attacker helper.)
    if (items.length > MAX_HOSTS && items.slice(0, 16).some((v, i) => {
      const d = toFacts(v, i);
      return d !== undefined && typeof d !== 'string';
    }))
      return tooMany(items.length);
    const docs: FactsDocument[] = [];
    const problems: string[] = [];
    items.forEach((v, i) => {
      const d = toFacts(v, i);
      if (typeof d === 'string') problems.push(d);
      else if (d) docs.push(d);
      onDocument?.(i + 1, items.length);
    });
    if (problems.length) return err({ message: problems.slice(0, 3).join('; ') });
    if (docs.length && docs.length < items.length) {
      const params = { bad: items.length - docs.length, total: items.length };
      return err({ id: 'notFacts', params, message: `${params.bad} of ${params.total} items are not wcdoctor facts documents` });
    }
    if (docs.length > MAX_HOSTS) return tooMany(docs.length);
    if (docs.length) return ok({ kind: 'facts', docs });
  } else if (OPENS_AS_JSON.test(text)) {
    return err({ id: 'brokenJson', message: 'it starts as a JSON document but is not valid JSON (cut short, or damaged); copy the whole file again' });
  }
  const session = splitAtPrompts(text);
  if (session) {
    // A terminal session with several commands: each block is recognised on its own, the first of each kind kept.
    const doc = pasteDoc('pasted output', 'ver', '');
    doc.reads = {};
    const reads: ReadId[] = [];
    for (const block of session) {
      const id = recognisePaste(block);
      if (!id || id === 'kubeNode' || doc.reads[id]) continue;
      doc.reads[id] = { command: READS[id].command, output: block };
      reads.push(id);
    }
    if (reads.length) return ok({ kind: 'paste', read: reads[0]!, reads, docs: [doc] });
  }
  const read = recognisePaste(text);
  if (!read) return err({ id: 'unrecognised', message: 'not a wcdoctor collector document, and not the output of a command wcdoctor recognises' });
  if (read === 'kubeNode') {
    const r = asRecord(json);
    const items = str(r, 'kind') === 'Node' ? [r] : asRecords(prop(r, 'items'));
    // A node has a name and a status (kubectl get nodes -o json always gives both): an item without them is no node, and
    // must not become a host with a report of every check (found by an attacker helper: 6,655 items `{}`, 20 KB, gave
    // 100 MB of --json; 40,000 ran out of memory).
    const nodes = items.filter((n) => nonEmpty(str(asRecord(prop(n, 'metadata')), 'name')) !== undefined && asRecord(prop(n, 'status')) !== undefined);
    if (nodes.length < items.length || nodes.length === 0) {
      const params = { bad: items.length - nodes.length, total: items.length };
      return err({ id: 'notNodes', params, message: `${params.bad} of ${params.total} items are not Kubernetes nodes (each needs metadata.name and status, as kubectl get nodes -o json gives them)` });
    }
    if (nodes.length > MAX_HOSTS) return tooMany(nodes.length);
    const docs = nodes.map((n) => pasteDoc(str(asRecord(prop(n, 'metadata')), 'name')!, 'kubeNode', JSON.stringify({ ...n, kind: 'Node' })));
    return ok({ kind: 'paste', read, reads: [read], docs });
  }
  return ok({ kind: 'paste', read, reads: [read], docs: [pasteDoc('pasted output', read, text)] });
}
