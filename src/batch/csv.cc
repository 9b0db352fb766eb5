#include "batch/csv.h"

#include "report/report.h"

namespace omnicheck::batch {
namespace {

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : s_(text) {
    if (s_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
  }

  CsvTable read() {
    while (pos_ < s_.size()) read_record();
    return std::move(table_);
  }

 private:
  bool at_line_end() const { return pos_ >= s_.size() || s_[pos_] == '\n' || s_[pos_] == '\r'; }

  // Consumes one line end (CRLF, LF or a lone CR) if there is one.
  void consume_line_end() {
    if (pos_ < s_.size() && s_[pos_] == '\r') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
    ++line_;
  }

  // After an error: drop the rest of the physical line, so one bad record costs one line.
  void skip_line(int start_line, std::string message) {
    table_.errors.push_back({start_line, std::move(message)});
    while (!at_line_end()) ++pos_;
    consume_line_end();
  }

  void read_record() {
    CsvRecord rec;
    rec.line = line_;
    for (;;) {
      std::string field;
      if (pos_ < s_.size() && s_[pos_] == '"') {
        const int opened = line_;
        ++pos_;
        for (;;) {
          if (pos_ >= s_.size()) {
            table_.errors.push_back({rec.line, "quoted field opened on line " + std::to_string(opened) +
                                                   " is never closed"});
            return;
          }
          const char c = s_[pos_++];
          if (c == '"') {
            if (pos_ < s_.size() && s_[pos_] == '"') {
              field += '"';
              ++pos_;
              continue;
            }
            break;
          }
          if (c == '\n' || (c == '\r' && (pos_ >= s_.size() || s_[pos_] != '\n'))) ++line_;
          field += c;
        }
        if (pos_ < s_.size() && s_[pos_] != ',' && !at_line_end()) {
          return skip_line(rec.line, "text after the closing quote of field " + std::to_string(rec.fields.size() + 1));
        }
      } else {
        while (pos_ < s_.size() && s_[pos_] != ',' && !at_line_end()) {
          if (s_[pos_] == '"') {
            return skip_line(rec.line, "quote inside unquoted field " + std::to_string(rec.fields.size() + 1) +
                                           " (quote the whole field and double the quote)");
          }
          field += s_[pos_++];
        }
      }
      rec.fields.push_back(std::move(field));
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      consume_line_end();
      break;
    }
    const bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
    if (!blank) table_.records.push_back(std::move(rec));
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  int line_ = 1;
  CsvTable table_;
};

}  // namespace

CsvTable parse_csv(std::string_view text) { return CsvReader(text).read(); }

std::string csv_field(std::string_view value) {
  // Merchant text (a Location header, an error quoting a page) must not act on the terminal or
  // spreadsheet that shows the cell: controls and bidi overrides become visible "<U+XXXX>".
  std::string v = report::show_controls(value);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) {
    v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  return out + "\r\n";
}

}  // namespace omnicheck::batch
