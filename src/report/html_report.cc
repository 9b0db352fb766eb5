// The HTML report: one self-contained page a legal reader can file, print or mail. All
// merchant text is escaped; the page carries no script, and its Content-Security-Policy forbids
// any, so even a rendering mistake could not run merchant code in the reader's browser.
#include <cstddef>
#include <string>

#include "fetch/fetch.h"
#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace {

using detail::is_http_url;
using detail::status_label;

// CSP source expressions take the stylesheet's SHA-256 in base64; fetch gives it in hex.
std::string sha256_base64(std::string_view bytes) {
  const std::string hex = fetch::sha256_hex(bytes);
  std::string raw;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    raw += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < raw.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(raw[i]) << 16;
    if (i + 1 < raw.size()) v |= static_cast<unsigned char>(raw[i + 1]) << 8;
    if (i + 2 < raw.size()) v |= static_cast<unsigned char>(raw[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < raw.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < raw.size() ? kAlphabet[v & 63] : '=';
  }
  return out;
}

// A URL as text, and as a link only when it is http(s).
std::string url_html(const std::string& url) {
  const std::string text = escape_html(url);
  if (!is_http_url(url)) return "<span class=\"url\">" + text + "</span>";
  return "<a class=\"url\" href=\"" + text + "\" rel=\"noopener noreferrer\">" + text + "</a>";
}

// Colour AND words: the label carries the status for readers who cannot tell the colours
// apart and for black-and-white printouts. Class names come from the fixed status list only.
std::string badge(const std::string& status) {
  const std::string_view label = status_label(status);
  if (label.empty())
    return "<span class=\"badge badge-unknown\">" + escape_html(status) + "</span>";
  return "<span class=\"badge badge-" + status + "\">" + std::string(label) + "</span>";
}

// The quote with its match highlighted. Each segment is escaped on its own and only then
// wrapped in <mark>: the tags are ours, never merchant text, and escaping leaves brackets
// alone, so this is the same as escaping the whole snippet first and replacing the markers.
std::string snippet_html(const std::string& snippet) {
  std::string out;
  for (const auto& seg : detail::split_marks(snippet)) {
    if (seg.marked) {
      out += "<mark>" + escape_html(seg.text) + "</mark>";
    } else {
      out += escape_html(seg.text);
    }
  }
  return out;
}

void row(std::string& out, const char* label, const std::string& cell_html) {
  out += "<tr><th scope=\"row\">";
  out += label;
  out += "</th><td>" + cell_html + "</td></tr>\n";
}

void text_row(std::string& out, const char* label, const std::string& value,
              const char* css_class = "text") {
  if (value.empty()) return;
  row(out, label,
      std::string("<span class=\"") + css_class + "\">" + escape_html(value) + "</span>");
}

void evidence_html(std::string& out, const extract::Evidence& e, std::size_t n, std::size_t of) {
  out += "<table class=\"evidence\">\n<caption>Evidence " + std::to_string(n) + " of " +
         std::to_string(of) + "</caption>\n<tbody>\n";
  if (!e.url.empty()) row(out, "URL", url_html(e.url));
  text_row(out, "Fetched at (UTC)", e.fetched_at);
  if (e.status != 0) row(out, "HTTP status", std::to_string(e.status));
  text_row(out, "SHA-256 of the body", e.sha256, "mono hash");
  if (e.dom == "rendered") {
    row(out, "Read from", "the page as a browser rendered it (its scripts run), not the HTML served");
    text_row(out, "SHA-256 of the rendered DOM", e.rendered_sha256, "mono hash");
  }
  text_row(out, "Element (locator)", e.locator, "mono text");
  text_row(out, "Page region", e.region);
  if (!e.file.empty()) {
    text_row(out, "E-mail file", e.file, "mono text");
    row(out, "Byte offset in file", std::to_string(e.offset));
  }
  text_row(out, "Message-ID", e.message_id, "mono text");
  text_row(out, "Header", e.header, "mono text");
  text_row(out, "Header, decoded", e.header_decoded, "text");
  text_row(out, "Date", e.date);
  if (!e.snippet.empty()) {
    row(out, "Quote", "<blockquote class=\"snippet\">" + snippet_html(e.snippet) + "</blockquote>");
  }
  text_row(out, "What it shows", e.note);
  out += "</tbody>\n</table>\n";
}

std::string finding_anchor(std::size_t i) { return "finding-" + std::to_string(i + 1); }

void header_html(std::string& out, const Report& r) {
  out += "<header>\n<h1>Consumer-law audit report</h1>\n<dl class=\"meta\">\n";
  const auto item = [&out](const char* label, const std::string& value_html) {
    out += "<dt>";
    out += label;
    out += "</dt><dd>" + value_html + "</dd>\n";
  };
  item("Audited target", url_html(r.target_url));
  item("Audit date", escape_html(r.audit_date));
  item("Started (UTC)", escape_html(r.started_at));
  item("Finished (UTC)", escape_html(r.finished_at));
  item("Pages fetched", std::to_string(r.pages_fetched));
  item("Tool", "omnicheck " + escape_html(r.tool_version));
  item("Rules version", "<code class=\"hash\">" + escape_html(r.rules_version) + "</code>");
  if (r.target_extra.is_object()) {
    for (const auto& [k, v] : r.target_extra.items()) {
      if (k == "pages") continue;  // its own table below the summary
      out += "<dt>" + escape_html(k) + "</dt><dd class=\"text\">" +
             escape_html(detail::json_text(v)) + "</dd>\n";
    }
  }
  out += "</dl>\n</header>\n";
}

void summary_html(std::string& out, const Report& r) {
  out +=
      "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
      "<h2 id=\"summary-h\">Summary</h2>\n"
      "<table class=\"counts\">\n<caption>Findings by status</caption>\n"
      "<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Findings</th></tr></thead>\n"
      "<tbody>\n";
  const nlohmann::json counts = detail::status_counts(r.findings);
  for (const std::string_view s : detail::kStatuses) {
    const std::string status(s);
    out += "<tr><th scope=\"row\">" + badge(status) + "</th><td>" +
           std::to_string(counts[status].get<int>()) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";

  out +=
      "<table class=\"findings\" id=\"findings-table\">\n<caption>Findings by rule</caption>\n"
      "<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Status</th>"
      "<th scope=\"col\">Severity</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const auto& f = r.findings[i];
    out += "<tr><th scope=\"row\"><a href=\"#" + finding_anchor(i) + "\"><span class=\"rule-id\">" +
           escape_html(f.rule) + "</span> " + escape_html(f.title) + "</a></th><td>" +
           badge(f.status) + "</td><td>" + escape_html(f.severity) + "</td></tr>\n";
  }
  if (r.findings.empty()) out += "<tr><td colspan=\"3\">No rule was evaluated.</td></tr>\n";
  out += "</tbody>\n</table>\n</section>\n";
}

void finding_html(std::string& out, const rules::Finding& f, std::size_t i) {
  const std::string id = finding_anchor(i);
  // Only contract statuses become class names; anything else gets the neutral frame.
  const std::string frame = status_label(f.status).empty() ? "unknown" : f.status;
  out += "<article class=\"finding status-" + frame + "\" id=\"" + id + "\" aria-labelledby=\"" +
         id + "-h\">\n<h3 id=\"" + id + "-h\"><span class=\"rule-id\">" + escape_html(f.rule) +
         "</span> — " + escape_html(f.title) + "</h3>\n<dl class=\"meta\">\n";
  out += "<dt>Status</dt><dd>" + badge(f.status) + "</dd>\n";
  out += "<dt>Severity</dt><dd>" + escape_html(f.severity) + "</dd>\n";
  out += "<dt>Legal basis</dt><dd>";
  if (f.law.empty()) {
    out += "not stated";
  } else {
    out += "<ul class=\"law\">";
    for (const auto& l : f.law) {
      const std::string cite = escape_html(detail::law_citation(l));
      out += "<li>";
      if (is_http_url(l.url)) {
        out += "<a class=\"law\" href=\"" + escape_html(l.url) + "\" rel=\"noopener noreferrer\">" +
               cite + "</a>";
      } else {
        out += cite;
        if (!l.url.empty()) out += " <span class=\"url\">(" + escape_html(l.url) + ")</span>";
      }
      out += "</li>";
    }
    out += "</ul>";
  }
  out += "</dd>\n<dt>Finding</dt><dd class=\"text\">" + escape_html(f.message) + "</dd>\n</dl>\n";
  out += "<h4>Evidence</h4>\n";
  if (f.evidence.empty()) out += "<p>No evidence recorded.</p>\n";
  for (std::size_t n = 0; n < f.evidence.size(); ++n) {
    evidence_html(out, f.evidence[n], n + 1, f.evidence.size());
  }
  out += "<p><a href=\"#summary\">Back to the summary</a></p>\n</article>\n";
}

// Every page fetched, with the hash a reader can re-check against the archive or the site.
void pages_html(std::string& out, const nlohmann::json& extra) {
  if (!extra.is_object() || !extra.contains("pages") || !extra["pages"].is_array()) return;
  out +=
      "<section id=\"pages\" aria-labelledby=\"pages-h\">\n<h2 id=\"pages-h\">Pages fetched</h2>\n"
      "<table class=\"pages\">\n<thead><tr><th scope=\"col\">URL</th><th scope=\"col\">Status</th>"
      "<th scope=\"col\">Fetched (UTC)</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n";
  for (const auto& p : extra["pages"]) {
    const std::string url = p.value("final_url", p.value("requested_url", std::string()));
    std::string status = p.contains("status") ? detail::json_text(p["status"]) : "";
    if (p.contains("error")) status += " " + detail::json_text(p["error"]);
    if (p.contains("rendered") && p["rendered"].is_object()) {
      status += "; rendered in a browser (" + p["rendered"].value("reason", std::string()) + "), DOM SHA-256 " +
                p["rendered"].value("sha256", std::string());
    }
    out += "<tr><td class=\"text\">" + url_html(url) + "</td><td class=\"text\">" + escape_html(status) +
           "</td><td>" + escape_html(p.value("fetched_at", std::string())) + "</td><td><code class=\"hash\">" +
           escape_html(p.value("sha256", std::string())) + "</code></td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
}

// Pictures of the pages as the consumer saw them (--screenshots): files beside the report,
// linked (the report itself loads nothing), each with the hash `sha256sum` confirms.
void screenshots_html(std::string& out, const nlohmann::json& extra) {
  if (!extra.is_object() || !extra.contains("screenshots") || !extra["screenshots"].is_array()) return;
  out +=
      "<section id=\"screenshots\" aria-labelledby=\"screenshots-h\">\n<h2 id=\"screenshots-h\">Screenshots</h2>\n"
      "<table class=\"pages\">\n<thead><tr><th scope=\"col\">Page</th><th scope=\"col\">Why</th>"
      "<th scope=\"col\">File</th><th scope=\"col\">SHA-256 of the PNG</th></tr></thead>\n<tbody>\n";
  for (const auto& s : extra["screenshots"]) {
    if (!s.is_object()) continue;
    std::string why;
    if (s.contains("why") && s["why"].is_array()) {
      for (const auto& w : s["why"]) why += (why.empty() ? "" : "; ") + detail::json_text(w);
    }
    std::string file = s.value("file", std::string());
    // Only a relative path of plain characters becomes a link (what the audit writes); anything
    // else in a report handed around is shown as text.
    const bool plain = !file.empty() && file[0] != '/' && file.find("..") == std::string::npos &&
                       file.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-") == std::string::npos;
    std::string file_cell = !plain ? escape_html(file.empty() ? "not taken: " + s.value("error", std::string()) : file)
                          : file.empty() ? escape_html("not taken: " + s.value("error", std::string()))
                                         : "<a href=\"" + escape_html(file) + "\">" + escape_html(file) + "</a>";
    out += "<tr><td class=\"text\">" + url_html(s.value("url", std::string())) + "</td><td class=\"text\">" +
           escape_html(why) + "</td><td class=\"text\">" + file_cell + "</td><td><code class=\"hash\">" +
           escape_html(s.value("sha256", std::string())) + "</code></td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
}

void facts_html(std::string& out, const nlohmann::json& facts) {
  constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
  out +=
      "<section id=\"facts\" aria-labelledby=\"facts-h\">\n"
      "<h2 id=\"facts-h\">Appendix: facts found</h2>\n"
      "<p>What the rules were evaluated on, as extracted from the pages and e-mails.</p>\n"
      "<details>\n<summary>Show the facts</summary>\n";
  if (facts.is_object() && !facts.empty()) {
    for (const auto& [k, v] : facts.items()) {
      out += "<h3>" + escape_html(k);
      if (v.is_array()) out += " (" + std::to_string(v.size()) + ")";
      out += "</h3>\n<pre>" + escape_html(v.dump(2, ' ', false, kReplace)) + "</pre>\n";
    }
  } else if (facts.is_object() || facts.is_null()) {
    out += "<p>No facts were recorded.</p>\n";
  } else {
    out += "<pre>" + escape_html(facts.dump(2, ' ', false, kReplace)) + "</pre>\n";
  }
  out += "</details>\n</section>\n";
}

void errors_html(std::string& out, const nlohmann::json& errors) {
  out +=
      "<section id=\"errors\" aria-labelledby=\"errors-h\">\n"
      "<h2 id=\"errors-h\">Errors</h2>\n";
  const bool none = errors.is_null() || (errors.is_array() && errors.empty());
  if (none) {
    out += "<p>No input errors were recorded.</p>\n";
  } else {
    out += "<p>Problems with the input that did not stop the audit:</p>\n<ul>\n";
    if (errors.is_array()) {
      for (const auto& e : errors) {
        out += "<li class=\"text\">" + escape_html(detail::error_text(e)) + "</li>\n";
      }
    } else {
      out += "<li class=\"text\">" + escape_html(detail::error_text(errors)) + "</li>\n";
    }
    out += "</ul>\n";
  }
  out += "</section>\n";
}

}  // namespace

std::string to_html(const Report& r) {
  const std::string_view css = detail::html_stylesheet();
  std::string out;
  out.reserve(16384);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  // No script may run, nothing may be loaded, only our own stylesheet (pinned by hash) applies.
  static const std::string css_hash = sha256_base64(css);  // the stylesheet is a constant
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "script-src 'none'; style-src 'sha256-" +
      css_hash + "'; img-src 'none'; base-uri 'none'; form-action 'none'\">\n";
  out +=
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"omnicheck " +
      escape_html(r.tool_version) + "\">\n";
  out += "<title>omnicheck audit report: " + escape_html(r.target_url) + "</title>\n";
  out += "<style>";
  out += css;
  out += "</style>\n</head>\n<body>\n";
  header_html(out, r);
  out +=
      "<nav aria-label=\"Contents\"><a href=\"#summary\">Summary</a> · "
      "<a href=\"#findings\">Findings</a> · <a href=\"#facts\">Facts</a> · "
      "<a href=\"#errors\">Errors</a></nav>\n<main>\n";
  summary_html(out, r);
  out +=
      "<section id=\"findings\" aria-labelledby=\"findings-h\">\n"
      "<h2 id=\"findings-h\">Findings</h2>\n";
  for (std::size_t i = 0; i < r.findings.size(); ++i) finding_html(out, r.findings[i], i);
  out += "</section>\n";
  pages_html(out, r.target_extra);
  screenshots_html(out, r.target_extra);
  facts_html(out, r.facts);
  errors_html(out, r.errors);
  out += "</main>\n<footer><p>Generated by omnicheck " + escape_html(r.tool_version) + ", rules " +
         escape_html(r.rules_version) +
         ". Quotes are the merchant's text as fetched; each page's SHA-256 lets anyone check "
         "that the body quoted is the body received.</p></footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace omnicheck::report
