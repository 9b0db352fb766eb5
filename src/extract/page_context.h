// What every site extractor needs about the page it reads (private to the extract stage).
#pragma once

#include <string>
#include <string_view>

#include "extract/extract.h"
#include "extract/text_pattern.h"

namespace omnicheck::extract {

struct PageContext {
  const fetch::Page* page = nullptr;
  const html::Document* doc = nullptr;
  bool is_home = false;
  std::string country;  // best guess for the trader, used as the phone region and postcode hint
};

// The quoted text around [begin, end) with the match marked [[…]], cut at UTF-8 boundaries
// and at most about `radius` bytes either side, within the same line where possible.
std::string make_snippet(std::string_view text, std::size_t begin, std::size_t end, std::size_t radius = 90);

Evidence web_evidence(const PageContext& pc, std::size_t begin, std::size_t end, std::string note);

// The page-level part of web evidence (URL, time, status, hash), for facts that quote no text.
Evidence page_evidence(const fetch::Page& page, std::string note);

// Base attributes every site fact carries.
nlohmann::json site_attrs(const PageContext& pc, std::size_t offset);

}  // namespace omnicheck::extract
