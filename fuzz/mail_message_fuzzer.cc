// The MIME reader (GMime) and the mail extractors on one message: headers, encodings, nested
// multiparts and bodies as a mailbox may hold them.
#include "fuzz/fuzz_support.h"
#include "mail/mail.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace omnicheck;
  mail::Mailbox box;
  std::string error;
  if (auto m = mail::parse_message(fuzz::as_string(data, size), "fuzz.eml", 0, &error)) {
    box.messages.push_back(std::move(*m));
  }
  extract::FactStore facts;
  extract::extract_mail(box, fuzz::lexicon(), facts, {});
  (void)facts.summary().dump();
  return 0;
}
