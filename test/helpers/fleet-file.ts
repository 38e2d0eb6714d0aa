import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../../src/core/text/decode-text.js';

const HOSTS = path.resolve(import.meta.dirname, '../fixtures/check/hosts');

/**
 * Writes a fleet file as `Invoke-Command … | ConvertTo-Json -Depth 20 > fleet.json` writes it in Windows PowerShell 5.1
 * (UTF-16LE with a BOM, CRLF, one object per host with its collector document as text), from the host documents in
 * test/fixtures/check/hosts taken in turn, each host renamed (as scripts/bench-check.mjs builds its fleet). A host is
 * about 20 KB: 2,500 hosts make a file of about 50 MB. Written host by host, so that no string of the whole file is made.
 */
export function writeFleetFile(file: string, hosts: number): void {
  const docs = readdirSync(HOSTS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(decodeText(readFileSync(path.join(HOSTS, f)))) as Record<string, unknown>);
  const fd = openSync(file, 'w');
  try {
    const write = (text: string) => writeSync(fd, Buffer.from(text, 'utf16le'));
    writeSync(fd, Buffer.from([0xff, 0xfe]));
    write('[\r\n');
    for (let i = 0; i < hosts; i++) {
      const doc: Record<string, unknown> = { ...docs[i % docs.length], host: `node${String(i + 1).padStart(5, '0')}` };
      const item = { schema: doc.schema, host: doc.host, document: JSON.stringify(doc), PSComputerName: `${doc.host}.contoso.com`, RunspaceId: '4f6a2c1e-8b3d-4e5f-a607-1829304a5b6c', PSShowComputerName: true };
      write(`    ${JSON.stringify(item, null, 4).replace(/\n/g, '\r\n    ')}${i < hosts - 1 ? ',' : ''}\r\n`);
    }
    write(']\r\n');
  } finally {
    closeSync(fd);
  }
}
