// The HTML report: one self-contained page a legal reader can file, print or mail, in the
// report's language (Report::words). It opens with the complaint view: the breaches grouped by
// the law they break, each with its quote, page, time and hash, then the warnings, then what
// could not be checked and why; passes and rules that do not apply are folded away. The full
// findings, the pages read and the technical record follow.
//
// All merchant text is escaped and sits in an element marked translate="no" (quotes, URLs,
// hashes): a browser's translator leaves it alone and a test can tell it from our words. The page
// carries no script, and its Content-Security-Policy forbids any, so even a rendering mistake
// could not run merchant code in the reader's browser.
#include <cstddef>
#include <string>

#include "fetch/fetch.h"
#include "report/report.h"
#include "report/report_internal.h"

namespace omnicheck::report {
namespace {

using detail::is_http_url;

// Merchant text, or a value a reader copies (a hash, a URL): never translated.
std::string verbatim(const std::string& text, const char* css_class = "text") {
  return std::string("<span class=\"") + css_class + "\" translate=\"no\">" + escape_html(text) + "</span>";
}

// A URL as text, and as a link only when it is http(s).
std::string url_html(const std::string& url) {
  const std::string text = escape_html(url);
  if (!is_http_url(url)) return "<span class=\"url\" translate=\"no\">" + text + "</span>";
  return "<a class=\"url\" translate=\"no\" href=\"" + text + "\" rel=\"noopener noreferrer\">" + text + "</a>";
}


std::string severity_word(const Catalogue& t, const std::string& severity) {
  if (severity == "violation") return t("Violation of a legal duty");
  if (severity == "warning") return t("Probable shortcoming");
  if (severity == "advice") return t("Good practice");
  return severity;
}

// Colour AND words: the label carries the status for readers who cannot tell the colours
// apart and for black-and-white printouts. Class names come from the fixed status list only.
std::string badge(const Catalogue& t, const std::string& status) {
  if (detail::status_label(status).empty()) return "<span class=\"badge badge-unknown\">" + escape_html(status) + "</span>";
  return "<span class=\"badge badge-" + status + "\">" + escape_html(detail::status_word(t, status)) + "</span>";
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

std::string law_html(const rules::LawRef& l) {
  const std::string cite = escape_html(detail::law_citation(l));
  if (is_http_url(l.url)) return "<a class=\"law\" href=\"" + escape_html(l.url) + "\" rel=\"noopener noreferrer\">" + cite + "</a>";
  if (!l.url.empty()) return cite + " " + verbatim("(" + l.url + ")", "url");
  return cite;
}

class Page {
 public:
  explicit Page(const Report& r) : r_(r), t_(r.words) {}
  std::string render();

 private:
  void row(const std::string& label, const std::string& cell_html) {
    out_ += "<tr><th scope=\"row\">" + escape_html(label) + "</th><td>" + cell_html + "</td></tr>\n";
  }
  void text_row(const std::string& label, const std::string& value, const char* css_class = "text") {
    if (!value.empty()) row(label, verbatim(value, css_class));
  }
  void header();
  void complaint_view();
  void compact_finding(const rules::Finding& f, std::size_t index, bool with_law);
  void compact_evidence(const extract::Evidence& e);
  void folded_findings();
  void finding(const rules::Finding& f, std::size_t index);
  void evidence(const extract::Evidence& e, std::size_t n, std::size_t of, bool extra);
  void pages();
  void screenshots();
  void technical();
  void facts();
  void errors();
  std::string when(const std::string& iso) const { return t_.date_time(iso); }

  const Report& r_;
  const Catalogue& t_;
  std::string out_;
};

std::string anchor(std::size_t i) { return "finding-" + std::to_string(i + 1); }

void Page::header() {
  out_ += "<header>\n<h1>" + escape_html(t_("Consumer-law audit report")) + "</h1>\n<dl class=\"meta\">\n";
  const auto item = [this](const std::string& label, const std::string& value_html) {
    out_ += "<dt>" + escape_html(label) + "</dt><dd>" + value_html + "</dd>\n";
  };
  item(t_("Audited site"), url_html(r_.target_url));
  if (r_.target_extra.is_object() && r_.target_extra.contains("emails")) {
    item(t_("E-mails read"), verbatim(detail::json_text(r_.target_extra["emails"])));
  }
  if (r_.target_extra.is_object() && r_.target_extra.value("country", std::string()).size() == 2) {
    item(t_("Trader's country"), verbatim(r_.target_extra["country"].get<std::string>(), "mono"));
  }
  item(t_("Law in force on"), escape_html(t_.date_time(r_.audit_date)));
  item(t_("Audit carried out"), escape_html(when(r_.started_at)) + " – " + escape_html(when(r_.finished_at)));
  item(t_("Pages read"), escape_html(t_.number(r_.pages_fetched)));
  item(t_("Tool"), "omnicheck " + verbatim(r_.tool_version, "mono") + ", " + escape_html(t_("rules")) + " " +
                       verbatim(r_.rules_version.substr(0, 12), "mono hash"));
  out_ += "</dl>\n</header>\n";
}

void Page::compact_evidence(const extract::Evidence& e) {
  out_ += "<li class=\"evidence-line\">";
  if (!e.snippet.empty()) out_ += "<blockquote class=\"snippet\" translate=\"no\">" + snippet_html(e.snippet) + "</blockquote>";
  std::string where;
  const auto add = [&where](const std::string& html) { where += (where.empty() ? "" : " · ") + html; };
  if (!e.url.empty()) add(url_html(e.url));
  if (!e.file.empty()) add(escape_html(t_("e-mail file")) + " " + verbatim(e.file, "mono text"));
  if (!e.message_id.empty()) add("Message-ID " + verbatim(e.message_id, "mono text"));
  if (!e.fetched_at.empty()) add(escape_html(t_("read on")) + " " + escape_html(when(e.fetched_at)));
  if (!e.date.empty()) add(escape_html(t_("dated")) + " " + verbatim(e.date));
  if (!e.sha256.empty()) add("SHA-256 " + verbatim(e.sha256, "mono hash"));
  if (e.dom == "rendered") add(escape_html(t_("as shown by a browser")));
  if (!where.empty()) out_ += "<div class=\"where\">" + where + "</div>";
  if (!e.note.empty()) out_ += "<div class=\"note\">" + escape_html(e.note) + "</div>";
  out_ += "</li>\n";
}

// A finding as the complaint cites it: what is wrong, the proof, how to fix it.
void Page::compact_finding(const rules::Finding& f, std::size_t index, bool with_law) {
  out_ += "<div class=\"complaint-item\">\n<h4>" + escape_html(f.title) + " <a class=\"more\" href=\"#" + anchor(index) +
          "\">" + escape_html(t_("details")) + "</a></h4>\n";
  if (f.suppression.is_object() && !f.suppression.value("expired", false)) {
    out_ += "<p class=\"accepted\">" + escape_html(t_("Accepted by the merchant's configuration:")) + " " +
            verbatim(f.suppression.value("reason", std::string())) + "</p>\n";
  }
  out_ += "<p class=\"finding-text\">" + escape_html(f.message) + "</p>\n";
  if (with_law && !f.law.empty()) {
    out_ += "<p class=\"law-line\">" + escape_html(t_("Legal basis:")) + " ";
    for (std::size_t i = 0; i < f.law.size(); ++i) out_ += (i ? "; " : "") + law_html(f.law[i]);
    out_ += "</p>\n";
  }
  // The rest of the evidence is in the finding's full entry.
  const auto shown = detail::complaint_evidence(f);
  if (!shown.empty()) {
    out_ += "<ul class=\"proof\">\n";
    for (const auto* e : shown) compact_evidence(*e);
    out_ += "</ul>\n";
  }
  if (f.evidence.size() > shown.size()) {
    out_ += "<p class=\"more\">" +
            escape_html(t_.fill("{count} more pieces of evidence are listed in the finding's details.",
                                {{"count", t_.number(static_cast<long long>(f.evidence.size() - shown.size()))}})) +
            "</p>\n";
  }
  if (!f.fix.empty()) out_ += "<p class=\"fix\"><strong>" + escape_html(t_("How to fix:")) + "</strong> " + escape_html(f.fix) + "</p>\n";
  out_ += "</div>\n";
}

void Page::complaint_view() {
  const auto [breaches, breach_count, warnings, unchecked, known] = detail::complaint_view(r_);
  out_ += "<section id=\"complaint\" aria-labelledby=\"complaint-h\">\n<h2 id=\"complaint-h\">" +
          escape_html(t_("Breaches found")) + "</h2>\n";
  if (breaches.empty()) {
    out_ += "<p>" + escape_html(t_("No breach of a legal duty was found on what could be read.")) + "</p>\n";
  } else {
    out_ += "<p>" + escape_html(t_.fill("Breaches found: {count}. Each is listed under the law it breaches, with its proof.",
                                        {{"count", t_.number(static_cast<long long>(breach_count))}})) +
            "</p>\n";
    // Grouped by the first legal basis a rule names (its primary one); the others are cited
    // beside it.
    for (const auto& [act, indices] : breaches) {
      out_ += "<h3 class=\"act\">" + escape_html(act) + "</h3>\n";
      for (std::size_t i : indices) compact_finding(r_.findings[i], i, true);
    }
  }
  out_ += "</section>\n";
  if (!warnings.empty()) {
    out_ += "<section id=\"warnings\" aria-labelledby=\"warnings-h\">\n<h2 id=\"warnings-h\">" + escape_html(t_("Warnings")) +
            "</h2>\n<p>" + escape_html(t_("Points that probably fall short of the law or of good practice, to be checked by a person.")) +
            "</p>\n";
    for (std::size_t i : warnings) compact_finding(r_.findings[i], i, true);
    out_ += "</section>\n";
  }
  out_ += "<section id=\"not-checked\" aria-labelledby=\"not-checked-h\">\n<h2 id=\"not-checked-h\">" +
          escape_html(t_("What could not be checked")) + "</h2>\n";
  if (unchecked.empty()) {
    out_ += "<p>" + escape_html(t_("Every rule that applies could be checked.")) + "</p>\n";
  } else {
    out_ += "<ul class=\"unchecked\">\n";
    for (std::size_t i : unchecked) {
      const auto& f = r_.findings[i];
      out_ += "<li><a href=\"#" + anchor(i) + "\">" + escape_html(f.title) + "</a>: " + escape_html(f.message) + "</li>\n";
    }
    out_ += "</ul>\n";
  }
  out_ += "</section>\n";
  if (!known.empty()) {
    out_ += "<section id=\"accepted\" aria-labelledby=\"accepted-h\">\n<h2 id=\"accepted-h\">" +
            escape_html(t_("Accepted or already known")) + "</h2>\n<ul>\n";
    for (std::size_t i : known) {
      const auto& f = r_.findings[i];
      std::string why = f.baseline_state == "unchanged" ? t_("already in the baseline report")
                                                        : t_("accepted by the merchant's configuration:") + " ";
      out_ += "<li><a href=\"#" + anchor(i) + "\">" + escape_html(f.title) + "</a> (" + badge(t_, f.status) + "): " +
              escape_html(why);
      if (f.baseline_state != "unchanged") out_ += verbatim(f.suppression.value("reason", std::string()));
      out_ += "</li>\n";
    }
    out_ += "</ul>\n</section>\n";
  }
}

// Passes and rules that do not apply (another country's law, a duty not yet or no longer in
// force, no mailbox given) stay one click away.
void Page::folded_findings() {
  std::vector<std::size_t> passed, other;
  for (std::size_t i = 0; i < r_.findings.size(); ++i) {
    if (r_.findings[i].status == "pass") passed.push_back(i);
    if (r_.findings[i].status == "not_applicable") other.push_back(i);
  }
  out_ += "<section id=\"passed\" aria-labelledby=\"passed-h\">\n<h2 id=\"passed-h\">" + escape_html(t_("Rules met")) + "</h2>\n";
  const auto list = [this](const std::vector<std::size_t>& ids) {
    out_ += "<ul>\n";
    for (std::size_t i : ids) {
      const auto& f = r_.findings[i];
      out_ += "<li><a href=\"#" + anchor(i) + "\">" + escape_html(f.title) + "</a>: " + escape_html(f.message) + "</li>\n";
    }
    out_ += "</ul>\n";
  };
  out_ += "<details>\n<summary>" +
          escape_html(t_.fill("Rules met: {count}", {{"count", t_.number(static_cast<long long>(passed.size()))}})) +
          "</summary>\n";
  list(passed);
  out_ += "</details>\n<details>\n<summary>" +
          escape_html(t_.fill("Rules that do not apply to this audit: {count}",
                              {{"count", t_.number(static_cast<long long>(other.size()))}})) +
          "</summary>\n";
  list(other);
  out_ += "</details>\n</section>\n";
}

void Page::evidence(const extract::Evidence& e, std::size_t n, std::size_t of, bool extra) {
  out_ += std::string("<table class=\"evidence") + (extra ? " extra" : "") + "\">\n<caption>" +
          escape_html(t_.fill("Evidence {n} of {total}", {{"n", std::to_string(n)}, {"total", std::to_string(of)}})) +
          "</caption>\n<tbody>\n";
  if (!e.url.empty()) row(t_("Page"), url_html(e.url));
  if (!e.fetched_at.empty()) row(t_("Read on"), escape_html(when(e.fetched_at)));
  if (e.status != 0) row(t_("HTTP status"), std::to_string(e.status));
  text_row(t_("SHA-256 of the page as received"), e.sha256, "mono hash");
  if (e.dom == "rendered") {
    row(t_("Read from"), escape_html(t_("the page as a browser showed it (its scripts run), not the HTML served")));
    text_row(t_("SHA-256 of the page as shown"), e.rendered_sha256, "mono hash");
  }
  text_row(t_("Place in the page"), e.locator, "mono text");
  text_row(t_("Part of the page"), e.region);
  if (!e.file.empty()) {
    text_row(t_("E-mail file"), e.file, "mono text");
    row(t_("Byte offset in the file"), std::to_string(e.offset));
  }
  text_row("Message-ID", e.message_id, "mono text");
  text_row(t_("Header as sent"), e.header, "mono text");
  text_row(t_("Header, decoded"), e.header_decoded, "text");
  text_row(t_("Date"), e.date);
  if (!e.snippet.empty()) {
    row(t_("Quote"), "<blockquote class=\"snippet\" translate=\"no\">" + snippet_html(e.snippet) + "</blockquote>");
  }
  if (!e.note.empty()) row(t_("What it shows"), escape_html(e.note));
  out_ += "</tbody>\n</table>\n";
}

void Page::finding(const rules::Finding& f, std::size_t i) {
  const std::string id = anchor(i);
  // Only contract statuses become class names; anything else gets the neutral frame.
  const std::string frame = detail::status_label(f.status).empty() ? "unknown" : f.status;
  // What needs attention is open; a pass or a rule that does not apply is one click away (and
  // stays folded on paper).
  const bool open = f.status == "fail" || f.status == "warn" || f.status == "inconclusive";
  out_ += "<article class=\"finding status-" + frame + "\" id=\"" + id + "\" aria-labelledby=\"" + id + "-h\">\n<details" +
          (open ? " open" : "") + ">\n<summary><h3 id=\"" + id + "-h\">" + badge(t_, f.status) + " " + escape_html(f.title) +
          " <span class=\"rule-id\" translate=\"no\">" + escape_html(f.rule) + "</span></h3></summary>\n<dl class=\"meta\">\n";
  out_ += "<dt>" + escape_html(t_("Weight")) + "</dt><dd>" + escape_html(severity_word(t_, f.severity)) + "</dd>\n";
  out_ += "<dt>" + escape_html(t_("Legal basis")) + "</dt><dd>";
  if (f.law.empty()) {
    out_ += escape_html(t_("not stated"));
  } else {
    out_ += "<ul class=\"law\">";
    for (const auto& l : f.law) out_ += "<li>" + law_html(l) + "</li>";
    out_ += "</ul>";
  }
  out_ += "</dd>\n<dt>" + escape_html(t_("Finding")) + "</dt><dd class=\"text\">" + escape_html(f.message) + "</dd>\n";
  if (!f.fix.empty()) out_ += "<dt>" + escape_html(t_("How to fix")) + "</dt><dd>" + escape_html(f.fix) + "</dd>\n";
  if (f.suppression.is_object()) {
    const bool expired = f.suppression.value("expired", false);
    out_ += "<dt>" + escape_html(expired ? t_("Acceptance expired") : t_("Accepted")) + "</dt><dd>" +
            verbatim(f.suppression.value("reason", std::string())) + " (" +
            escape_html(t_.fill("until {date}", {{"date", t_.date_time(f.suppression.value("expires", std::string()))}})) +
            ")</dd>\n";
  }
  if (f.baseline_state == "unchanged") out_ += "<dt>" + escape_html(t_("Baseline")) + "</dt><dd>" + escape_html(t_("already in the baseline report")) + "</dd>\n";
  out_ += "</dl>\n";
  if (f.evidence.empty()) {
    out_ += "<p>" + escape_html(t_("No evidence recorded.")) + "</p>\n";
  } else {
    out_ += "<h4>" + escape_html(t_("Evidence")) + "</h4>\n";
  }
  // On paper a finding shows its first pieces of evidence; the rest stay in the HTML and JSON
  // reports (and the signed manifest), so that a filed report stays a few pages long.
  constexpr std::size_t kPrinted = 3;
  for (std::size_t n = 0; n < f.evidence.size(); ++n) evidence(f.evidence[n], n + 1, f.evidence.size(), n >= kPrinted);
  if (f.evidence.size() > kPrinted) {
    out_ += "<p class=\"print-only\">" +
            escape_html(t_.fill("{count} further pieces of evidence are in the HTML and JSON reports.",
                                {{"count", t_.number(static_cast<long long>(f.evidence.size() - kPrinted))}})) +
            "</p>\n";
  }
  out_ += "</details>\n</article>\n";
}

// Every page fetched, with the hash a reader can re-check against the archive or the site.
void Page::pages() {
  const auto& extra = r_.target_extra;
  if (!extra.is_object() || !extra.contains("pages") || !extra["pages"].is_array()) return;
  out_ += "<section id=\"pages\" aria-labelledby=\"pages-h\">\n<h2 id=\"pages-h\">" + escape_html(t_("Pages read")) +
          "</h2>\n<details>\n<summary>" +
          escape_html(t_.fill("Pages read: {count}", {{"count", t_.number(static_cast<long long>(extra["pages"].size()))}})) +
          "</summary>\n<table class=\"pages\">\n<thead><tr><th scope=\"col\">" + escape_html(t_("Page")) + "</th><th scope=\"col\">" +
          escape_html(t_("Answer")) + "</th><th scope=\"col\">" + escape_html(t_("Read on")) + "</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n";
  for (const auto& p : extra["pages"]) {
    const std::string url = p.value("final_url", p.value("requested_url", std::string()));
    std::string status = p.contains("status") ? detail::json_text(p["status"]) : "";
    std::string cell = escape_html(status);
    if (p.contains("error")) cell += " " + verbatim(detail::json_text(p["error"]));
    if (p.contains("rendered") && p["rendered"].is_object()) {
      cell += "; " + escape_html(t_("shown by a browser")) + ", SHA-256 " +
              verbatim(p["rendered"].value("sha256", std::string()), "mono hash");
    }
    out_ += "<tr><td class=\"text\">" + url_html(url) + "</td><td class=\"text\">" + cell + "</td><td>" +
            escape_html(when(p.value("fetched_at", std::string()))) + "</td><td>" +
            verbatim(p.value("sha256", std::string()), "mono hash") + "</td></tr>\n";
  }
  out_ += "</tbody>\n</table>\n</details>\n</section>\n";
}

// Pictures of the pages as the consumer saw them (--screenshots): files beside the report,
// linked (the report itself loads nothing), each with the hash `sha256sum` confirms.
void Page::screenshots() {
  const auto& extra = r_.target_extra;
  if (!extra.is_object() || !extra.contains("screenshots") || !extra["screenshots"].is_array()) return;
  out_ += "<section id=\"screenshots\" aria-labelledby=\"screenshots-h\">\n<h2 id=\"screenshots-h\">" +
          escape_html(t_("Screenshots")) + "</h2>\n<table class=\"pages\">\n<thead><tr><th scope=\"col\">" + escape_html(t_("Page")) +
          "</th><th scope=\"col\">" + escape_html(t_("File")) + "</th><th scope=\"col\">" + escape_html(t_("SHA-256 of the image")) +
          "</th></tr></thead>\n<tbody>\n";
  for (const auto& s : extra["screenshots"]) {
    if (!s.is_object()) continue;
    const std::string file = s.value("file", std::string());
    // Only a relative path of plain characters becomes a link (what the audit writes); anything
    // else in a report handed around is shown as text.
    const bool plain = !file.empty() && file[0] != '/' && file.find("..") == std::string::npos &&
                       file.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-") == std::string::npos;
    std::string file_cell;
    if (file.empty()) {
      file_cell = escape_html(t_("not taken:")) + " " + verbatim(s.value("error", std::string()));
    } else if (plain) {
      file_cell = "<a href=\"" + escape_html(file) + "\" translate=\"no\">" + escape_html(file) + "</a>";
    } else {
      file_cell = verbatim(file);
    }
    out_ += "<tr><td class=\"text\">" + url_html(s.value("url", std::string())) + "</td><td class=\"text\">" + file_cell +
            "</td><td>" + verbatim(s.value("sha256", std::string()), "mono hash") + "</td></tr>\n";
  }
  out_ += "</tbody>\n</table>\n</section>\n";
}

// The crawl's own record (limits, robots, archive, rendering…): for the expert, folded, as data.
void Page::technical() {
  if (!r_.target_extra.is_object()) return;
  out_ += "<section id=\"technical\" aria-labelledby=\"technical-h\">\n<h2 id=\"technical-h\">" +
          escape_html(t_("Technical record of the audit")) + "</h2>\n<details>\n<summary>" +
          escape_html(t_("Show the record")) + "</summary>\n<dl class=\"meta\" translate=\"no\">\n";
  for (const auto& [k, v] : r_.target_extra.items()) {
    if (k == "pages" || k == "screenshots") continue;  // their own sections
    out_ += "<dt class=\"mono\">" + escape_html(k) + "</dt><dd class=\"text\">" + escape_html(detail::json_text(v)) + "</dd>\n";
  }
  out_ += "</dl>\n</details>\n</section>\n";
}

void Page::facts() {
  constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
  const auto& facts = r_.facts;
  out_ += "<section id=\"facts\" aria-labelledby=\"facts-h\">\n<h2 id=\"facts-h\">" + escape_html(t_("Appendix: facts found")) +
          "</h2>\n<p>" + escape_html(t_("What the rules were evaluated on, as extracted from the pages and e-mails.")) +
          "</p>\n<details>\n<summary>" + escape_html(t_("Show the facts")) + "</summary>\n";
  if (facts.is_object() && !facts.empty()) {
    for (const auto& [k, v] : facts.items()) {
      out_ += "<h3 translate=\"no\">" + escape_html(k);
      if (v.is_array()) out_ += " (" + std::to_string(v.size()) + ")";
      out_ += "</h3>\n<pre translate=\"no\">" + escape_html(v.dump(2, ' ', false, kReplace)) + "</pre>\n";
    }
  } else if (facts.is_object() || facts.is_null()) {
    out_ += "<p>" + escape_html(t_("No facts were recorded.")) + "</p>\n";
  } else {
    out_ += "<pre translate=\"no\">" + escape_html(facts.dump(2, ' ', false, kReplace)) + "</pre>\n";
  }
  out_ += "</details>\n</section>\n";
}

void Page::errors() {
  const auto& errors = r_.errors;
  out_ += "<section id=\"errors\" aria-labelledby=\"errors-h\">\n<h2 id=\"errors-h\">" + escape_html(t_("Errors")) + "</h2>\n";
  const bool none = errors.is_null() || (errors.is_array() && errors.empty());
  if (none) {
    out_ += "<p>" + escape_html(t_("No input errors were recorded.")) + "</p>\n";
  } else {
    // The errors are the tool's and the servers' own words (an HTTP reason, a parser's), kept as
    // they were, as the record of what happened.
    out_ += "<p>" + escape_html(t_("Problems with the input that did not stop the audit (as the tools reported them):")) +
            "</p>\n<ul>\n";
    const auto item = [this](const nlohmann::json& e) {
      out_ += "<li class=\"text\" translate=\"no\">" + escape_html(detail::error_text(e)) + "</li>\n";
    };
    if (errors.is_array()) {
      for (const auto& e : errors) item(e);
    } else {
      item(errors);
    }
    out_ += "</ul>\n";
  }
  out_ += "</section>\n";
}

std::string Page::render() {
  const std::string_view css = detail::html_stylesheet();
  out_.reserve(16384);
  out_ += "<!DOCTYPE html>\n<html lang=\"" + escape_html(t_.language()) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  // No script may run, nothing may be loaded, only our own stylesheet (pinned by hash) applies.
  static const std::string css_hash = fetch::sha256_base64(css);  // the stylesheet is a constant
  out_ +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "script-src 'none'; style-src 'sha256-" +
      css_hash + "'; img-src 'none'; base-uri 'none'; form-action 'none'\">\n";
  out_ +=
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"omnicheck " +
      escape_html(r_.tool_version) + "\">\n";
  out_ += "<title>" + escape_html(t_("Consumer-law audit report")) + ": " + escape_html(r_.target_url) + "</title>\n";
  out_ += "<style>";
  out_ += css;
  out_ += "</style>\n</head>\n<body>\n";
  header();
  out_ += "<nav aria-label=\"" + escape_html(t_("Contents")) + "\"><a href=\"#complaint\">" + escape_html(t_("Breaches found")) +
          "</a> · <a href=\"#not-checked\">" + escape_html(t_("What could not be checked")) + "</a> · <a href=\"#findings\">" +
          escape_html(t_("All findings")) + "</a> · <a href=\"#pages\">" + escape_html(t_("Pages read")) + "</a> · <a href=\"#errors\">" +
          escape_html(t_("Errors")) + "</a></nav>\n<main>\n";
  complaint_view();
  folded_findings();
  out_ += "<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">" + escape_html(t_("All findings")) + "</h2>\n";
  if (r_.findings.empty()) out_ += "<p>" + escape_html(t_("No rule was evaluated.")) + "</p>\n";
  // What needs attention first, in full; the rules met and those that do not apply behind one
  // fold (on paper too: a filed report is about the breaches).
  std::vector<std::size_t> quiet;
  for (std::size_t i = 0; i < r_.findings.size(); ++i) {
    const auto& st = r_.findings[i].status;
    if (st == "pass" || st == "not_applicable") {
      quiet.push_back(i);
    } else {
      finding(r_.findings[i], i);
    }
  }
  if (!quiet.empty()) {
    out_ += "<details class=\"quiet\">\n<summary>" + escape_html(t_("The rules met and those that do not apply, in detail")) +
            "</summary>\n";
    for (std::size_t i : quiet) finding(r_.findings[i], i);
    out_ += "</details>\n";
  }
  out_ += "</section>\n";
  pages();
  screenshots();
  technical();
  facts();
  errors();
  out_ += "</main>\n<footer><p>" +
          escape_html(t_("Generated by omnicheck. Quotes are the merchant's text as read; each page's SHA-256 lets anyone check that the text quoted is the text received.")) +
          " omnicheck " + verbatim(r_.tool_version, "mono") + "</p></footer>\n</body>\n</html>\n";
  return std::move(out_);
}

}  // namespace

std::string to_html(const Report& r) { return Page(r).render(); }

}  // namespace omnicheck::report
