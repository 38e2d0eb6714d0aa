import { Component, type ReactNode } from 'react';

/** Catches render errors (bugs) below it and shows `fallback(error)` instead of crashing the terminal. */
export class ErrorBoundary extends Component<{ fallback: (error: unknown) => ReactNode; children: ReactNode }, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): ReactNode {
    return 'error' in this.state ? this.props.fallback(this.state.error) : this.props.children;
  }
}
