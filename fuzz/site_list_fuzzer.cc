// The batch mode's CSV site list (RFC 4180 with what spreadsheets write instead).
#include "batch/csv.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto table = omnicheck::batch::parse_csv(omnicheck::fuzz::as_string(data, size));
  for (const auto& record : table.records) (void)omnicheck::batch::csv_line(record.fields);
  return 0;
}
