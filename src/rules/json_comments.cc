// Rule files are JSON with // and /* */ comments, so a rule can say why it is written as it is.
// nlohmann::json can skip comments itself (ignore_comments), which we use; this wrapper only
// adds the file name to the error a rule author sees.
#include <stdexcept>

#include "rules/rules.h"

namespace omnicheck::rules {

nlohmann::json parse_json_with_comments(const std::string& text, const std::string& what) {
  try {
    return nlohmann::json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::exception& e) {
    // parse_error, and out_of_range for a number too large for a double ("1E400"): both name
    // the file (found by fuzzing: the out_of_range escaped unnamed).
    throw std::runtime_error(what + ": " + e.what());
  }
}

}  // namespace omnicheck::rules
