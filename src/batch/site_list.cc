#include "batch/site_list.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "audit/audit.h"
#include "batch/csv.h"
#include "batch/shard.h"
#include "fetch/fetch.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;

std::string trim(std::string s) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_http_url(const std::string& s) {
  const std::string l = lower(s.substr(0, 8));
  return l.starts_with("http://") || l.starts_with("https://");
}

bool has_control_char(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

fs::path relative_to(const fs::path& base_dir, const std::string& p) {
  fs::path path(p);
  return path.is_absolute() ? path : base_dir / path;
}

// Column positions from the header line.
struct Columns {
  int url = -1, id = -1, country = -1, emails = -1;
  std::vector<std::pair<int, std::string>> extra;
};

Columns read_header(const CsvRecord& header, const std::string& file) {
  Columns c;
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = lower(trim(header.fields[i]));
    const int col = static_cast<int>(i);
    if (name.empty()) continue;
    if (!seen.emplace(name, col).second) {
      throw audit::InputError(file + ":" + std::to_string(header.line) + ": column '" + name + "' appears twice");
    }
    if (name == "url") c.url = col;
    else if (name == "id") c.id = col;
    else if (name == "country") c.country = col;
    else if (name == "emails" || name == "email") c.emails = col;
    else c.extra.emplace_back(col, trim(header.fields[i]));
  }
  if (c.url < 0) {
    throw audit::InputError(file + ":" + std::to_string(header.line) +
                            ": the header line has no 'url' column (columns: url, id, country, emails)");
  }
  return c;
}

std::string field(const CsvRecord& r, int col) {
  return col >= 0 && static_cast<std::size_t>(col) < r.fields.size() ? trim(r.fields[col]) : std::string();
}

}  // namespace

std::string default_site_id(const std::string& target) {
  std::string t = trim(target);
  if (is_http_url(t)) {
    t.erase(0, t.find("://") + 3);
    const auto slash = t.find_first_of("/?#");
    const std::string host = lower(t.substr(0, slash));
    t = host + (slash == std::string::npos ? "" : t.substr(slash));
  }
  while (t.size() > 1 && t.back() == '/') t.pop_back();
  return t;
}

std::string site_folder_name(const std::string& id) {
  std::string name;
  bool changed = id.empty() || id[0] == '.';
  for (unsigned char c : id) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    name += keep ? static_cast<char>(c) : '_';
    changed |= !keep;
  }
  if (name.size() > 80) {
    name.resize(80);
    changed = true;
  }
  if (!changed) return name;
  char hash[9];
  std::snprintf(hash, sizeof hash, "%08x", static_cast<unsigned>(fnv1a64(id) & 0xffffffffu));
  return name + "-" + hash;
}

SiteList load_site_list(const fs::path& file) {
  SiteList list;
  list.file = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw audit::InputError("cannot read the site list " + list.file);
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  list.sha256 = fetch::sha256_hex(text);
  const fs::path base_dir = fs::absolute(file).parent_path();

  CsvTable table = parse_csv(text);
  const auto where = [&](int line) { return list.file + ":" + std::to_string(line) + ": "; };
  for (const auto& e : table.errors) list.line_errors.emplace_back(e.line, where(e.line) + e.message);
  if (table.records.empty()) {
    throw audit::InputError(list.file + ": no header line (expected columns: url, id, country, emails)");
  }
  if (!table.errors.empty() && table.errors.front().line < table.records.front().line) {
    throw audit::InputError(list.line_errors.front().second + " (in the header line)");
  }
  const Columns cols = read_header(table.records.front(), list.file);

  std::map<std::string, int> id_lines;
  for (std::size_t r = 1; r < table.records.size(); ++r) {
    const CsvRecord& rec = table.records[r];
    if (rec.fields.size() > table.records.front().fields.size()) {
      list.line_errors.emplace_back(rec.line, where(rec.line) + std::to_string(rec.fields.size()) +
                                                  " fields but the header has " +
                                                  std::to_string(table.records.front().fields.size()) +
                                                  " (quote fields that contain commas)");
      continue;
    }
    Site s;
    s.line = rec.line;
    const std::string url = field(rec, cols.url);
    s.id = field(rec, cols.id);
    std::string problem;
    if (url.empty()) {
      problem = "no url";
    } else if (is_http_url(url)) {
      s.target = url;
      s.host = fetch::url_host(url);
      if (s.host.empty() || has_control_char(url)) problem = "not a valid URL: " + url;
    } else if (url.find("://") != std::string::npos) {
      problem = "unsupported URL scheme (http and https only): " + url;
    } else {
      const fs::path folder = relative_to(base_dir, url);
      s.target = folder.lexically_normal().string();
      if (!fs::is_directory(folder)) problem = "site folder not found: " + folder.string();
    }
    if (s.id.empty() && !url.empty() && problem.empty()) s.id = default_site_id(url);
    if (s.id.empty()) {
      list.line_errors.emplace_back(rec.line, where(rec.line) + (problem.empty() ? "no id" : problem));
      continue;
    }
    if (has_control_char(s.id)) {
      list.line_errors.emplace_back(rec.line, where(rec.line) + "the id holds a control character");
      continue;
    }
    if (auto [it, fresh] = id_lines.emplace(s.id, rec.line); !fresh) {
      list.line_errors.emplace_back(rec.line, where(rec.line) + "duplicate id '" + s.id + "' (first on line " +
                                                  std::to_string(it->second) + "); this line is ignored");
      continue;
    }
    s.country = field(rec, cols.country);
    if (problem.empty() && !s.country.empty()) {
      const std::string written = s.country;
      s.country = audit::canonical_country(written);
      if (s.country.empty()) {
        for (char c : written) s.country += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        problem = "country must be an ISO 3166-1 alpha-2 code, got '" + written + "'";
      }
    }
    const std::string emails = field(rec, cols.emails);
    if (!emails.empty()) {
      const fs::path p = relative_to(base_dir, emails);
      s.emails = p.lexically_normal().string();
      if (problem.empty() && !fs::exists(p)) problem = "e-mail path not found: " + p.string();
    }
    for (const auto& [col, name] : cols.extra) {
      if (static_cast<std::size_t>(col) < rec.fields.size()) s.extra[name] = rec.fields[col];
    }
    if (!problem.empty()) s.input_error = where(rec.line) + problem;
    list.sites.push_back(std::move(s));
  }
  std::sort(list.line_errors.begin(), list.line_errors.end());
  return list;
}

}  // namespace omnicheck::batch
