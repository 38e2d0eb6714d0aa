import type { MessageKey } from '../../i18n.js';
import type { Route } from '../../navigation.js';

/** One entry of the home menu. A feature's screen appears here once it exists (no placeholders). */
export interface MenuEntry {
  id: string;
  label: MessageKey;
  hint: MessageKey;
  route: () => Route;
}

/** The home menu, in the order shown. Add an entry when a screen lands (guided troubleshooting, network setup, version compatibility). */
export const MENU: readonly MenuEntry[] = [
  { id: 'diagnose', label: 'home.menu.diagnose', hint: 'home.menu.diagnoseHint', route: () => ({ screen: 'diagnose', text: '' }) },
  { id: 'troubleshoot', label: 'tree.menu', hint: 'tree.menuHint', route: () => ({ screen: 'tree' }) },
  { id: 'network', label: 'wizard.menu', hint: 'wizard.menuHint', route: () => ({ screen: 'network' }) },
  { id: 'compat', label: 'compat.menu', hint: 'compat.menuHint', route: () => ({ screen: 'compat' }) },
  { id: 'check', label: 'check.menu', hint: 'check.menuHint', route: () => ({ screen: 'check' }) },
  { id: 'docs', label: 'home.menu.docs', hint: 'home.menu.docsHint', route: () => ({ screen: 'docs' }) },
  { id: 'history', label: 'history.menu', hint: 'history.menuHint', route: () => ({ screen: 'history' }) },
  { id: 'settings', label: 'home.menu.settings', hint: 'home.menu.settingsHint', route: () => ({ screen: 'settings' }) },
];
