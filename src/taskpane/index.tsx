/** @jsxRuntime automatic */
import { FluentProvider, Spinner, Title3, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

/** First paint of the task pane: the app title and a spinner while Office and the app load. */
function LoadingPane() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16, display: 'flex', flexDirection: 'column', gap: 16 }}>
        <Title3 as="h1">SegmentKit</Title3>
        <Spinner label="Loading…" />
      </main>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container) createRoot(container).render(<LoadingPane />);
