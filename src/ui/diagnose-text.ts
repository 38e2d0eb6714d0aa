import type { MessageKey } from './message-keys.js';

/** The entities diagnosis names, each with its label in the UI language (the app's topic screen and the CLI's report). */
export const ENTITY_LABEL: Readonly<Record<string, MessageKey>> = {
  node: 'entity.node',
  kernelVersion: 'entity.kernelVersion',
  build: 'entity.build',
  revision: 'entity.revision',
  service: 'entity.service',
  containerId: 'entity.containerId',
  container: 'entity.container',
  pod: 'entity.pod',
  namespace: 'entity.namespace',
  image: 'entity.image',
  tag: 'entity.tag',
  network: 'entity.network',
  driver: 'entity.driver',
  ports: 'entity.ports',
  ip: 'entity.ip',
  tool: 'entity.tool',
  operation: 'entity.operation',
  vmName: 'entity.vmName',
  interfaceName: 'entity.interfaceName',
  sharePath: 'entity.sharePath',
  user: 'entity.user',
};

/** The label key of an entity, when the catalogue has one. */
export const entityLabelKey = (name: string): MessageKey | undefined => (Object.hasOwn(ENTITY_LABEL, name) ? ENTITY_LABEL[name] : undefined);
