#include "fetch/ascii_text.h"
#include "fetch/http_response_head.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <ctime>

namespace omnicheck::fetch {
namespace {

// The headers a finding may need to quote: what the body is, when and by whom it was
// served, where it pointed, and what the site says about robots and retrying.
constexpr const char* kSelected[] = {"content-type", "content-length", "content-encoding", "content-language",
                                     "last-modified", "etag", "date", "server", "location", "retry-after",
                                     "x-robots-tag"};

}  // namespace

std::string ResponseHead::get(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

bool ResponseHead::has(const std::string& name) const {
  return std::any_of(headers.begin(), headers.end(), [&](const auto& h) { return h.first == name; });
}

bool parse_status_line(const std::string& line, int* status) {
  if (line.rfind("HTTP/", 0) != 0) return false;
  auto sp = line.find(' ');
  if (sp == std::string::npos) return false;
  std::size_t i = sp;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i + 3 > line.size() || !std::isdigit(static_cast<unsigned char>(line[i])) ||
      !std::isdigit(static_cast<unsigned char>(line[i + 1])) || !std::isdigit(static_cast<unsigned char>(line[i + 2]))) {
    return false;
  }
  *status = (line[i] - '0') * 100 + (line[i + 1] - '0') * 10 + (line[i + 2] - '0');
  return true;
}

void add_header_line(ResponseHead* head, const std::string& raw) {
  std::string line = raw;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (line.empty()) return;
  if ((line[0] == ' ' || line[0] == '\t') && !head->headers.empty()) {
    head->headers.back().second += " " + trim(line);
    return;
  }
  auto colon = line.find(':');
  if (colon == std::string::npos) return;
  head->headers.emplace_back(lower(trim(line.substr(0, colon))), trim(line.substr(colon + 1)));
}

std::optional<ResponseHead> parse_response_head(const std::string& text, std::size_t* head_len) {
  ResponseHead head;
  std::size_t pos = 0;
  bool first = true;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string::npos) return std::nullopt;
    std::string line = text.substr(pos, nl + 1 - pos);
    pos = nl + 1;
    if (first) {
      if (!parse_status_line(line, &head.status)) return std::nullopt;
      first = false;
      continue;
    }
    if (line == "\r\n" || line == "\n") {
      if (head_len) *head_len = pos;
      return head;
    }
    add_header_line(&head, line);
  }
  return std::nullopt;
}

void parse_content_type(const std::string& value, std::string* media, std::string* charset) {
  auto semi = value.find(';');
  *media = lower(trim(value.substr(0, semi)));
  charset->clear();
  while (semi != std::string::npos) {
    auto next = value.find(';', semi + 1);
    std::string param = value.substr(semi + 1, next == std::string::npos ? std::string::npos : next - semi - 1);
    auto eq = param.find('=');
    if (eq != std::string::npos && lower(trim(param.substr(0, eq))) == "charset") {
      std::string v = trim(param.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      *charset = v;  // kept as sent: a wrong label is itself evidence
      return;
    }
    semi = next;
  }
}

bool is_page_media_type(const std::string& m) {
  if (m.empty()) return true;
  if (m == "text/html" || m == "application/xhtml+xml" || m == "text/xml" || m == "application/xml" ||
      m == "text/plain") {
    return true;
  }
  return m.size() > 4 && m.compare(m.size() - 4, 4, "+xml") == 0;
}

std::optional<long> parse_retry_after(const std::string& value_in) {
  std::string value = trim(value_in);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    if (value.size() > 9) return 999999999L;
    return std::stol(value);
  }
  time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  long delta = static_cast<long>(when - std::time(nullptr));
  return delta < 0 ? 0 : delta;
}

void fill_page_from_head(const ResponseHead& head, Page* page) {
  page->status = head.status;
  page->headers.clear();
  for (const auto& [k, v] : head.headers) {
    if (std::find(std::begin(kSelected), std::end(kSelected), k) != std::end(kSelected)) page->headers.emplace_back(k, v);
  }
  parse_content_type(head.get("content-type"), &page->content_type, &page->charset);
}

}  // namespace omnicheck::fetch
