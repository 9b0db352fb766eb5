#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "extract/extract.h"

namespace omnicheck::extract {

namespace {

// Every list key of every language, merged in language order (each string once) and sorted
// longest first: alternations then prefer "GmbH & Co. KG" over "GmbH".
std::map<std::string, std::vector<std::string>, std::less<>> build_lists(const nlohmann::json& by_lang) {
  std::map<std::string, std::vector<std::string>, std::less<>> lists;
  std::map<std::string, std::set<std::string>> seen;
  for (const auto& [lang, data] : by_lang.items()) {
    if (lang == "identifiers" || !data.is_object()) continue;
    for (const auto& [key, values] : data.items()) {
      if (!values.is_array()) continue;
      std::vector<std::string>& out = lists[key];
      std::set<std::string>& once = seen[key];
      for (const auto& v : values) {
        if (v.is_string() && once.insert(v.get<std::string>()).second) out.push_back(v.get<std::string>());
      }
    }
  }
  for (auto& [key, out] : lists) {
    std::stable_sort(out.begin(), out.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  }
  return lists;
}

}  // namespace

Lexicon Lexicon::load(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  Lexicon lex;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw std::runtime_error("lexicon folder not found: " + dir.string());
  std::vector<fs::path> files;
  // Subfolders group lexicon files by topic (statements/, mail/, channels/); files of the same
  // language are merged key by key, so each topic can grow without touching the others.
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(ss.str());
    } catch (const std::exception& e) {
      throw std::runtime_error("lexicon file " + f.string() + ": " + e.what());
    }
    std::string name = f.stem().string();
    if (name == "countries") {
      lex.countries_ = j;
      lex.countries_.erase("_comment");
    } else if (name == "identifiers") {
      lex.by_lang_["identifiers"] = j;
    } else {
      std::string lang = j.value("language", name);
      nlohmann::json& target = lex.by_lang_[lang];
      if (target.is_null()) target = nlohmann::json::object();
      for (const auto& [key, value] : j.items()) {
        if (target.contains(key) && target[key].is_array() && value.is_array()) {
          for (const auto& v : value) target[key].push_back(v);
        } else if (target.contains(key) && target[key].is_object() && value.is_object()) {
          target[key].update(value);
        } else {
          target[key] = value;
        }
      }
    }
  }
  lex.lists_ = build_lists(lex.by_lang_);
  return lex;
}

const std::vector<std::string>& Lexicon::list(std::string_view key) const {
  static const std::vector<std::string> kNone;
  auto it = lists_.find(key);
  return it != lists_.end() ? it->second : kNone;
}

}  // namespace omnicheck::extract
