#include "mail/address_decoding.h"

#include "mail/gobject_ptr.h"
#include "mail/utf8.h"

namespace omnicheck::mail {
namespace {

std::string text_or_empty(const char* s) { return s != nullptr ? valid_utf8(s) : std::string(); }

void append_addresses(InternetAddressList* list, std::vector<Address>& out) {
  const int count = internet_address_list_length(list);
  for (int i = 0; i < count; ++i) {
    InternetAddress* entry = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(entry)) {
      InternetAddressList* members =
          internet_address_group_get_members(INTERNET_ADDRESS_GROUP(entry));
      if (members != nullptr) append_addresses(members, out);
      continue;
    }
    if (!INTERNET_ADDRESS_IS_MAILBOX(entry)) continue;
    Address address;
    address.name = text_or_empty(internet_address_get_name(entry));
    address.address =
        text_or_empty(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(entry)));
    out.push_back(std::move(address));
  }
}

}  // namespace

std::vector<Address> decode_address_list(GMimeParserOptions* options, const std::string& raw) {
  std::vector<Address> out;
  GObjectPtr<InternetAddressList> list(internet_address_list_parse(options, raw.c_str()));
  if (list) append_addresses(list.get(), out);
  return out;
}

}  // namespace omnicheck::mail
