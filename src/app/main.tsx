import { Component, StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './app.css';

/** If rendering ever fails, say so plainly: the files are saved as typed, a reload brings them back. */
class Crash extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="crash" role="alert">
        <h1>Bootlab ran into a problem</h1>
        <p>Your files are saved as you type, so nothing is lost. Reloading the page usually helps.</p>
        <p>
          <button type="button" onClick={() => location.reload()}>
            Reload
          </button>
        </p>
        <pre>{String(this.state.error.stack ?? this.state.error)}</pre>
      </main>
    );
  }
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <Crash>
      <App />
    </Crash>
  </StrictMode>,
);

// Offline after the first visit (production builds only: the dev server's modules are not files).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('Bootlab works online only here:', e));
  });
}
