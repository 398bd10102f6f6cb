import { debateDocument } from './__fixtures__/debate.fixture';
import { escapeMarkdown } from './escape-text';
import { renderMarkdown } from './markdown';
import type { RecordDocument } from '../types';

const IMG = '<img src=x onerror=alert(1)>';
const LINK = '[click me](javascript:alert(document.cookie))';
const IMAGE = '![x](https://evil.example/track.png)';

/** The debate record with hostile text in every user-supplied field. */
function hostile(): RecordDocument {
  const d = structuredClone(debateDocument);
  d.meeting.title = `${IMG} ${LINK}`;
  d.meeting.venue = IMAGE;
  d.items[0]!.title = `# heading\n- list ${LINK}`;
  for (const e of d.entries) {
    e.current = { ...e.current, text: `${IMG} spoke ${LINK}`, summary: `${IMAGE} *bold* \`code\` <script>x</script>` };
    if (e.current.revision) e.current.revision = { ...e.current.revision, reason: LINK, by: { ...e.current.revision.by, displayName: IMG } };
    e.history = e.history.map((h) => (h.revision ? { ...h, revision: { ...h.revision, reason: LINK, by: { ...h.revision.by, displayName: `${IMG}${LINK}` } } } : h));
  }
  d.interventions = d.interventions.map((i) => ({ ...i, speakerName: `${IMG} | ${LINK}`, speakerTitle: IMAGE, delegationName: `${LINK}\nnew line` }));
  return d;
}

describe('Markdown record: user-supplied fields cannot become HTML or links', () => {
  it('escapes HTML and link/image/emphasis syntax in every user field; no raw tag, no live link remains', () => {
    const md = renderMarkdown(hostile());
    expect(md).not.toMatch(/<img|<script/i);
    // No unescaped `[` … `](` sequence (a Markdown link or image) anywhere.
    expect(md).not.toMatch(/(^|[^\\])\]\(/m);
    expect(md).not.toMatch(/(^|[^\\])!\[/m);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('\\[click me\\](javascript:alert(document.cookie))');
    // A field with line breaks cannot start a heading or a list item of its own.
    expect(md.split('\n').filter((l) => /^#+ heading|^- list/.test(l))).toEqual([]);
  });

  it('escapeMarkdown is the one helper: HTML, link, image, emphasis, code, table and line syntax', () => {
    expect(escapeMarkdown('<b>&amp;</b> [a](b) ![c](d) *e* _f_ `g` ~i~ \\j\nk')).toBe(
      '&lt;b&gt;&amp;amp;&lt;/b&gt; \\[a\\](b) \\!\\[c\\](d) \\*e\\* \\_f\\_ \\`g\\` \\~i\\~ \\\\j k');
    expect(escapeMarkdown('Côte d\'Ivoire & Ghana (AU)')).toBe('Côte d\'Ivoire & Ghana (AU)');
  });
});
