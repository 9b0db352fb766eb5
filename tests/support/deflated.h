#pragma once
// Compressed test bodies made with zlib itself, the library servers use (gzip: window_bits 31;
// zlib: 15; raw deflate: -15).
#include <zlib.h>

#include <string>

namespace omnicheck::testing {

inline std::string deflated(const std::string& data, int window_bits) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  // Shrinks only; erase(), because GCC 12 misreads resize() here as a possibly huge memset.
  out.erase(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

inline std::string gzipped(const std::string& data) { return deflated(data, 15 + 16); }

}  // namespace omnicheck::testing
