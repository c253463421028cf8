// The code view's markup while a file is edited, rendered on the server (no effects run): what an
// end-to-end test finds by its test ids.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StreamingCodeViewer } from './streaming-code-viewer';

const PATH = 'src/index.ts';
// Lines 2 and 3 were typed by the open hunk; the cursor stands after them.
const CODE = 'const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\n';

function render(liveEdit: { path: string; cursor: number; lines: { from: number; to: number } } | null, marker: 'editing' | 'writing') {
  return renderToStaticMarkup(
    <StreamingCodeViewer
      files={{ [PATH]: CODE }}
      markers={{ [PATH]: marker }}
      writingPath={PATH}
      liveEdit={liveEdit}
      isStreaming
      source="stream"
      pickedPath={null}
      onPickPath={() => {}}
      isLoading={false}
      notice={null}
      flash={null}
    />,
  );
}

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('StreamingCodeViewer while a file is edited', () => {
  it('shows the whole file with the hunk’s lines highlighted and the caret after them', () => {
    const html = render({ path: PATH, cursor: 39, lines: { from: 2, to: 3 } }, 'editing');
    expect(count(html, 'data-testid="edit-hunk-line"')).toBe(2);
    expect(html).toMatch(/data-testid="edit-hunk-line"><span data-line="2"/);
    const lineThree = html.slice(html.indexOf('data-line="3"'), html.indexOf('data-line="4"'));
    expect(lineThree).toContain('data-testid="write-caret"');
    expect(html).toContain('data-editing="true"');
    expect(html).toContain('editing…');
    expect(html).toMatch(/data-testid="file-tree-item"[^>]*data-marker="editing"/);
  });

  it('marks no lines while a file is written whole', () => {
    const html = render(null, 'writing');
    expect(count(html, 'data-testid="edit-hunk-line"')).toBe(0);
    expect(html).toContain('data-editing="false"');
    expect(html).toContain('writing…');
  });
});
