// The batch's HTML index: one self-contained page (no file beside it is needed) listing every
// site with its state and one status per rule, the counts per rule above it.
//
// What runs in it: one small inline script, allowed by its SHA-256 in the page's
// Content-Security-Policy and nothing else (no other script, no inline handler, no external
// resource). It only reorders and hides rows of the table and keeps the view in the URL
// fragment (#sort=RULE&desc=1&q=TEXT&show=has-fail&country=FR&rule=RULE&status=fail), so a view can be bookmarked and checked
// in a headless browser. Without it (scripts off, a mail client) the page is the same table in
// list order and the controls are not shown. Every piece of text that comes from the list or
// from a merchant is escaped.
#include <cctype>
#include <set>
#include <string>

#include "batch/aggregate.h"
#include "fetch/fetch.h"
#include "report/report.h"

namespace omnicheck::batch {
namespace {

using report::escape_html;

constexpr const char* kStyle = R"css(
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #111; }
h1 { font-size: 1.5em; margin: 0 0 .5em; }
h2 { font-size: 1.2em; margin: 1.5em 0 .5em; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
thead th { background: #eee; position: sticky; top: 0; }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; }
th[aria-sort=ascending] button::after { content: " \25B2"; }
th[aria-sort=descending] button::after { content: " \25BC"; }
td.num { text-align: right; }
.url, .reason, .id { overflow-wrap: anywhere; }
table.sites td.id { min-width: 8em; max-width: 18em; }
table.sites td.url { min-width: 14em; max-width: 26em; }
table.sites th.rule { max-width: 9em; font-size: .85em; }
table.sites td.status { text-align: center; white-space: nowrap; }
.reason { min-width: 12em; max-width: 30em; }
.st-pass { background: #e3f4e3; }
.st-fail { background: #f9d6d5; font-weight: 600; }
.st-warn { background: #fcefc7; }
.st-inconclusive { background: #e4e4f4; }
.st-not_applicable { color: #666; }
.state-failed { background: #f9d6d5; }
.state-pending { color: #666; }
#controls { margin: .5em 0; display: flex; gap: 1em; flex-wrap: wrap; align-items: center; }
@media print { #controls { display: none; } thead th { position: static; } }
)css";

constexpr const char* kScript = R"js(
(function () {
  var table = document.getElementById('sites-table');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var filter = document.getElementById('filter');
  var show = document.getElementById('show');
  var country = document.getElementById('country');
  var rule = document.getElementById('rule');
  var status = document.getElementById('status');
  var shown = document.getElementById('shown');
  var view = { sort: -1, desc: false, q: '', show: '', country: '', rule: '', status: '' };
  rows.forEach(function (row, i) { row.listIndex = i; });
  function key(row, col) {
    var cell = row.cells[col];
    var v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim().toLowerCase() : v;
  }
  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  function column(name) {
    for (var i = 0; i < heads.length; i++) if (heads[i].getAttribute('data-key') === name) return i;
    return -1;
  }
  function apply() {
    var order = rows.slice();
    if (view.sort >= 0) {
      order.sort(function (a, b) {
        var r = compare(key(a, view.sort), key(b, view.sort));
        if (view.desc) r = -r;
        return r !== 0 ? r : a.listIndex - b.listIndex;
      });
    }
    var q = view.q.toLowerCase(), n = 0;
    order.forEach(function (row) {
      var tags = ' ' + row.getAttribute('data-tags') + ' ';
      var ok = (!q || row.textContent.toLowerCase().indexOf(q) >= 0) &&
               (!view.show || tags.indexOf(' ' + view.show + ' ') >= 0) &&
               (!view.country || tags.indexOf(' country-' + view.country + ' ') >= 0) &&
               (!view.status || tags.indexOf(' ' + (view.rule || '*') + '=' + view.status + ' ') >= 0) &&
               (!view.rule || view.status || tags.indexOf(' ' + view.rule + '=') >= 0);
      row.hidden = !ok;
      if (ok) n++;
      body.appendChild(row);
    });
    heads.forEach(function (h, i) {
      h.setAttribute('aria-sort', i === view.sort ? (view.desc ? 'descending' : 'ascending') : 'none');
    });
    filter.value = view.q;
    show.value = view.show;
    country.value = view.country;
    rule.value = view.rule;
    status.value = view.status;
    shown.textContent = n + ' of ' + rows.length + ' sites shown';
  }
  function readFragment() {
    var p = new URLSearchParams(location.hash.slice(1));
    view.sort = p.has('sort') ? column(p.get('sort')) : -1;
    view.desc = p.get('desc') === '1';
    view.q = p.get('q') || '';
    view.show = p.get('show') || '';
    view.country = p.get('country') || '';
    view.rule = p.get('rule') || '';
    view.status = p.get('status') || '';
    apply();
  }
  function writeFragment() {
    var p = new URLSearchParams();
    if (view.sort >= 0) p.set('sort', heads[view.sort].getAttribute('data-key'));
    if (view.desc) p.set('desc', '1');
    if (view.q) p.set('q', view.q);
    if (view.show) p.set('show', view.show);
    if (view.country) p.set('country', view.country);
    if (view.rule) p.set('rule', view.rule);
    if (view.status) p.set('status', view.status);
    try { history.replaceState(null, '', '#' + p.toString()); } catch (e) { /* file: URL in an old browser */ }
  }
  heads.forEach(function (h, i) {
    var button = document.createElement('button');
    button.type = 'button';
    while (h.firstChild) button.appendChild(h.firstChild);
    h.appendChild(button);
    button.addEventListener('click', function () {
      view.desc = view.sort === i ? !view.desc : false;
      view.sort = i;
      apply();
      writeFragment();
    });
  });
  filter.addEventListener('input', function () { view.q = filter.value; apply(); writeFragment(); });
  show.addEventListener('change', function () { view.show = show.value; apply(); writeFragment(); });
  country.addEventListener('change', function () { view.country = country.value; apply(); writeFragment(); });
  rule.addEventListener('change', function () { view.rule = rule.value; apply(); writeFragment(); });
  status.addEventListener('change', function () { view.status = status.value; apply(); writeFragment(); });
  window.addEventListener('hashchange', readFragment);
  document.getElementById('controls').hidden = false;
  table.setAttribute('data-interactive', 'yes');
  readFragment();
})();
)js";

bool known_status(const std::string& s) {
  for (const char* k : kStatuses) {
    if (s == k) return true;
  }
  return false;
}

// Sort rank of a status cell: the worst first when sorting a rule's column ascending.
int status_rank(const std::string& s) {
  if (s == "fail") return 0;
  if (s == "warn") return 1;
  if (s == "inconclusive") return 2;
  if (s == "pass") return 3;
  if (s == "not_applicable") return 4;
  return 5;
}

std::string status_label(const std::string& s) { return s == "not_applicable" ? "n/a" : s; }

// A rule id may break after its dots and underscores in a narrow column header.
std::string breakable(const std::string& escaped) {
  std::string out;
  for (char c : escaped) {
    out += c;
    if (c == '.' || c == '_') out += "<wbr>";
  }
  return out;
}

bool is_http(const std::string& s) { return s.starts_with("http://") || s.starts_with("https://"); }

std::string meta_value(const Aggregate& a, const char* key) {
  auto it = a.meta.find(key);
  return it == a.meta.end() ? std::string() : it->second;
}

void header(std::string& out, const Aggregate& a) {
  out += "<header>\n<h1>Batch audit: " + std::to_string(a.counts.total) + " sites</h1>\n<dl class=\"meta\">\n";
  const auto item = [&out](const char* label, const std::string& value) {
    if (value.empty()) return;
    out += std::string("<dt>") + label + "</dt><dd>" + escape_html(value) + "</dd>\n";
  };
  item("Site list", meta_value(a, "list_file"));
  item("SHA-256 of the list", meta_value(a, "list_sha256"));
  item("Shard", meta_value(a, "shard"));
  item("Merged shards", meta_value(a, "merged_shards"));
  item("Audit date", meta_value(a, "audit_date"));
  item("Tool", "omnicheck " + meta_value(a, "tool_version"));
  item("Generated (UTC)", fetch::now_rfc3339());
  out += "</dl>\n</header>\n";
}

void totals(std::string& out, const Aggregate& a) {
  out +=
      "<section id=\"totals\">\n<h2>Totals</h2>\n<table class=\"totals\" id=\"totals-table\">\n"
      "<thead><tr><th scope=\"col\">Audited (done)</th><th scope=\"col\">Failed</th>"
      "<th scope=\"col\">Pending</th><th scope=\"col\">List lines with errors</th></tr></thead>\n<tbody><tr>";
  for (int n : {a.counts.done, a.counts.failed, a.counts.pending, static_cast<int>(a.line_errors.size())}) {
    out += "<td class=\"num\">" + std::to_string(n) + "</td>";
  }
  out += "</tr></tbody>\n</table>\n</section>\n";
}

void rule_table(std::string& out, const Aggregate& a) {
  out +=
      "<section id=\"rules\">\n<h2>Sites per rule and status</h2>\n<table class=\"rules\" id=\"rules-table\">\n"
      "<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Title</th><th scope=\"col\">Severity</th>";
  for (const char* st : kStatuses) out += "<th scope=\"col\">" + status_label(st) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& r : a.rules) {
    out += "<tr><th scope=\"row\">" + escape_html(r.id) + "</th><td>" + escape_html(r.title) + "</td><td>" +
           escape_html(r.severity) + "</td>";
    for (const char* st : kStatuses) {
      auto it = r.counts.find(st);
      out += "<td class=\"num\">" + std::to_string(it == r.counts.end() ? 0 : it->second) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
}

bool country_code(const std::string& c) {
  return c.size() == 2 && std::isupper(static_cast<unsigned char>(c[0])) && std::isupper(static_cast<unsigned char>(c[1]));
}

bool token_safe(const std::string& id) {
  return !id.empty() && id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") == std::string::npos;
}

void site_row(std::string& out, const Aggregate& a, const AggregateSite& s) {
  const StoredSite& st = s.stored;
  const std::string state = st.state == "done" || st.state == "failed" || st.state == "pending" ? st.state : "unknown";
  std::string tags = "state-" + state;
  for (const char* k : kStatuses) {
    for (const auto& [rule, status] : s.status) {
      if (status == k) {
        tags += std::string(" has-") + k;
        break;
      }
    }
  }
  // Tokens the filters look for: the country, and each rule's status ("rule=status", and
  // "*=status" for any rule). Rule ids and statuses are the tool's own words; a country that is
  // not two letters (a list's typo) gets no token rather than arbitrary text in the attribute.
  if (country_code(st.site.country)) tags += " country-" + st.site.country;
  for (const auto& [rule, status] : s.status) {
    if (!known_status(status) || !token_safe(rule)) continue;
    tags += " " + rule + "=" + status;
    if (tags.find(" *=" + status + " ") == std::string::npos) tags += " *=" + status;
  }
  out += "<tr class=\"state-" + state + "\" data-tags=\"" + escape_html(tags) + " \">";
  out += "<td class=\"id\">" + escape_html(st.site.id) + "</td>";
  const std::string url = escape_html(st.site.target);
  if (is_http(st.site.target)) {
    out += "<td class=\"url\"><a href=\"" + url + "\" rel=\"noopener noreferrer\">" + url + "</a></td>";
  } else {
    out += "<td class=\"url\">" + url + "</td>";
  }
  out += "<td>" + escape_html(st.site.country) + "</td>";
  out += "<td class=\"state\">" + state + "</td>";
  out += "<td class=\"num\">" + (st.state == "done" ? std::to_string(s.pages_fetched) : std::string()) + "</td>";
  for (const auto& r : a.rules) {
    auto it = s.status.find(r.id);
    if (it == s.status.end()) {
      out += "<td class=\"status\" data-sort=\"5\"></td>";
      continue;
    }
    const std::string css = known_status(it->second) ? it->second : "unknown";
    out += "<td class=\"status st-" + css + "\" data-sort=\"" + std::to_string(status_rank(it->second)) + "\">" +
           escape_html(status_label(it->second)) + "</td>";
  }
  out += "<td class=\"reason\">" + escape_html(st.reason) + "</td>";
  const std::string report = report_path(st, "report.html");
  out += report.empty() ? "<td></td>" : "<td><a href=\"" + escape_html(report) + "\">report</a></td>";
  out += "</tr>\n";
}

void site_table(std::string& out, const Aggregate& a) {
  std::set<std::string> countries;
  for (const auto& s : a.sites) {
    if (country_code(s.stored.site.country)) countries.insert(s.stored.site.country);
  }
  std::string country_options = "<option value=\"\">every country</option>";
  for (const auto& c : countries) country_options += "<option value=\"" + c + "\">" + c + "</option>";
  std::string rule_options = "<option value=\"\">any rule</option>";
  for (const auto& r : a.rules) {
    if (token_safe(r.id)) rule_options += "<option value=\"" + escape_html(r.id) + "\">" + escape_html(r.id) + "</option>";
  }
  out +=
      "<section id=\"sites\">\n<h2>Sites</h2>\n"
      "<div id=\"controls\" hidden>\n"
      "<label>Filter <input id=\"filter\" type=\"search\" placeholder=\"text in the row\"></label>\n"
      "<label>Show <select id=\"show\">"
      "<option value=\"\">every site</option>"
      "<option value=\"has-fail\">sites failing a rule</option>"
      "<option value=\"has-warn\">sites with a warning</option>"
      "<option value=\"has-inconclusive\">sites with an inconclusive rule</option>"
      "<option value=\"state-failed\">sites not audited (failed)</option>"
      "<option value=\"state-pending\">sites not yet audited</option>"
      "</select></label>\n"
      "<label>Country <select id=\"country\">" + country_options + "</select></label>\n"
      "<label>Rule <select id=\"rule\">" + rule_options + "</select></label>\n"
      "<label>Status <select id=\"status\"><option value=\"\">any status</option><option value=\"fail\">fail</option>"
      "<option value=\"warn\">warn</option><option value=\"inconclusive\">inconclusive</option>"
      "<option value=\"pass\">pass</option><option value=\"not_applicable\">not applicable</option></select></label>\n"
      "<output id=\"shown\"></output>\n</div>\n"
      "<table class=\"sites\" id=\"sites-table\">\n<caption>Every site of the list, one status per rule</caption>\n"
      "<thead><tr><th scope=\"col\" data-key=\"site\">Site</th><th scope=\"col\" data-key=\"url\">URL</th>"
      "<th scope=\"col\" data-key=\"country\">Country</th><th scope=\"col\" data-key=\"state\">State</th>"
      "<th scope=\"col\" data-key=\"pages\">Pages</th>";
  for (const auto& r : a.rules) {
    out += "<th scope=\"col\" class=\"rule\" data-key=\"" + escape_html(r.id) + "\" title=\"" + escape_html(r.title) + "\">" +
           breakable(escape_html(r.id)) + "</th>";
  }
  out +=
      "<th scope=\"col\" data-key=\"reason\">Why not audited</th><th scope=\"col\" data-key=\"report\">Report</th>"
      "</tr></thead>\n<tbody>\n";
  for (const auto& s : a.sites) site_row(out, a, s);
  out += "</tbody>\n</table>\n</section>\n";
}

void line_errors(std::string& out, const Aggregate& a) {
  if (a.line_errors.empty()) return;
  out += "<section id=\"list-errors\">\n<h2>Lines of the list that name no site</h2>\n<ul>\n";
  for (const auto& [line, msg] : a.line_errors) out += "<li>" + escape_html(msg) + "</li>\n";
  out += "</ul>\n</section>\n";
}

}  // namespace

std::string index_html(const Aggregate& a) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-" +
      fetch::sha256_base64(kStyle) + "'; script-src 'sha256-" + fetch::sha256_base64(kScript) +
      "'; img-src 'none'; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>omnicheck batch: " +
      std::to_string(a.counts.total) + " sites</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  header(out, a);
  totals(out, a);
  rule_table(out, a);
  site_table(out, a);
  line_errors(out, a);
  out += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace omnicheck::batch
