// The report's message catalogues (rules/i18n/<lang>.json). Written by hand rather than with
// gettext's libintl: libintl picks its language from the process locale (setlocale, installed
// locales, LANGUAGE), while a report's language is a per-report choice, several per process in
// batch mode, and must work on a machine with no locale but C.UTF-8. The catalogues keep
// gettext's convention (the English text is the id) and scripts/i18n extracts the ids with
// gettext's xgettext.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "report/report.h"
#include "rules/rules.h"

namespace omnicheck::report {
namespace {

// Splits "A {x} b {y}." into literals {"A ", " b ", "."} and names {"x", "y"}.
bool split_template(const std::string& text, std::vector<std::string>& literals, std::vector<std::string>& names) {
  literals.assign(1, "");
  names.clear();
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i);
      const std::string name = close == std::string::npos ? "" : text.substr(i + 1, close - i - 1);
      const bool ok = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '_';
      });
      if (ok) {
        names.push_back(name);
        literals.emplace_back();
        i = close + 1;
        continue;
      }
    }
    literals.back() += text[i++];
  }
  return !names.empty();
}

constexpr std::size_t kMinMatchedLiteral = 6;

std::size_t literal_size(const std::vector<std::string>& literals) {
  std::size_t n = 0;
  for (const auto& l : literals) n += l.size();
  return n;
}

// Fits `text` to the literals (each placeholder takes at least one character, the shortest run
// that lets the next literal follow). Returns the values, or nothing when it does not fit.
bool fit(std::string_view text, const std::vector<std::string>& literals, std::vector<std::string_view>& values) {
  values.clear();
  if (text.size() < literal_size(literals) + literals.size() - 1) return false;
  if (text.substr(0, literals.front().size()) != literals.front()) return false;
  const std::string& last = literals.back();
  if (text.substr(text.size() - last.size()) != last) return false;
  std::size_t pos = literals.front().size();
  const std::size_t end = text.size() - last.size();
  for (std::size_t k = 1; k + 1 < literals.size(); ++k) {
    const std::size_t at = text.find(literals[k], pos + 1);
    if (at == std::string_view::npos || at + literals[k].size() > end) return false;
    values.push_back(text.substr(pos, at - pos));
    pos = at + literals[k].size();
  }
  if (end <= pos) return false;
  values.push_back(text.substr(pos, end - pos));
  return true;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot read the message catalogue");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

// Without a rules folder (a library user, a unit test) a report is in English and still writes
// its dates as en.json does.
Catalogue::Catalogue()
    : format_({{"date", "{day} {month} {year}"},
               {"months", {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December"}},
               {"time", "{hour}:{minute} UTC"},
               {"date_time_separator", ", "},
               {"thousands", ","}}) {}

Catalogue Catalogue::load(const std::filesystem::path& dir, const std::string& language) {
  Catalogue c;
  c.language_ = language;
  const auto english_path = dir / "en.json";
  nlohmann::json en = nlohmann::json::object();
  if (std::filesystem::exists(english_path)) en = rules::parse_json_with_comments(read_file(english_path), english_path.string());
  nlohmann::json own = en;
  if (language != "en") {
    const auto path = dir / (language + ".json");
    if (!std::filesystem::exists(path)) throw std::runtime_error(path.string() + ": no message catalogue for language " + language);
    own = rules::parse_json_with_comments(read_file(path), path.string());
  }
  c.format_ = own.value("format", en.value("format", nlohmann::json::object()));
  for (const auto& name : en.value("translated_placeholders", nlohmann::json::array())) {
    c.translated_placeholders_.insert(name.get<std::string>());
  }
  // English rewords its own internal terms ("SHARED_COST" -> "shared-cost"): en.json's
  // "messages". Another language's entries come on top of them, so a term it lacks still reads
  // as plain English rather than as a type name.
  const auto add = [&c](const nlohmann::json& messages) {
    if (!messages.is_object()) return;
    for (const auto& [id, text] : messages.items()) {
      if (!text.is_string() || text.get<std::string>().empty()) continue;
      Template t;
      if (split_template(id, t.literals, t.names)) {
        t.translation = text.get<std::string>();
        auto same = std::find_if(c.templates_.begin(), c.templates_.end(),
                                 [&](const Template& o) { return o.literals == t.literals && o.names == t.names; });
        if (same != c.templates_.end()) {
          *same = std::move(t);
        } else {
          c.templates_.push_back(std::move(t));
        }
      } else {
        c.exact_[id] = text.get<std::string>();
      }
    }
  };
  add(en.value("messages", nlohmann::json::object()));
  if (language == "en") {
    // English templates read as themselves, so that the terms in their placeholders are reworded.
    nlohmann::json identity = nlohmann::json::object();
    if (en.contains("templates") && en["templates"].is_object()) {
      for (auto it = en["templates"].begin(); it != en["templates"].end(); ++it) identity[it.key()] = it.key();
    }
    add(identity);
  }
  if (language != "en") add(own.value("messages", nlohmann::json::object()));
  std::stable_sort(c.templates_.begin(), c.templates_.end(), [](const Template& a, const Template& b) {
    return literal_size(a.literals) > literal_size(b.literals);
  });
  return c;
}

std::vector<std::string> Catalogue::available(const std::filesystem::path& dir) {
  std::vector<std::string> out{"en"};
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const auto name = e.path().filename().string();
    if (e.path().extension() == ".json" && name.size() == 7 && name != "en.json") out.push_back(name.substr(0, 2));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Catalogue::language_for_country(const std::filesystem::path& dir, const std::string& country) {
  std::string cc = country;
  for (auto& ch : cc) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (const auto& lang : available(dir)) {
    if (lang == "en") continue;
    const auto path = dir / (lang + ".json");
    try {
      const auto j = rules::parse_json_with_comments(read_file(path), path.string());
      for (const auto& c : j.value("countries", nlohmann::json::array())) {
        if (c.is_string() && c.get<std::string>() == cc) return lang;
      }
    } catch (const std::exception&) {
      continue;  // a broken catalogue is reported when it is loaded, not here
    }
  }
  return "en";
}

std::string Catalogue::operator()(std::string_view english) const { return translate(english, 0); }

std::string Catalogue::translate(std::string_view english, int depth) const {
  if (english.empty()) return {};
  if (auto it = exact_.find(std::string(english)); it != exact_.end()) return it->second;
  std::vector<std::string_view> values;
  for (const auto& t : templates_) {
    // A template of hardly any words ("{values}.") would claim any text: it is filled, never matched.
    if (literal_size(t.literals) < kMinMatchedLiteral) continue;
    if (!fit(english, t.literals, values)) continue;
    std::string out = t.translation;
    for (std::size_t k = 0; k < t.names.size(); ++k) {
      const std::string key = "{" + t.names[k] + "}";
      std::string value(values[k]);
      // A value that is ours (a reason, a phone type) is translated too, but only when it is an
      // entry exactly or a template of ours: merchant text is never rewritten.
      if (depth < 3 && translated_placeholders_.count(t.names[k])) value = translate(value, depth + 1);
      const std::size_t at = out.find(key);
      if (at != std::string::npos) out.replace(at, key.size(), value);
    }
    return out;
  }
  if (language_ != "en" && depth == 0) {
    std::lock_guard<std::mutex> lock(misses_->mutex);
    misses_->texts.insert(std::string(english));
  }
  return std::string(english);
}

std::string Catalogue::fill(std::string_view english_template,
                            const std::vector<std::pair<std::string, std::string>>& values) const {
  std::string out;
  if (auto it = exact_.find(std::string(english_template)); it != exact_.end()) {
    out = it->second;
  } else {
    // A template is an exact id here: look it up by its literal pieces.
    std::vector<std::string> literals, names;
    split_template(std::string(english_template), literals, names);
    out = std::string(english_template);
    bool found = false;
    for (const auto& t : templates_) {
      if (t.literals == literals && t.names == names) {
        out = t.translation;
        found = true;
        break;
      }
    }
    if (!found && language_ != "en") {
      std::lock_guard<std::mutex> lock(misses_->mutex);
      misses_->texts.insert(std::string(english_template));
    }
  }
  for (const auto& [name, value] : values) {
    const std::string key = "{" + name + "}";
    for (std::size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size())) {
      out.replace(at, key.size(), value);
    }
  }
  return out;
}

std::string Catalogue::date_time(const std::string& iso) const {
  // YYYY-MM-DD[THH:MM[:SS…]Z]
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return iso;
  const int month = std::atoi(iso.substr(5, 2).c_str());
  const auto months = format_.value("months", nlohmann::json::array());
  std::string month_name = iso.substr(5, 2);
  if (month >= 1 && month <= 12 && months.is_array() && months.size() == 12) month_name = months[month - 1].get<std::string>();
  const std::string day = std::to_string(std::atoi(iso.substr(8, 2).c_str()));
  std::string out = format_.value("date", std::string("{day} {month} {year}"));
  const auto put = [&out](const std::string& key, const std::string& v) {
    const std::size_t at = out.find(key);
    if (at != std::string::npos) out.replace(at, key.size(), v);
  };
  put("{day}", day);
  put("{month}", month_name);
  put("{year}", iso.substr(0, 4));
  if (iso.size() >= 16 && iso[10] == 'T') {
    std::string time = format_.value("time", std::string("{hour}:{minute} UTC"));
    const std::size_t h = time.find("{hour}");
    if (h != std::string::npos) time.replace(h, 6, iso.substr(11, 2));
    const std::size_t m = time.find("{minute}");
    if (m != std::string::npos) time.replace(m, 8, iso.substr(14, 2));
    out += format_.value("date_time_separator", std::string(", ")) + time;
  }
  return out;
}

std::string Catalogue::number(long long n) const {
  const std::string sep = format_.value("thousands", std::string(","));
  std::string digits = std::to_string(n < 0 ? -n : n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), sep);
  return (n < 0 ? "-" : "") + digits;
}

std::vector<std::string> Catalogue::misses() const {
  std::lock_guard<std::mutex> lock(misses_->mutex);
  return {misses_->texts.begin(), misses_->texts.end()};
}

void localize(Report& r) {
  if (r.findings.empty()) return;
  const Catalogue& t = r.words;
  for (auto& f : r.findings) {
    if (!f.message_en.empty()) continue;  // done already
    f.message_en = f.message;
    f.title = t(f.title);
    f.message = t(f.message);
    f.fix = t(f.fix);
    for (auto& l : f.law) {
      l.act = t(l.act);
      l.article = t(l.article);
    }
    for (auto& e : f.evidence) e.note = t(e.note);
  }
}

}  // namespace omnicheck::report
