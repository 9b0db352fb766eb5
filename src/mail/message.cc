// Message's own member functions.
#include <strings.h>

#include "mail/mail.h"

namespace omnicheck::mail {

std::string Message::header(std::string_view name) const {
  for (const auto& [header_name, value] : headers) {
    if (header_name.size() == name.size() &&
        strncasecmp(header_name.data(), name.data(), name.size()) == 0) {
      return value;
    }
  }
  return {};
}

}  // namespace omnicheck::mail
