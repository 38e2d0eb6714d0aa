import type { KnowledgeBase, ResolvedTopic } from '../../../src/core/knowledge/kb.js';
import type { Fix } from '../../../src/core/knowledge/types.js';

const fix = (f: Partial<Fix> & Pick<Fix, 'id' | 'shell' | 'command'>): Fix => ({
  title: `Title of ${f.id}`,
  params: {},
  changes: `What ${f.id} changes.`,
  risk: 'low',
  admin: false,
  ...f,
});

/** A topic with one fix per kind of program, for core and CLI tests. */
export function makeTopic(): ResolvedTopic {
  return {
    id: 'demo-topic',
    category: 'networking',
    title: { en: 'Demo topic' },
    summary: { en: 'A topic made for tests.' },
    kind: 'issue',
    sections: [],
    sectionIds: [],
    signatures: { codes: [], phrases: [], regexes: [], keywords: {}, operations: [], against: [], context: [] },
    related: [],
    fixes: [
      fix({
        id: 'ps-set',
        shell: 'powershell',
        command: 'Set-Thing -Name {{name}} -Value {{value}}',
        params: {
          name: { kind: 'container-name', description: 'name of the container', entity: 'container' },
          value: { kind: 'text', description: 'any text' },
        },
        admin: true,
      }),
      fix({
        id: 'restart-hns',
        shell: 'powershell',
        command: 'Restart-Service {{service}} -Force',
        params: { service: { kind: 'service-name', description: 'service to restart', entity: 'service' } },
        risk: 'high',
        admin: true,
      }),
      fix({
        id: 'docker-net',
        shell: 'docker',
        command: 'docker network create -d nat -o com.docker.network.windowsshim.interface={{iface}} --label note={{note}} {{network}}',
        params: {
          iface: { kind: 'interface-name', description: 'adapter name', entity: 'interfaceName' },
          note: { kind: 'text', description: 'free text' },
          network: { kind: 'network-name', description: 'network name', entity: 'network' },
        },
      }),
      fix({
        id: 'net-use',
        shell: 'net',
        command: 'net use {{drive}} {{share}} /user:{{user}} {{password}}',
        params: {
          drive: { kind: 'drive-letter', description: 'drive letter' },
          share: { kind: 'share-path', description: 'share path' },
          user: { kind: 'user', description: 'account' },
          password: { kind: 'text', description: 'password', secret: true },
        },
      }),
      fix({
        id: 'kubectl-label',
        shell: 'kubectl',
        command: 'kubectl label node {{node}} {{text}} --overwrite',
        params: {
          node: { kind: 'node-name', description: 'node', entity: 'node' },
          text: { kind: 'text', description: 'a label' },
        },
      }),
      fix({ id: 'list-networks', shell: 'docker', command: 'docker network ls', readOnly: true }),
      fix({ id: 'reg-delete', shell: 'reg', command: 'reg delete "HKLM\\SYSTEM\\Some Key" /v DisabledComponents /f', risk: 'high', admin: true }),
    ],
  };
}

/** A tiny in-memory knowledge base around makeTopic(). */
export function makeKb(): KnowledgeBase {
  return {
    schema: 1,
    docs: [],
    sections: [],
    topics: [makeTopic(), { ...makeTopic(), id: 'no-fixes', fixes: [] }],
    structural: [],
    codes: [],
    compat: {} as KnowledgeBase['compat'],
    trees: [],
  };
}

/** Decodes a `-EncodedCommand` argument back to the script text. */
export function decodeEncodedCommand(b64: string): string {
  return Buffer.from(b64, 'base64').toString('utf16le');
}
