// The crawl row's second omnicheck measurement: the same pipeline as `omnicheck audit URL --full
// --no-probe --format json -o FILE` (audit::run, then the JSON report), with the per-host delay
// between request starts set by the caller, because the command line has no option for it.
// bench/run compiles this file with the flags of the omnicheck build it measures and links it
// against that build's libraries (the link line of src/cli); nothing in src/ changes.
//
//   crawl_engine URL RULES_DIR OUT.json DELAY_MS
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>

#include "audit/audit.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: crawl_engine URL RULES_DIR OUT.json DELAY_MS\n";
    return 2;
  }
  try {
    omnicheck::audit::Options opt;
    opt.target = argv[1];
    opt.rules_dir = argv[2];
    opt.full = true;
    opt.probe = false;
    opt.http.per_host_delay_ms = std::atol(argv[4]);
    auto result = omnicheck::audit::run(opt);
    std::ofstream out(argv[3], std::ios::binary);
    out << omnicheck::report::to_json(result.report).dump(2) << "\n";
    return out ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "crawl_engine: " << e.what() << "\n";
    return 2;
  }
}
