// omnicheck.json: a project's own settings for `omnicheck audit` (docs/configuration.md), found
// the way .semgrepignore or .pa11yci are: in the working directory, else in the nearest parent
// folder, stopping at the repository's top (a folder with .git) or the filesystem root.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace omnicheck::cli {

struct ProjectConfig {
  std::filesystem::path file;  // where it was read from
  // Defaults for options not given on the command line; paths are relative to the file's folder.
  std::optional<std::string> target, emails, country, lang, fail_on, format, output, out_dir, baseline, render;
  std::optional<bool> strict;
  std::optional<std::size_t> max_pages;
  std::vector<report::Suppression> suppressions;
};

// The config file to use: `explicit_file` when given (it must exist), else the nearest
// omnicheck.json from `start` up. nullopt when there is none.
std::optional<std::filesystem::path> find_config(const std::string& explicit_file, const std::filesystem::path& start);

// Reads and checks it; throws std::runtime_error naming the file and the key for anything
// unknown, mistyped or malformed (a suppression without reason or expiry included).
ProjectConfig load_config(const std::filesystem::path& file);

}  // namespace omnicheck::cli
