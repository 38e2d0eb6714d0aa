/** What the topic screen holds: the scroll, the fix with the cursor, and whether the source text shows beside ours. */
export interface TopicView {
  offset: number;
  selectedFix: number;
  /**
   * Whether the fixes were gone to (f, Tab, Shift+Tab, or coming back from one): until then the first Tab goes to the
   * fix with the cursor, the first, instead of past it (a new-user helper saw the first fix marked, pressed Tab as the
   * hint said, and opened the second, a high-risk one).
   */
  fixFocused: boolean;
  showOriginal: boolean;
}

/** What can happen on the topic screen. */
export type TopicAction =
  /** The text moved to a line, kept within 0…max. */
  | { type: 'scroll'; to: number; max: number }
  /** The next (1) or previous (-1) of `count` fixes, wrapping around; 0 keeps the fix with the cursor. The first step only goes to the fixes. */
  | { type: 'step-fix'; by: -1 | 0 | 1; count: number }
  /** The source text beside our translation, or hidden again. */
  | { type: 'toggle-original' };

/** The view a topic opens on: its top, the fix chosen before (coming back from the fix runner). */
export const initTopicView = (selectedFix?: number): TopicView => ({ offset: 0, selectedFix: selectedFix ?? 0, fixFocused: selectedFix !== undefined, showOriginal: false });

/**
 * The topic screen's reducer: pure, one action at a time.
 * @example topicViewReducer(initTopicView(0), { type: 'step-fix', by: 1, count: 3 }).selectedFix // 1
 */
export function topicViewReducer(view: TopicView, action: TopicAction): TopicView {
  switch (action.type) {
    case 'scroll':
      return { ...view, offset: Math.max(0, Math.min(action.to, action.max)) };
    case 'step-fix':
      if (action.count <= 0) return view;
      if (!view.fixFocused) return { ...view, fixFocused: true };
      return { ...view, selectedFix: (((view.selectedFix + action.by) % action.count) + action.count) % action.count };
    case 'toggle-original':
      return { ...view, showOriginal: !view.showOriginal };
  }
}
