#include "fetch/warc_http_records.h"

#include "fetch/http_exchange.h"

namespace omnicheck::fetch {
namespace {

const char* kPageMarker = "omnicheck-page";

std::string one_line(const std::string& v) {
  std::string out = v;
  for (auto& c : out) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

}  // namespace

void archive_warcinfo(WarcWriter& w, const std::string& start_url, const HttpOptions& o) {
  std::string fields;
  auto add = [&](const std::string& k, const std::string& v) { fields += k + ": " + one_line(v) + "\r\n"; };
  add("software", o.user_agent);
  add("format", "WARC File Format 1.1");
  add("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/");
  add("http-header-user-agent", o.user_agent);
  add("robots", o.ignore_robots ? "ignore" : "obey");
  add("omnicheck-start-url", start_url);
  add("omnicheck-tls-verification", o.insecure ? "off" : "on");
  add("omnicheck-digests", "sha256:<lower-case hex> of the record block and of the payload as transferred");
  add("omnicheck-response-body",
      "as transferred with content coding kept and chunked transfer coding removed by libcurl");
  add("omnicheck-page-sha256", "metadata records give sha256 of the decoded body the parser read");
  std::string name = w.path();
  auto slash = name.find_last_of('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  w.write("warcinfo", now_rfc3339(), "application/warc-fields", {{"WARC-Filename", name}}, fields);
}

std::string archive_exchange(WarcWriter& w, const HttpExchange& ex) {
  if (!ex.got_head()) return {};
  std::string response_id = new_warc_record_id();
  std::string request_id = new_warc_record_id();
  const std::string& body = ex.raw_body();
  WarcFields rf = {{"WARC-Record-ID", response_id}, {"WARC-Target-URI", ex.url()}};
  if (!ex.ip().empty()) rf.emplace_back("WARC-IP-Address", ex.ip());
  if (!ex.request_head().empty()) rf.emplace_back("WARC-Concurrent-To", request_id);
  rf.emplace_back("WARC-Payload-Digest", warc_digest(body));
  if (!ex.truncated().empty()) rf.emplace_back("WARC-Truncated", ex.truncated());
  if (!ex.request_head().empty()) {
    WarcFields qf = {{"WARC-Record-ID", request_id}, {"WARC-Target-URI", ex.url()}};
    if (!ex.ip().empty()) qf.emplace_back("WARC-IP-Address", ex.ip());
    qf.emplace_back("WARC-Concurrent-To", response_id);
    w.write("request", ex.started_at(), "application/http;msgtype=request", qf, ex.request_head());
  }
  w.write("response", ex.fetched_at(), "application/http;msgtype=response", rf, ex.raw_head() + body);
  return response_id;
}

void archive_page(WarcWriter& w, const Page& page, const std::string& purpose, const std::string& response_id) {
  std::string block;
  auto add = [&](const std::string& k, const std::string& v) { block += k + ": " + one_line(v) + "\r\n"; };
  add(kPageMarker, purpose);
  add("requested-url", page.requested_url);
  add("final-url", page.final_url);
  for (const auto& r : page.redirect_chain) add("redirect", r);
  add("status", std::to_string(page.status));
  add("fetched-at", page.fetched_at);
  if (!page.sha256.empty()) add("sha256", page.sha256);
  if (!page.error.empty()) add("error", page.error);
  WarcFields f = {{"WARC-Target-URI", page.requested_url}};
  if (!response_id.empty()) f.emplace_back("WARC-Refers-To", response_id);
  w.write("metadata", page.fetched_at.empty() ? now_rfc3339() : page.fetched_at, "application/warc-fields", f,
          block);
}

std::optional<ArchivedPage> read_page_metadata(const WarcRecord& rec) {
  if (rec.field("WARC-Type") != "metadata") return std::nullopt;
  ArchivedPage out;
  out.response_id = rec.field("WARC-Refers-To");
  bool marked = false;
  std::size_t pos = 0;
  const std::string& b = rec.block;
  while (pos < b.size()) {
    auto eol = b.find("\r\n", pos);
    if (eol == std::string::npos) eol = b.size();
    std::string line = b.substr(pos, eol - pos);
    pos = eol + 2;
    auto colon = line.find(": ");
    if (colon == std::string::npos) continue;
    std::string k = line.substr(0, colon), v = line.substr(colon + 2);
    if (k == kPageMarker) {
      marked = true;
      out.purpose = v;
    } else if (k == "requested-url") {
      out.page.requested_url = v;
    } else if (k == "final-url") {
      out.page.final_url = v;
    } else if (k == "redirect") {
      out.page.redirect_chain.push_back(v);
    } else if (k == "status") {
      try {
        out.page.status = std::stoi(v);
      } catch (const std::exception&) {
        return std::nullopt;
      }
    } else if (k == "fetched-at") {
      out.page.fetched_at = v;
    } else if (k == "sha256") {
      out.page.sha256 = v;
    } else if (k == "error") {
      out.page.error = v;
    }
  }
  if (!marked) return std::nullopt;
  return out;
}

}  // namespace omnicheck::fetch
