/**
 * Why an input cannot be read as a host or an image (the UI key is `compat.input.<id>`): `empty`, `linuxEngine`
 * (`docker info` shows another OSType), `otherServer` (`docker version` shows a non-Windows server), `oldWindows`
 * (a version below 10.0), `noBuild`, `noImage`, `notReference`.
 */
export type CompatInputId = 'empty' | 'linuxEngine' | 'otherServer' | 'oldWindows' | 'noBuild' | 'noImage' | 'notReference';

/** A host or image input refused: its id and the values it names (for the UI), and the English text the CLI prints. */
export interface CompatInputError {
  id: CompatInputId;
  params: Readonly<Record<string, string>>;
  message: string;
}

/** Builds a refusal of an input from its id, its English text and the values it names. */
export const refuseInput = (id: CompatInputId, message: string, params: CompatInputError['params'] = {}): CompatInputError => ({ id, params, message });
