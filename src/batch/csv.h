// RFC 4180 CSV: a reader that keeps going past a malformed record (reporting it with its line
// number) and a writer for the aggregate tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace omnicheck::batch {

struct CsvRecord {
  int line = 0;  // physical line (1-based) on which the record starts
  std::vector<std::string> fields;
};

struct CsvError {
  int line = 0;
  std::string message;
};

struct CsvTable {
  std::vector<CsvRecord> records;  // header included, blank lines skipped
  std::vector<CsvError> errors;    // malformed records, each skipped up to its line end
};

// Fields are separated by commas and records by CRLF or LF. A field in double quotes may hold
// commas, line breaks and "" for a quote. A leading UTF-8 byte-order mark is ignored.
// Malformed records (a quote inside an unquoted field, text after a closing quote, a quoted
// field never closed) go to `errors` and reading resumes on the next line.
CsvTable parse_csv(std::string_view text);

// One field, quoted when it holds a comma, quote, CR or LF. A cell a spreadsheet would read as
// a formula (leading = + - @ tab CR) gets a leading apostrophe: the tables hold merchant text.
std::string csv_field(std::string_view value);
// A whole record with CRLF.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace omnicheck::batch
