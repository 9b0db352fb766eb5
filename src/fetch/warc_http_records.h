// How the HTTP fetcher's exchanges and pages are laid out in its WARC archive, and how
// replay reads them back. One place for both directions keeps them in step.
//
// Per HTTP exchange: a `request` record (the request head as libcurl sent it) and a
// `response` record (the response head as received, then the body as transferred: content
// coding such as gzip kept, chunked transfer coding removed by libcurl; HTTP/2 heads appear in
// libcurl's HTTP/1.1-style rendering). An exchange cut short carries WARC-Truncated.
// Per Page handed to the crawl: a `metadata` record (application/warc-fields) with the
// requested and final URL, redirect chain, status, fetched-at, sha256 of the decoded body and
// the error if any, WARC-Refers-To the final response. Replay serves Pages from these.
#pragma once

#include <optional>
#include <string>

#include "fetch/fetch.h"
#include "fetch/warc_reader.h"
#include "fetch/warc_writer.h"

namespace omnicheck::fetch {

class HttpExchange;

// Writes the warcinfo record that opens the archive.
void archive_warcinfo(WarcWriter& w, const std::string& start_url, const HttpOptions& o);
// Writes the request and response records of one exchange; returns the response record id,
// "" when no response head arrived (nothing but the Page metadata records the failure).
std::string archive_exchange(WarcWriter& w, const HttpExchange& ex);
// Writes the metadata record of one Page. `purpose` is "page", "robots" or "sitemap".
void archive_page(WarcWriter& w, const Page& page, const std::string& purpose, const std::string& response_id);

struct ArchivedPage {
  Page page;  // everything but body, headers, content_type, charset (those come from the response)
  std::string purpose;
  std::string response_id;  // "" if none
};
// nullopt unless `rec` is a Page metadata record written by archive_page.
std::optional<ArchivedPage> read_page_metadata(const WarcRecord& rec);

}  // namespace omnicheck::fetch
