// A fault in one part of the page stays in that part: the views, the lesson
// panel and the terminal each sit in a boundary, and one more wraps the whole
// page. A boundary shows what broke, in words, and a way back to a clean lab
// that also drops the address's link, so a reload cannot break it again.

import { Component } from 'react';
import type { ReactNode } from 'react';
import { startCleanLab } from '../share/startup.ts';
import { useT } from './language.ts';

interface Props {
  /** what this boundary guards, as a person would name it: "the Memory view" */
  readonly what: string;
  /** how to start a clean lab; by default the link and the stores are cleared in place (the root reloads instead) */
  readonly onCleanLab?: () => void;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private readonly cleanLab = () => {
    (this.props.onCleanLab ?? startCleanLab)();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return <Crash what={this.props.what} error={error} onCleanLab={this.cleanLab} />;
  }
}

/** What a boundary shows, in the reader's language (a class cannot use the hook). */
function Crash({ what, error, onCleanLab }: { what: string; error: Error; onCleanLab: () => void }) {
  const t = useT();
  return (
    <div className="crash" role="alert" data-testid="crash">
      <p>
        <strong>{t('crash.title', { what })}</strong> {t('crash.rest')}
      </p>
      <p className="crash-detail">{error.message.slice(0, 300)}</p>
      <button type="button" onClick={onCleanLab}>{t('crash.clean')}</button>
    </div>
  );
}
