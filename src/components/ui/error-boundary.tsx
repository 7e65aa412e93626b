import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from './states';

interface Props {
  /** Names the region in the message, e.g. "Related stories". */
  region: string;
  children: ReactNode;
}

/** One per region, so a failure in one part of the page (the related rail) never blanks the rest. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Surfaced in the console for developers; the user sees the ErrorState below.
    console.error(`${this.props.region} failed to render`, error, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return (
        <ErrorState
          title={`${this.props.region} could not be shown.`}
          message={this.state.error.message}
          onRetry={() => this.setState({ error: null })}
        />
      );
    }
    return this.props.children;
  }
}
