// Paths and small helpers shared by the tests.
#pragma once
#include <filesystem>
#include <string>

namespace omnicheck::testing {
inline std::filesystem::path source_dir() { return OMNICHECK_SOURCE_DIR; }
inline std::filesystem::path shared_dir() { return OMNICHECK_SHARED_DIR; }
inline std::filesystem::path fixtures_dir() { return source_dir() / "fixtures"; }
inline std::filesystem::path rules_dir() { return source_dir() / "rules"; }
inline std::string omnicheck_binary() { return OMNICHECK_BINARY; }
std::string read_file(const std::filesystem::path& p);
// Runs a shell command, returns its exit code and captures stdout.
int run_command(const std::string& cmd, std::string* out);
// An empty folder under the system temp dir named after `name` and this process (made anew).
std::filesystem::path fresh_dir(const std::string& name);
}  // namespace omnicheck::testing
