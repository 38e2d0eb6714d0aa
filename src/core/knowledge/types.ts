/** BCP 47 tags of the languages wcdoctor knows. `en` is the UI baseline. */
export const LOCALES = ['en', 'zh-CN', 'ko-KR', 'sv-SE'] as const;
export type Locale = (typeof LOCALES)[number];

/** Predicate for a supported locale tag. */
export const isLocale = (s: string): s is Locale => (LOCALES as readonly string[]).includes(s);

/** A text given in one or more languages; `en` is the one we always write ourselves. */
export type LocalizedText = { en: string } & Partial<Record<Exclude<Locale, 'en'>, string>>;

/** The three forms the vendored sources come in. */
export type SourceForm = 'markdown-frontmatter' | 'markdown-anchors' | 'plain-text';

/** One vendored source document. */
export interface SourceDoc {
  /** Short id, the file's numeric prefix: "000" … "004". */
  id: string;
  file: string;
  locale: Locale;
  form: SourceForm;
  /** Which document family it belongs to; translations and revisions share one. */
  family: 'known-issues' | 'version-compatibility' | 'networking';
  title: string;
  /** Date or revision as given in the front matter, when there is one. */
  date?: string;
  /** Text before the first heading (normalised Markdown), if any. */
  preamble: string;
  /**
   * The document of its family that our translations are made from (the newest revision, or the
   * one of two translations we chose); a family has at most one.
   */
  translationSource?: boolean;
}

/** One headed section of a source document, as parsed. */
export interface Section {
  doc: string;
  locale: Locale;
  /** Position of the section in its document, from 0. */
  index: number;
  level: number;
  /** The heading as the source writes it, with anchors, links and emphasis removed. */
  heading: string;
  /** The `<a name>` anchor, when the source has one. */
  anchor?: string;
  /** 1-based line of the heading in the source file. */
  line: number;
  /** The body, normalised to CommonMark (fences repaired, HTML tables turned into Markdown). */
  body: string;
  /**
   * Set on our translation of a source section: the language it was translated from. The section
   * then has the source's doc and index, the translated heading, and `original` points at the source.
   */
  translatedFrom?: Locale;
  /** Index in `KnowledgeBase.sections` of the source section a translation translates. */
  original?: number;
  /**
   * The language the section is actually written in, when it is not its document's (the networking
   * document has a few sections still in English): a reader of that language gets it as it is.
   */
  textLocale?: Locale;
}

/** How a topic points at a source section: by doc and heading text or anchor. */
export interface SectionRef {
  doc: string;
  heading?: string;
  anchor?: string;
}

/** Kinds of placeholder value a fix can take; each has a validator in core/fixes. */
export type ParamKind =
  | 'port'
  | 'ipv4'
  | 'cidr'
  | 'build'
  | 'vm-name'
  | 'service-name'
  | 'node-name'
  | 'container-name'
  | 'network-name'
  | 'switch-name'
  | 'interface-name'
  | 'share-path'
  | 'local-folder'
  | 'user'
  | 'drive-letter'
  | 'label-value'
  | 'image-ref'
  | 'text';

export interface FixParam {
  kind: ParamKind;
  /** Extra regex the value must match, on top of the kind's own validator. */
  pattern?: string;
  description: string;
  /** Entity name from diagnosis that fills this placeholder (e.g. `node`, `service`, `port`). */
  entity?: string;
  /** Marks a secret (a password): never written to the audit log. */
  secret?: boolean;
}

/** Which program runs a fix. PowerShell scripts go through `-EncodedCommand`; the rest get an argv. */
export type FixShell = 'powershell' | 'cmd' | 'docker' | 'kubectl' | 'reg' | 'net';

/** A fix's words in one language other than English (knowledge/fix-text/<locale>.yaml). */
export interface FixText {
  title: string;
  changes: string;
  /** Placeholder name → description. */
  params: Record<string, string>;
}

/** A fix command offered for a topic. */
export interface Fix {
  id: string;
  title: string;
  shell: FixShell;
  /** Command template with `{{name}}` placeholders. */
  command: string;
  params: Record<string, FixParam>;
  /** What running it changes on the machine, in plain words. */
  changes: string;
  risk: 'low' | 'high';
  admin: boolean;
  /** True when it only reads state (a check), so it changes nothing. */
  readOnly?: boolean;
  /**
   * True when the command sets up the Windows container host itself (a network with Windows drivers):
   * it is refused on any other system, even one whose docker is on PATH.
   */
  windowsOnly?: boolean;
  /**
   * True for a docker command that means the same whichever engine docker talks to (the client's own version and
   * contexts, a registry's manifest): it runs off Windows against the machine's own engine too, where other docker
   * fixes are refused (see findRunBlocker).
   */
  anyEngine?: boolean;
  /** Its title, changes text and placeholder descriptions in zh-CN, ko-KR and sv-SE (see localizeFix). */
  text?: Partial<Record<Exclude<Locale, 'en'>, FixText>>;
}

/** Evidence a paste can carry for a topic. */
export interface Signatures {
  /** Canonical codes (`0x800705B4`, `0xC0370101`, …) that point at the topic. */
  codes: string[];
  /** Literal phrases that say what went wrong, matched case-insensitively after normalisation. */
  phrases: string[];
  /** JavaScript regular expressions (source text, flag `i` implied) for what went wrong. */
  regexes: string[];
  /**
   * Literal phrases of the setting the issue shows up in (a command, a tool's output, a resource
   * name) rather than of its cause: weak evidence that never explains a failure on its own.
   */
  setting?: string[];
  /** Words and short phrases people use when they describe the symptom, per language. */
  keywords: Partial<Record<Locale, string[]>>;
  /** Operations this topic is about (CreateContainer, Start, hnsCall, ...): evidence for. */
  operations: string[];
  /** Phrases that say the failure is something else: evidence against. */
  against: string[];
  /**
   * Context a paste must show for this topic to rank on evidence it shares with a more general
   * topic (a Kubernetes topic needs kubectl output or Kubernetes words). Empty: no requirement.
   */
  context: string[];
  /**
   * Contexts of which the paste must show a word, or the topic keeps part of its score; unlike `context`, showing
   * one is no evidence for the topic (the words are too common to say more than "this is about containers").
   * For a topic about a Windows facility that other programs meet too (the host's excluded port ranges).
   */
  needs?: string[];
  /**
   * Facts diagnosis establishes from the structure of a paste that are evidence for this topic:
   * `build-mismatch`, the paste shows a host build and an image build that differ;
   * `image-newer-than-host`, the image's build is the newer one (no isolation mode runs it);
   * `client-host`, the host's build is one only Windows 10 or 11 ships (the client compatibility rules apply);
   * `linux-engine-windows-image`, the paste shows a Windows image beside an engine that runs Linux containers (its
   * layer store, podman, `OSType: linux`), or a Windows layer's folders in a Linux layer store's path.
   */
  facts?: DiagnosisFact[];
  /**
   * Releases of a component where the topic's bug lives (introduced included, fixed excluded): a
   * version the paste shows inside them counts for the topic, outside them against it.
   */
  versions?: { component: Component; introduced?: string; fixed?: string }[];
}

/**
 * The most patterns (signatures.regexes) one topic may have: the diagnosis numbers each pattern's place within its topic in
 * ten bits (rules/regex.ts). kb check refuses more; a topic of 1,024 passed it, and every diagnosis of that build was an
 * internal error (an attacker helper).
 */
export const MAX_PATTERNS_PER_TOPIC = 1023;

/** The components whose version a paste can show and a topic's `versions` may name. */
export const COMPONENTS = ['engine', 'containerd', 'pause', 'compose'] as const;
export type Component = (typeof COMPONENTS)[number];

/**
 * Compares two dotted versions numerically: -1, 0 or 1 ("25.0.10" > "25.0.9"; a leading `v` is ignored,
 * a build suffix such as `+azure` or `-rc1` splits like a dot, and a missing or non-numeric part counts as 0).
 */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/, '').split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** The facts diagnosis can establish from a paste's structure (see Signatures.facts). */
export const DIAGNOSIS_FACTS = ['build-mismatch', 'image-newer-than-host', 'client-host', 'linux-engine-windows-image'] as const;
export type DiagnosisFact = (typeof DIAGNOSIS_FACTS)[number];

export type Category =
  | 'general'
  | 'networking'
  | 'app-compat'
  | 'docker'
  | 'remote'
  | 'identity'
  | 'versions'
  | 'orchestration';

/** What a topic can link to besides other topics: `compat`, the host/image compatibility check. */
export const TOPIC_LINKS = ['compat'] as const;
export type TopicLink = (typeof TOPIC_LINKS)[number];

/** A canonical topic: one known issue or how-to, with every language that covers it. */
export interface Topic {
  id: string;
  category: Category;
  /** Our own title; other languages may be added by us. */
  title: LocalizedText;
  /** Our own summary of cause and workaround. */
  summary: LocalizedText;
  /** Whether the topic describes a problem with a fix (as opposed to reference material). */
  kind: 'issue' | 'howto' | 'reference';
  sections: SectionRef[];
  signatures: Signatures;
  fixes: Fix[];
  related: string[];
  /** Public sources of a topic of our own (one with no vendored section): where the cause was confirmed. */
  sources?: { url: string; title: string }[];
  /** The body of a topic of our own, in our words, per language (Markdown). */
  body?: LocalizedText;
  /** Tools the topic offers from its page and diagnosis (`compat`: the host/image compatibility check). */
  links?: TopicLink[];
  /** Which hosts/versions it applies to, in words (e.g. "Windows Server 2016"). */
  appliesTo?: string[];
}

/** A section mapped as introductory or structural: it belongs to no topic on purpose. */
export interface StructuralRef extends SectionRef {
  role: 'intro' | 'category' | 'structural';
}
