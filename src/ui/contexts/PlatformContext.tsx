import { createContext, useContext, type ReactNode } from 'react';
import type { DiagnoseResult } from '../../core/diagnosis/types.js';
import { BugError } from '../../core/errors.js';
import type { KnowledgeBase } from '../../core/knowledge/kb.js';
import type { Locale } from '../../core/knowledge/types.js';
import type { Platform } from '../../platform/platform.js';

/** The diagnosis engine as the UI calls it; tests pass a fake. */
export type DiagnoseFn = (kb: KnowledgeBase, text: string, opts: { locale?: Locale }) => DiagnoseResult;

const PlatformContext = createContext<Platform | undefined>(undefined);
const EngineContext = createContext<DiagnoseFn | undefined>(undefined);

export function PlatformProvider({ platform, diagnose, children }: { platform: Platform; diagnose: DiagnoseFn; children: ReactNode }) {
  return (
    <PlatformContext.Provider value={platform}>
      <EngineContext.Provider value={diagnose}>{children}</EngineContext.Provider>
    </PlatformContext.Provider>
  );
}

export function usePlatform(): Platform {
  const p = useContext(PlatformContext);
  if (!p) throw new BugError('usePlatform() used outside <PlatformProvider>');
  return p;
}

export function useDiagnose(): DiagnoseFn {
  const d = useContext(EngineContext);
  if (!d) throw new BugError('useDiagnose() used outside <PlatformProvider>');
  return d;
}
