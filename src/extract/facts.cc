#include <map>

#include "extract/extract.h"

namespace omnicheck::extract {

nlohmann::json Evidence::to_json() const {
  nlohmann::json j = nlohmann::json::object();
  auto put = [&](const char* k, const std::string& v) {
    if (!v.empty()) j[k] = v;
  };
  put("url", url);
  put("fetched_at", fetched_at);
  if (status) j["status"] = status;
  put("sha256", sha256);
  put("dom", dom);
  put("rendered_sha256", rendered_sha256);
  put("locator", locator);
  put("region", region);
  put("file", file);
  if (!file.empty() && offset) j["offset"] = offset;
  put("message_id", message_id);
  put("header", header);
  put("header_decoded", header_decoded);
  put("date", date);
  put("snippet", snippet);
  put("note", note);
  return j;
}

nlohmann::json Fact::to_json() const {
  nlohmann::json j = attrs;
  j["type"] = type;
  j["evidence"] = evidence.to_json();
  return j;
}

void FactStore::add(Fact f) {
  if (per_type_limit != 0) {
    std::size_t& n = kept[f.type];
    if (n >= per_type_limit) {
      ++dropped[f.type];
      return;
    }
    ++n;
  }
  facts.push_back(std::move(f));
}

std::vector<const Fact*> FactStore::of_type(const std::string& type) const {
  std::vector<const Fact*> out;
  for (const auto& f : facts) {
    if (f.type == type) out.push_back(&f);
  }
  return out;
}

namespace {

// The report's "facts" section: plural keys as in DESIGN.md ("emails", "phones", …).
std::string plural(const std::string& type) {
  static const std::map<std::string, std::string> kPlural = {
      {"email", "emails"},           {"phone", "phones"},
      {"legal_name", "legal_names"}, {"address", "addresses"},
      {"register_id", "register_ids"}, {"contact_form", "contact_forms"},
      {"page", "pages"},             {"link", "links"},
      {"message", "messages"},       {"mail_address", "mail_addresses"},
      {"no_reply_notice", "no_reply_notices"}, {"legal_notice_reach", "legal_notice_reach"},
      {"call_cost_statement", "call_cost_statements"}, {"response_time_statement", "response_time_statements"},
      {"opening_hours", "opening_hours"}, {"chat_widget", "chat_widgets"}, {"mx_check", "mx_checks"},
      {"thread", "threads"},         {"reviews_shown", "reviews_shown"}};
  auto it = kPlural.find(type);
  return it != kPlural.end() ? it->second : type + "s";
}

}  // namespace

nlohmann::json FactStore::summary() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& f : facts) out[plural(f.type)].push_back(f.to_json());
  out["audit"] = audit;
  return out;
}

nlohmann::json FactStore::take_summary() && {
  nlohmann::json out = nlohmann::json::object();
  for (auto& f : facts) {
    nlohmann::json j = std::move(f.attrs);
    j["type"] = f.type;
    j["evidence"] = f.evidence.to_json();
    f.evidence = Evidence{};
    out[plural(f.type)].push_back(std::move(j));
  }
  facts.clear();
  facts.shrink_to_fit();
  out["audit"] = std::move(audit);
  audit = nlohmann::json::object();
  return out;
}

}  // namespace omnicheck::extract
