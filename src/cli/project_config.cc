#include "cli/project_config.h"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "rules/rules.h"

namespace omnicheck::cli {

namespace fs = std::filesystem;

std::optional<fs::path> find_config(const std::string& explicit_file, const fs::path& start) {
  std::error_code ec;
  if (!explicit_file.empty()) {
    if (!fs::is_regular_file(explicit_file, ec)) throw std::runtime_error("--config " + explicit_file + ": no such file");
    return fs::path(explicit_file);
  }
  for (fs::path dir = fs::absolute(start, ec);; dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / "omnicheck.json", ec)) return dir / "omnicheck.json";
    // The repository's top is as far as a project's settings reach.
    if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) return std::nullopt;
  }
}

ProjectConfig load_config(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot read");
  std::stringstream ss;
  ss << in.rdbuf();
  const nlohmann::json j = rules::parse_json_with_comments(ss.str(), file.string());
  if (!j.is_object()) throw std::runtime_error(file.string() + ": must hold one JSON object");
  static const std::set<std::string> kKeys = {"target", "emails", "country",  "lang",    "fail_on",     "format",
                                              "output", "out_dir", "baseline", "render",  "strict",      "max_pages",
                                              "suppressions", "$schema", "_comment"};
  ProjectConfig c;
  c.file = file;
  const fs::path base = file.parent_path();
  for (const auto& [key, value] : j.items()) {
    if (!kKeys.count(key)) throw std::runtime_error(file.string() + ": unknown key \"" + key + "\"");
  }
  const auto text = [&](const char* key, std::optional<std::string>& out, bool path) {
    if (!j.contains(key)) return;
    if (!j[key].is_string()) throw std::runtime_error(file.string() + ": \"" + key + "\" must be a string");
    std::string v = j[key].get<std::string>();
    // A relative path means relative to the config file, wherever the command runs.
    const bool url = v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0;
    if (path && !v.empty() && !url && fs::path(v).is_relative()) v = (base / v).lexically_normal().string();
    out = v;
  };
  text("target", c.target, true);
  text("emails", c.emails, true);
  text("country", c.country, false);
  text("lang", c.lang, false);
  text("fail_on", c.fail_on, false);
  text("format", c.format, false);
  text("output", c.output, true);
  text("out_dir", c.out_dir, true);
  text("baseline", c.baseline, true);
  text("render", c.render, false);
  const auto one_of = [&](const char* key, const std::optional<std::string>& v, std::initializer_list<const char*> allowed) {
    if (!v) return;
    std::string list;
    for (const char* a : allowed) {
      if (*v == a) return;
      list += (list.empty() ? "" : ", ") + std::string(a);
    }
    throw std::runtime_error(file.string() + ": \"" + key + "\" is \"" + *v + "\"; expected one of " + list);
  };
  one_of("fail_on", c.fail_on, {"violation", "warning", "advice", "none"});
  one_of("format", c.format, {"json", "html", "sarif", "junit", "md", "csv", "pdf"});
  one_of("render", c.render, {"auto", "always", "never"});
  if (j.contains("strict")) {
    if (!j["strict"].is_boolean()) throw std::runtime_error(file.string() + ": \"strict\" must be true or false");
    c.strict = j["strict"].get<bool>();
  }
  if (j.contains("max_pages")) {
    if (!j["max_pages"].is_number_unsigned() || j["max_pages"].get<std::size_t>() == 0)
      throw std::runtime_error(file.string() + ": \"max_pages\" must be a positive whole number");
    c.max_pages = j["max_pages"].get<std::size_t>();
  }
  c.suppressions = report::parse_suppressions(j.value("suppressions", nlohmann::json()), file.string());
  return c;
}

}  // namespace omnicheck::cli
