import type { TextBuffer } from '../../text/text-buffer.js';

/** The fix form: each placeholder's value, the field in focus and the cursor in it. */
export interface FormState {
  values: Record<string, string>;
  focus: number;
  /** The cursor in the field in focus; past its end (Number.MAX_SAFE_INTEGER) means at its end. */
  cursor: number;
}

/** What can happen on the fix form. */
export type FormAction =
  /** A placeholder's value, edited. */
  | { type: 'edit'; name: string; buffer: TextBuffer }
  /** The focus on another field, with the cursor at the end of its value. */
  | { type: 'focus'; index: number };

/** The form as it opens: every placeholder empty unless given, the focus on the first, the cursor at its end. */
export const initFormState = (names: readonly string[], given: Record<string, string> = {}): FormState => ({
  values: { ...Object.fromEntries(names.map((n) => [n, ''])), ...given },
  focus: 0,
  cursor: Number.MAX_SAFE_INTEGER,
});

/**
 * The fix form's reducer: pure, one action at a time.
 * @example formReducer(initFormState(['vm_name']), { type: 'edit', name: 'vm_name', buffer: { text: 'vm1', cursor: 3 } }).values.vm_name // 'vm1'
 */
export function formReducer(form: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'edit':
      return { ...form, values: { ...form.values, [action.name]: action.buffer.text }, cursor: action.buffer.cursor };
    case 'focus':
      return { ...form, focus: action.index, cursor: Number.MAX_SAFE_INTEGER };
  }
}
