/**
 * The report page: one HTML file with everything inline (style, script, SVG charts), no
 * request to anywhere, readable with scripts off, on a phone and on paper.
 */
import type { Labels } from './i18n.js';
import { type ReportModel, fmt } from './model.js';

export interface Rendered {
  map: string | null;
  pillars: string | null;
  changes: string | null;
  distribution: string | null;
  /** The unit profile (`--unit`), already HTML: first on the page. */
  unit?: string;
  /** Extra sections (the audit), already HTML: after the charts. */
  extra: string[];
  /** Entries of the contents for extra sections other than the unit profile: [id, heading]. */
  nav?: [string, string][];
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CSS = `
:root{--ink:#1d1d1f;--muted:#5b5b63;--line:#d9d9de;--accent:#2c6e9e;--up:#1a7f45;--down:#b8322a;--bg:#fff}
*{box-sizing:border-box}
html{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:var(--bg);line-height:1.45}
body{margin:0 auto;max-width:1100px;padding:1.25rem 1.5rem 3rem}
h1{font-size:1.7rem;margin:.2rem 0 .6rem}
h2{font-size:1.25rem;margin:2.2rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--accent)}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
a{color:var(--accent)}
.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.15rem 1rem;margin:0;font-size:.95rem}
.meta dt{color:var(--muted)}
.meta dd{margin:0;min-width:0}
/* Long URLs and file names wrap rather than widen the page (a phone is 390 px). */
a,code,.meta dd,.note,figcaption{overflow-wrap:anywhere}
.meta ul{margin:0;padding-left:1.1rem}
nav ol{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding:0;margin:.8rem 0 0;list-style:none;font-size:.95rem}
.note{color:var(--muted);font-size:.9rem;margin:.3rem 0}
.table-wrap{display:inline-block;max-width:100%;overflow-x:auto;border:1px solid var(--line);border-radius:6px}
.table-wrap:focus{outline:3px solid var(--accent);outline-offset:2px}
table{border-collapse:collapse;min-width:min(36rem,100%);font-size:.92rem;font-variant-numeric:tabular-nums}
caption{text-align:left;padding:.4rem .6rem;color:var(--muted);font-size:.85rem}
th,td{padding:.3rem .6rem;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
th{background:#f3f4f6;position:sticky;top:0}
th.l,td.l{text-align:left}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
th[aria-sort=ascending] button::after{content:" ▲"}
th[aria-sort=descending] button::after{content:" ▼"}
tbody th{background:none;font-weight:500}
td.up{color:var(--up)}
td.down{color:var(--down)}
tbody tr:nth-child(even){background:#fafafa}
tr.hl{background:#fff4cc!important}
figure{margin:.5rem 0 1rem}
figure svg{width:100%;height:auto;display:block}
figcaption{font-size:.88rem;color:var(--muted);margin-top:.3rem}
.map-wrap{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.map-wrap figure{flex:1 1 420px;max-width:560px}
.map-info{flex:1 1 220px;min-height:3rem;padding:.6rem .8rem;border:1px solid var(--line);border-radius:6px;background:#f8f9fb;font-size:.95rem}
svg path.province{cursor:pointer}
svg path.province:hover,svg path.province:focus{stroke:#111;stroke-width:2px;outline:none}
.attribution{font-size:.8rem;color:var(--muted)}
.swatch{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em;border:1px solid #999;background:#d4d4d4}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:.8rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.card h3{margin-top:0}
.lead{font-size:1.1rem;font-weight:600}
table.plain{width:auto}
.plain-wrap{display:inline-block;max-width:100%;overflow-x:auto;border:1px solid var(--line);border-radius:6px}
#unit{break-after:page}
footer{margin-top:3rem;font-size:.8rem;color:var(--muted)}
@media (max-width:640px){
  body{padding:.8rem .7rem 2rem}
  h1{font-size:1.3rem}
  h2{font-size:1.1rem}
  .meta{grid-template-columns:minmax(0,1fr)}
  .meta dt{margin-top:.3rem}
  th,td{padding:.25rem .4rem}
  table{font-size:.82rem}
  /* Long charts keep a readable size and scroll sideways inside their frame; the map shrinks to fit. */
  section.chart figure,#unit figure{overflow-x:auto}
  section.chart figure svg,#unit figure svg{min-width:480px}
}
@media print{
  @page{size:A4;margin:14mm}
  body{max-width:none;padding:0;font-size:10.5pt}
  nav,.map-info,.noprint{display:none}
  a{color:inherit;text-decoration:none}
  h2{break-after:avoid;margin-top:1.2rem}
  figure,.card,tr{break-inside:avoid}
  .table-wrap{overflow:visible;border:0}
  th{position:static}
  section.chart{break-before:page}
  th button::after{content:none!important}
  tbody tr:nth-child(even){background:none}
}
`;

/** Sorting (buttons in the header; aria-sort), map hover/focus details; progressive: the page works without it. */
const SCRIPT = `
(function(){
  var t=document.getElementById('ranking-table');
  if(t){
    var heads=t.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads,function(th,i){
      var b=th.querySelector('button');if(!b)return;
      b.addEventListener('click',function(){
        var asc=th.getAttribute('aria-sort')!=='ascending';
        Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',asc?'ascending':'descending');
        var rows=Array.prototype.slice.call(t.tBodies[0].rows);
        var num=th.getAttribute('data-type')==='num';
        rows.sort(function(a,b){
          var x=a.cells[i].getAttribute('data-v'),y=b.cells[i].getAttribute('data-v');
          if(x===''&&y==='')return 0;if(x==='')return 1;if(y==='')return -1;
          var c=num?Number(x)-Number(y):x.localeCompare(y,'vi');
          if(c===0)c=Number(a.getAttribute('data-i'))-Number(b.getAttribute('data-i'));
          return asc?c:-c;
        });
        rows.forEach(function(r){t.tBodies[0].appendChild(r);});
      });
    });
  }
  var info=document.getElementById('map-info');
  var shapes=document.querySelectorAll('#map svg path.province');
  Array.prototype.forEach.call(shapes,function(p){
    function show(){info.textContent=p.getAttribute('aria-label');}
    p.addEventListener('mouseenter',show);p.addEventListener('focus',show);
  });
})();
`;

function changeCell(r: ReportModel['rows'][number], m: ReportModel, L: Labels): string {
  if (m.previousYear === null || r.rank === null) return '<td data-v=""></td>';
  if (r.previousRank === null) return `<td data-v="">${esc(L.new)}</td>`;
  const c = r.rankChange!;
  const cls = c > 0 ? ' class="up"' : c < 0 ? ' class="down"' : '';
  const text = c > 0 ? `▲${c}` : c < 0 ? `▼${-c}` : '=';
  const title = c > 0 ? `${L.up} ${c}` : c < 0 ? `${L.down} ${-c}` : L.same;
  return `<td${cls} data-v="${c}" title="${esc(`${title} (${r.previousRank} → ${r.rank})`)}">${text}</td>`;
}

function table(m: ReportModel, L: Labels): string {
  const unitHead = m.unitKind === 'province' ? L.province : L.unit;
  const head = (label: string, type: 'num' | 'text', cls = '') =>
    `<th scope="col"${cls === '' ? '' : ` class="${cls}"`} data-type="${type}"><button type="button" title="${esc(`${L.sortBy}: ${label}`)}">${esc(label)}</button></th>`;
  const heads = [
    head(L.rank, 'num'), head(m.methodChanged ? `${L.change}‡` : L.change, 'num'), head(unitHead, 'text', 'l'), head(L.score, 'num'),
    ...m.pillars.map((p) => head(p.name, 'num')),
  ];
  const num = (x: number | null, d: number) => `<td data-v="${x === null ? '' : String(x)}">${fmt(x, d, m.lang)}</td>`;
  const body = m.rows.map((r, i) => `<tr data-i="${i}"${r.code === null ? '' : ` data-code="${esc(r.code)}"`}${r.unit === m.highlight ? ' class="hl"' : ''}>`
    + `<td data-v="${r.rank ?? ''}">${r.rank ?? '–'}</td>${changeCell(r, m, L)}`
    + `<th scope="row" class="l" data-v="${esc(r.unit)}">${esc(r.unit)}</th>`
    + num(r.score, m.decimals) + r.pillars.map((p) => num(p, m.decimals)).join('') + '</tr>').join('\n');
  const caption = `${L.ranking} ${m.year ?? ''}${m.previousYear === null ? '' : ` (${L.change.toLowerCase()}: ${L.previousYear.toLowerCase()} ${m.previousYear})`}. ${L.sortHint}`;
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(L.ranking)}">
<table id="ranking-table">
<caption>${esc(caption)}</caption>
<thead><tr>${heads.join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>`;
}

export function renderHtml(m: ReportModel, L: Labels, r: Rendered): string {
  const year = m.year === null ? '' : ` ${m.year}`;
  const title = `${m.framework.name}${year}: ${L.title.toLowerCase()}`;
  // With --unit the page is about that unit: its profile comes first, before the table of all.
  const sections: [string, string][] = m.highlight === undefined ? [] : [['unit', `${L.unitSection}: ${m.highlight}`]];
  sections.push(['ranking', L.ranking]);
  if (r.map !== null || m.unitKind === 'province') sections.push(['map', L.map]);
  // A section with nothing to show is left out, from the contents too (DTI 2024 has no pillars;
  // a year with no previous one, no changes): no heading over a "there is none".
  if (r.pillars !== null) sections.push(['pillars', L.pillars]);
  if (r.changes !== null) sections.push(['changes', L.changes]);
  if (r.distribution !== null) sections.push(['distribution', L.distribution]);
  sections.push(...(r.nav ?? []));
  const unranked = m.rows.filter((x) => x.rank === null).length;
  const meta = [
    [L.framework, `${esc(m.framework.name)} <code>${esc(m.framework.id)}</code>`],
    [L.year, m.year === null ? '–' : String(m.year)],
    [L.previousYear, m.previousYear === null ? esc(L.noPrevious) : String(m.previousYear)],
    [L.units, `${m.rows.length - unranked}${unranked > 0 ? ` (+${unranked} ${esc(L.unranked)})` : ''}`],
    [L.files, `<ul>${m.files.map((f) => `<li><code>${esc(f)}</code></li>`).join('')}</ul>`],
    ...(m.framework.sources.length === 0 ? [] : [[L.sources, `<ul>${m.framework.sources.map((s) => `<li>${linkify(s)}</li>`).join('')}</ul>`]]),
  ];
  let mapSection = '';
  if (m.unitKind === 'province' && r.map !== null) {
    const offMap = m.rows.filter((x) => x.code === null).map((x) => x.unit);
    mapSection = `<section id="map"><h2>${esc(L.map)}</h2>
<div class="map-wrap"><figure>${r.map}
<figcaption>${esc(m.map === '34' ? L.mapCaption34 : L.mapCaption63)} <span class="swatch" aria-hidden="true"></span> ${esc(L.noData)}.
<p class="attribution">${esc(L.attribution)}</p></figcaption></figure>
<div class="map-info" id="map-info" aria-live="polite">${esc(L.mapHint)}</div></div>
${offMap.length === 0 ? '' : `<p class="note">${esc(L.noMapUnits)}: ${offMap.map(esc).join(', ')}</p>`}
</section>`;
  } else {
    mapSection = `<p class="note">${esc(L.noMap)}</p>`;
  }
  const chart = (id: string, h: string, svg: string | null, caption: string) => (svg === null ? '' : `<section id="${id}" class="chart"><h2>${esc(h)}</h2>
<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>
</section>`);
  const dropped = m.dropped.length === 0 ? '' : `<p class="note">${esc(L.dropped)}: ${m.dropped.map((d) => esc(d.unit)).join(', ')}</p>`;
  return `<!DOCTYPE html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dti ${esc(m.version)}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<dl class="meta">
${meta.map(([k, v]) => `<dt>${esc(k!)}</dt><dd>${v}</dd>`).join('\n')}
</dl>
<nav aria-label="${esc(L.contents)}"><ol>${sections.map(([id, h]) => `<li><a href="#${id}">${esc(h)}</a></li>`).join('')}</ol></nav>
</header>
<main>
${r.unit ?? ''}
<section id="ranking"><h2>${esc(L.ranking)}</h2>
${table(m, L)}
${m.methodChanged ? `<p class="note">${esc(L.methodNote(m.year, m.previousYear))}</p>` : ''}
${dropped}
</section>
${mapSection}
${chart('pillars', L.pillars, r.pillars, L.pillarsCaption)}
${chart('changes', L.changes, r.changes, `${L.changesCaption(m.previousYear ?? '', m.year ?? '')}${m.methodChanged ? ` ${L.methodNote(m.year, m.previousYear)}` : ''}`)}
${chart('distribution', L.distribution, r.distribution, L.distributionCaption)}
${r.extra.join('\n')}
</main>
<footer><p>${esc(L.generated)} ${esc(m.version)}. ${esc(L.scriptsOff)}</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** Escape a source line, turning a bare https URL into a link. */
function linkify(s: string): string {
  // A URL ends before trailing punctuation ("…/xep-hang-2022, …").
  return esc(s).replace(/https?:\/\/[^\s<>"')]*[^\s<>"').,;:]/g, (u) => `<a href="${u}">${u}</a>`);
}
