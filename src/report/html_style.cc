// The HTML report's only stylesheet. It is inline (the page must stand alone when filed or
// mailed) and pinned by its hash in the page's Content-Security-Policy.
#include "report/report_internal.h"

namespace omnicheck::report::detail {

std::string_view html_stylesheet() {
  return R"css(
:root { --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; --paper: #fff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; color: var(--ink);
  background: var(--paper); font: 16px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
a { color: #0b4f9c; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; }
.hash { word-break: break-all; }
.url, .text { overflow-wrap: anywhere; white-space: pre-wrap; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
table.counts { width: auto; min-width: 20rem; }
nav { margin-top: 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody th { font-weight: 600; }
table.evidence th { width: 11rem; background: #f6f6f6; }
.rule-id { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; }
.badge { display: inline-block; padding: 0 .45rem; border: 2px solid; border-radius: .25rem;
  font-weight: 700; font-size: .85rem; letter-spacing: .03em; white-space: nowrap;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge-pass { color: #14532d; background: #dcfce7; border-color: #15803d; }
.badge-fail { color: #7f1d1d; background: #fee2e2; border-color: #b91c1c; }
.badge-warn { color: #713f12; background: #fef3c7; border-color: #b45309; }
.badge-not_applicable { color: #374151; background: #f3f4f6; border-color: #6b7280; }
.badge-inconclusive { color: #1e3a8a; background: #dbeafe; border-color: #1d4ed8; }
.badge-unknown { color: #3b0764; background: #f3e8ff; border-color: #7e22ce; }
article.finding { border: 1px solid var(--rule); border-left-width: 6px; padding: 1rem;
  margin: 1rem 0; }
article.status-fail { border-left-color: #b91c1c; }
article.status-warn { border-left-color: #b45309; }
article.status-pass { border-left-color: #15803d; }
article.status-inconclusive { border-left-color: #1d4ed8; }
blockquote.snippet { margin: 0; padding: .25rem .75rem; border-left: 3px solid var(--muted);
  background: #fafafa; white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: #fde047; color: inherit; padding: 0 .1em; font-weight: 600;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; padding: .5rem;
  border: 1px solid var(--rule); }
details > summary { cursor: pointer; font-weight: 600; }
summary > h3 { display: inline; }
h3.act { margin-top: 1.5rem; border-bottom: 1px solid var(--rule); }
.complaint-item { border-left: 4px solid var(--rule); padding: .25rem 0 .25rem .75rem; margin: .75rem 0; }
#complaint .complaint-item { border-left-color: #b91c1c; }
#warnings .complaint-item { border-left-color: #b45309; }
.complaint-item h4 { margin-top: .25rem; }
a.more, p.more, .where, .law-line { font-size: .9em; color: var(--muted); }
ul.proof { list-style: none; padding-left: 0; margin: .25rem 0; }
ul.proof li { margin: .4rem 0; }
.where, .note { margin-top: .15rem; overflow-wrap: anywhere; }
.note { font-style: italic; }
p.fix { background: #f0f7ff; padding: .35rem .6rem; }
p.accepted { color: var(--muted); font-style: italic; }
.print-only { display: none; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  article.finding { break-inside: auto; }
  ul.proof li, p.fix { break-inside: avoid; }
  .print-only { display: block; color: var(--muted); font-size: 9pt; }
  table.evidence.extra { display: none; }
  table.evidence { font-size: 8.5pt; margin: .25rem 0 .5rem; }
  table.evidence th { width: 9rem; }
  th, td { padding: .15rem .35rem; }
  h2 { margin-top: 1.2rem; }
  article.finding { padding: .5rem .75rem; margin: .5rem 0; }
  .where { font-size: 8pt; }
  table.evidence, tr, blockquote.snippet { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  a.law::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
  /* On paper what is folded stays folded (passes, rules that do not apply, the facts): the
     complaint view and the open findings are what a filed report needs, and the JSON report
     keeps everything. */
}
)css";
}

}  // namespace omnicheck::report::detail
