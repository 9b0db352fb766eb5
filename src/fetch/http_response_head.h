// Reading an HTTP response head, shared by the live fetcher and WARC replay so both fill a
// Page the same way.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fetch/fetch.h"

namespace omnicheck::fetch {

struct ResponseHead {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names, in order
  // Value of the first header called `name` (lower case), "" if none.
  std::string get(const std::string& name) const;
  bool has(const std::string& name) const;
};

// Whether `line` starts a response ("HTTP/1.1 200 OK", "HTTP/2 200"); sets *status.
bool parse_status_line(const std::string& line, int* status);
// Adds one "Name: value" line to `head`; obsolete folded continuation lines are joined.
void add_header_line(ResponseHead* head, const std::string& line);
// Parses a whole head (status line, header lines, blank line); the length of the head in
// `text` (through the blank line) goes to *head_len. nullopt when `text` has no full head.
std::optional<ResponseHead> parse_response_head(const std::string& text, std::size_t* head_len);

// "text/HTML; Charset=\"ISO-8859-1\"" -> media "text/html", charset "ISO-8859-1" (as sent).
void parse_content_type(const std::string& value, std::string* media, std::string* charset);
// Whether a media type can hold a page the later stages read. Unknown ("") counts as a page:
// telling HTML by its bytes is the parser's job.
bool is_page_media_type(const std::string& media);
// Retry-After as seconds from now (delta-seconds or an HTTP-date), nullopt if unparsable.
std::optional<long> parse_retry_after(const std::string& value);

// Sets status, the selected headers, content_type and charset of `page` from `head`.
void fill_page_from_head(const ResponseHead& head, Page* page);

}  // namespace omnicheck::fetch
