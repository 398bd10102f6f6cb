import type { RecordDocument } from '../types';
import { escapeHtml as h } from './escape-text';
import type { RecordLanguage } from './phrases';
import { summaryRecordModel } from './summary';

export { escapeHtml } from './escape-text';

const STYLE = `body{font-family:"Noto Serif","Times New Roman",serif;max-width:44rem;margin:2rem auto;line-height:1.45;color:#111}
.masthead{display:flex;justify-content:space-between;border-bottom:2px solid #000;font-size:.9rem}
h1{font-size:1.3rem;margin-bottom:.2rem}h2{font-size:1.05rem;margin-top:1.4rem}
.held{font-style:italic}ol.paras{padding-left:2rem}ol.paras li{margin:.4rem 0}
.note{border-top:1px solid #000;margin-top:2rem;font-size:.85rem}
table{border-collapse:collapse;font-size:.8rem;width:100%}th,td{border:1px solid #999;padding:2px 4px;text-align:start}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}}`;

/** A self-contained HTML page (no scripts): language, title, the shared print style. */
export function htmlPage(lang: string, title: string, body: string[]): string {
  return ['<!doctype html>', `<html lang="${h(lang)}">`, '<head>', '<meta charset="utf-8">', `<title>${h(title)}</title>`,
    `<style>${STYLE}</style>`, '</head>', '<body>', ...body, '</body>', '</html>', ''].join('\n');
}

/** The summary record in UN form as printable HTML (see summary.ts); every user field escaped. */
export function renderHtml(doc: RecordDocument, lang: RecordLanguage = 'en'): string {
  const s = summaryRecordModel(doc, lang);
  const out: string[] = ['<header>', '<div class="masthead">', `<span>${[s.body, s.session].filter(Boolean).map((x) => h(x!)).join('<br>')}</span>`,
    `<span class="symbol">${h(s.symbol ?? '')}</span>`, '</div>', `<h1>${h(s.heading)}</h1>`, `<p><strong>${h(s.title)}</strong></p>`];
  if (s.heldAt) out.push(`<p class="held">${h(s.heldAt)}</p>`);
  if (s.presiding) out.push(`<p class="presiding">${h(s.presiding.label)} ${s.presiding.names.map(h).join('; ')}</p>`);
  out.push('</header>', '<main>', '<section class="contents">', `<h2>${h(s.contentsLabel)}</h2>`, '<ul>', ...s.contents.map((c) => `<li>${h(c)}</li>`), '</ul>', '</section>');
  let n = 0;
  for (const section of s.sections) {
    out.push('<section>');
    if (section.heading) out.push(`<h2>${h(section.heading)}</h2>`);
    if (section.paragraphs.length) {
      out.push(`<ol class="paras" start="${n + 1}">`, ...section.paragraphs.map((p) => `<li>${h(p)}</li>`), '</ol>');
      n += section.paragraphs.length;
    }
    out.push('</section>');
  }
  out.push('</main>', `<footer><p class="note">${h(s.correctionNote)}</p></footer>`);
  return htmlPage(lang, `${s.symbol ? `${s.symbol} — ` : ''}${s.heading}: ${s.title}`, out);
}
