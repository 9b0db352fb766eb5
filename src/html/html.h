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
  bool heading = false;  // inside h1-h6: a section title, which ends what a label above it reaches
};

struct Link {
  std::string href;     // as written
  std::string url;      // resolved, absolute, no fragment ("" when not resolvable)
  std::string text;     // visible text, else title/aria-label/img alt
  std::string region;
  std::string locator;
  std::size_t offset = 0;  // where its text starts in Document::text
  bool product = false;    // inside a product tile of a listing (html/region_classifier.h)
};

// A form with what tells its purpose apart (a contact form from a search box, a log-in, a review
// or comment form): its fields, its own and its wrappers' ids and classes, the words a person
// reads in it and the heading above it. Extract judges these from lexicon data.
struct Form {
  std::string action;   // resolved absolute URL ("" = the page itself)
  std::string method;   // lower case
  // input/select/textarea "type:name" (the type alone when unnamed), in source order: those
  // inside the element, those the parser left outside it (a <form> opened inside a <table> is
  // closed before the rows, but its cells' inputs still belong to it) and those naming it with
  // form="id". Fields hidden inside the form (honeypots, plugin bookkeeping) are left out.
  std::vector<std::string> fields;
  std::string region, locator;
  std::size_t offset = 0;
  // id, class, name and aria-label of the form, then id and class of up to four enclosing
  // elements ("wpcf7-f112-p40-o1 wpcf7 no-js"), space-separated, as written.
  std::string attrs;
  std::string text;     // its labels, legends, button texts and placeholders (at most ~1 KB)
  std::string heading;  // the last heading (h1-h6) before it, collapsed
  // Plugins and modals hide forms until a script shows them (Gravity Forms' wrapper with
  // style="display:none", an aria-hidden modal): such a form is recorded with visible = false
  // and `hidden_by` naming the element and what hid it ("div#gform_wrapper_3: display:none").
  bool visible = true;
  std::string hidden_by;
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
  // Set when the page went past a reading budget (elements nested deeper than browsers build):
  // what was read and what was not, for the report.
  std::string limit_note;

  const Block* block_at(std::size_t offset) const;
  std::string region_at(std::size_t offset) const;
};

// Decodes `page.body` (charset from BOM, then HTTP header, then <meta>, else UTF-8 with a
// windows-1252 fallback for invalid bytes) and parses it. A page rendered in a browser is read
// from its rendered DOM instead (Page::rendered_dom).
Document parse(const fetch::Page& page);

// Converts raw bytes to UTF-8 given a declared charset (may be empty); reports the charset used.
std::string to_utf8(std::string_view bytes, std::string_view declared, std::string* used = nullptr);

// Visible text of an HTML fragment (used for text/html e-mail bodies).
std::string html_to_text(std::string_view html_utf8);

}  // namespace omnicheck::html
