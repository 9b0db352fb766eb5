#include "extract/registrable_domain.h"

#include <libpsl.h>

#include <cctype>
#include <memory>

namespace omnicheck::extract {
namespace {

struct PslFree {
  void operator()(psl_ctx_t* ctx) const { psl_free(ctx); }
};

// The distribution's list (Debian: /usr/share/publicsuffix) when present, as it is kept more
// current than the copy compiled into the library; the built-in list otherwise.
const psl_ctx_t* psl_context() {
  static const std::unique_ptr<psl_ctx_t, PslFree> latest(psl_latest(nullptr));
  return latest ? latest.get() : psl_builtin();
}

}  // namespace

std::string address_domain(std::string_view address) {
  auto at = address.rfind('@');
  if (at == std::string_view::npos) return {};
  std::string d(address.substr(at + 1));
  while (!d.empty() && (d.back() == '.' || d.back() == '>' || std::isspace(static_cast<unsigned char>(d.back()))))
    d.pop_back();
  for (auto& c : d) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return d;
}

std::string registrable_domain(std::string_view host_or_address) {
  std::string host = host_or_address.find('@') != std::string_view::npos ? address_domain(host_or_address)
                                                                         : std::string(host_or_address);
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty() || host.front() == '[') return {};  // address literal: no domain at all
  const psl_ctx_t* ctx = psl_context();
  if (!ctx) return {};
  char* lower = nullptr;
  if (psl_str_to_utf8lower(host.c_str(), nullptr, nullptr, &lower) != PSL_SUCCESS || !lower) return {};
  std::string out;
  if (const char* reg = psl_registrable_domain(ctx, lower)) out = reg;
  psl_free_string(lower);
  return out;
}

}  // namespace omnicheck::extract
