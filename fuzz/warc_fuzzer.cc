// WARC archives replayed by --replay: plain or gzip members, record by record, with the
// reader's record cap small so that a corrupt length is refused rather than allocated.
#include <unistd.h>

#include <fstream>
#include <stdexcept>

#include "fetch/warc_reader.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("omnicheck-fuzz-" + std::to_string(::getpid()) + ".warc");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    omnicheck::fetch::WarcReader reader(path.string(), 1u << 20);
    for (int i = 0; i < 1000; ++i) {
      auto record = reader.next();
      if (!record) break;
      (void)record->field("WARC-Target-URI");
    }
  } catch (const std::runtime_error&) {
    // a malformed archive is refused with a message
  }
  return 0;
}
