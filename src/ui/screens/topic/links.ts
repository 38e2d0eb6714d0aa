import { parseImage } from '../../../core/compat/parse-image.js';
import { readCompatHints } from '../../../core/compat/read-compat-hints.js';
import type { DiagnoseResult, Entities } from '../../../core/diagnosis/types.js';
import { topicLinksTo, type KnowledgeBase } from '../../../core/knowledge/kb.js';
import { entitiesFromDiagnosis } from '../../../core/trees/step-tree.js';
import type { KeyHint } from '../../components/KeyHints.js';
import { Command, SCREEN_SCOPES, type Scope } from '../../keys.js';
import type { Route } from '../../navigation.js';
import { treesReaching } from '../tree/lines.js';
import { footerHints } from '../../footers.js';

/** What a diagnosis found, for trees: its entities plus `code`, every code in the paste. */
export const diagnosisEntities = (result: Pick<DiagnoseResult, 'entities' | 'codes'>): Entities => entitiesFromDiagnosis(result) as Entities;

/** Where a topic (diagnosed from `text`, with its entities) can lead, with the key for each. */
export interface TopicLinks {
  hints: KeyHint[];
  /** The registry scopes of the links there are (the help lists their keys only then). */
  scopes: Scope[];
  /** The route a command opens, if it is one of the links. */
  routeFor(command: Command): Route | undefined;
}

/**
 * The links of a topic: the compatibility check pre-filled with what the paste revealed (for the
 * version-mismatch topics), and the first troubleshooting tree that ends at the topic, its questions
 * answered from the entities where they can be.
 */
export function topicLinks(kb: KnowledgeBase, topicId: string | undefined, opts: { entities?: Entities; text?: string } = {}): TopicLinks {
  const links: { command: Command; hint: KeyHint; scopes: readonly Scope[]; route: () => Route }[] = [];
  // Topics whose file says `links: [compat]` (an image whose Windows version does not fit the host).
  if (topicId && topicLinksTo(kb, topicId, 'compat')) {
    links.push({
      command: Command.LinkCompat,
      hint: footerHints('linkCompat')[0]!,
      scopes: SCREEN_SCOPES.linkCompatPart,
      route: () => {
        const hints = opts.text && kb.compat?.builds?.length ? readCompatHints(opts.text, kb.compat) : {};
        // The image the diagnosis read from a command line (`docker run … IMAGE cmd`), which the compatibility
        // check's own reading of the paste does not take from a docker run line.
        const image = opts.entities?.image;
        if (!hints.image && image && kb.compat?.builds?.length) {
          const parsed = parseImage(image, kb.compat);
          if (parsed.ok) hints.image = parsed.value;
        }
        return { screen: 'compat', hints };
      },
    });
  }
  const treeId = topicId ? treesReaching(kb, topicId)[0] : undefined;
  if (treeId) {
    links.push({
      command: Command.LinkTree,
      hint: footerHints('linkTree')[0]!,
      scopes: SCREEN_SCOPES.linkTreePart,
      route: () => ({ screen: 'tree', treeId, ...(opts.entities ? { entities: opts.entities } : {}) }),
    });
  }
  return {
    hints: links.map((l) => l.hint),
    scopes: links.flatMap((l) => l.scopes),
    routeFor: (command) => links.find((l) => l.command === command)?.route(),
  };
}
