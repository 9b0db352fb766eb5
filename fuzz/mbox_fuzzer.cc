// The mailbox readers on a whole file: mbox splitting ("From " lines, >From quoting), and the
// sniffing that tells an mbox from a single message.
#include <unistd.h>

#include <fstream>

#include "fuzz/fuzz_support.h"
#include "mail/mail.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace omnicheck;
  // read_mail reads files: one file per process, rewritten for each input.
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("omnicheck-fuzz-" + std::to_string(::getpid()) + ".mbox");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    mail::Mailbox box = mail::read_mail(path);
    extract::FactStore facts;
    extract::extract_mail(box, fuzz::lexicon(), facts, {});
  } catch (const std::runtime_error&) {
    // an unreadable path is reported by name; nothing else may throw
  }
  return 0;
}
