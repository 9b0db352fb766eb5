#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "extract/extract.h"

namespace omnicheck::extract {

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
  return lex;
}

std::vector<std::string> Lexicon::list(const std::string& key) const {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& [lang, data] : by_lang_.items()) {
    if (lang == "identifiers" || !data.contains(key) || !data[key].is_array()) continue;
    for (const auto& v : data[key]) {
      if (v.is_string() && seen.insert(v.get<std::string>()).second) out.push_back(v.get<std::string>());
    }
  }
  // Longest first: alternations then prefer "GmbH & Co. KG" over "GmbH".
  std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

}  // namespace omnicheck::extract
