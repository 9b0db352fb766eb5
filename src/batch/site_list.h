// The list of sites a batch audits: a CSV file with a header line naming the columns
// url (required), id, country and emails (optional, any order, case-insensitive); any other
// column is kept with the site as extra data.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace omnicheck::batch {

struct Site {
  std::string id;           // unique in the list; the key of the store and of the shard hash
  int line = 0;             // line of the list the site comes from
  std::string target;       // http(s) URL, or the absolute path of a saved-site folder
  std::string country;      // ISO 3166-1 alpha-2, upper case, "" = let the audit infer it
  std::string emails;       // absolute path of an .eml folder, mbox or Maildir, or ""
  nlohmann::json extra = nlohmann::json::object();  // the list's other columns, by header name
  std::string input_error;  // set when the line names a site that cannot be audited as given
  std::string host;         // lower-case host of a URL target, "" for a folder

  bool operator==(const Site&) const = default;
};

struct SiteList {
  std::string file;    // as given by the user: every message names it
  std::string sha256;  // of the file's bytes: shards of one list carry the same value
  std::vector<Site> sites;
  std::vector<std::pair<int, std::string>> line_errors;  // lines naming no usable site, "FILE:LINE: ..."
};

// Reads and checks the list. Relative folder and e-mail paths are taken relative to the list's
// own folder, so a list travels with the files it names. Throws audit::InputError (naming the
// file) when the file cannot be read or its header has no url column; every other problem is
// reported per line: in Site::input_error when the line names a site (it is then recorded as
// failed with that reason), or in line_errors when it does not (a malformed CSV record, a
// missing url without an id, a duplicate id).
SiteList load_site_list(const std::filesystem::path& file);

// The id of a site whose list line gives none: a URL without its scheme and trailing slash,
// host in lower case ("https://Shop.example/" -> "shop.example"); a folder as written.
std::string default_site_id(const std::string& target_as_written);

// The folder under sites/ holding a site's reports: the id with every character outside
// [a-z0-9._-] replaced by '_', at most 80 characters, followed by "-" and 8 hex digits of the
// id's FNV-1a hash whenever anything was replaced or cut (so two ids never share a folder,
// even on a case-insensitive file system).
std::string site_folder_name(const std::string& site_id);

}  // namespace omnicheck::batch
