// omnicheck html stage: Gumbo parse of a fetched page into a Document: UTF-8 text with
// offsets, page regions, links, forms, scripts and JSON-LD blocks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/fetch.h"

namespace omnicheck::html {

// A run of text from one block-level element; `text` offsets are byte offsets into
// Document::text. Blocks are separated by '\n' in Document::text; <br> becomes '\n' too.
struct Block {
  std::size_t begin = 0, end = 0;
  std::string region;   // header | nav | main | footer | aside | consent (cookie banner)
  std::string locator;  // CSS-like path, e.g. "footer > div.legal > p:nth-of-type(2)"
};

struct Link {
  std::string href;     // as written
  std::string url;      // resolved, absolute, no fragment ("" when not resolvable)
  std::string text;     // visible text, else title/aria-label/img alt
  std::string region;
  std::string locator;
  std::size_t offset = 0;  // where its text starts in Document::text
};

struct Form {
  std::string action;   // resolved absolute URL ("" = the page itself)
  std::string method;   // lower case
  std::vector<std::string> fields;  // input/select/textarea names and types
  std::string region, locator;
  std::size_t offset = 0;
};

struct Script {
  std::string src;      // resolved absolute URL, "" for inline
  std::string inline_head;  // first bytes of an inline script (widget loaders are recognised by it)
};

// Text that may carry a price's role, for the extract stage to judge: struck through (<del>,
// <s>, <strike>, inline `text-decoration: line-through`) or inside an element whose class
// string may name a price role ("old-price", "price--compare", "streichpreis"). Which class
// tokens mean an old price is lexicon data, read by extract; the parse only keeps the strings.
// Runs holding a digit are kept, and price-classed runs of a word or two (a "Sale" badge).
struct Mark {
  std::size_t begin = 0, end = 0;  // byte offsets into Document::text
  bool struck = false;
  std::string classes;  // the element's class attribute when it may name a price role, else ""
  std::string context;  // class attributes of the enclosing elements that may (a sale card), nearest first
};

struct Document {
  std::string url;      // the page's final URL
  std::string charset;  // the charset the bytes were decoded from
  std::string lang;
  std::string title;
  std::string text;     // visible text, UTF-8
  std::vector<Block> blocks;
  std::vector<Link> links;
  std::vector<Form> forms;
  std::vector<Script> scripts;
  std::vector<std::string> jsonld;  // raw JSON-LD blocks
  std::vector<Mark> marks;          // ordered by begin; only short runs

  const Block* block_at(std::size_t offset) const;
  std::string region_at(std::size_t offset) const;
};

// Decodes `page.body` (charset from BOM, then HTTP header, then <meta>, else UTF-8 with a
// windows-1252 fallback for invalid bytes) and parses it.
Document parse(const fetch::Page& page);

// Converts raw bytes to UTF-8 given a declared charset (may be empty); reports the charset used.
std::string to_utf8(std::string_view bytes, std::string_view declared, std::string* used = nullptr);

// Visible text of an HTML fragment (used for text/html e-mail bodies).
std::string html_to_text(std::string_view html_utf8);

}  // namespace omnicheck::html
