// The signed evidence manifest: every file of an audit's output (and the archive and mailbox it
// read) with its SHA-256, signed with Ed25519 through OpenSSL, so that anyone holding the
// folder can show that nothing changed after the audit (`omnicheck verify DIR`).
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <algorithm>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "fetch/fetch.h"
#include "report/report.h"

namespace omnicheck::report {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFormat = "omnicheck-manifest/1";
constexpr std::size_t kMaxMailFiles = 200000;  // a Maildir of a shop's year, not a mail server

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

fs::path default_key_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  fs::path base = xdg && *xdg ? fs::path(xdg) : fs::path(home && *home ? home : ".") / ".config";
  return base / "omnicheck" / "signing-key.pem";
}

Pkey read_private_key(const fs::path& p) {
  std::FILE* f = std::fopen(p.c_str(), "rb");
  if (!f) return nullptr;
  EVP_PKEY* k = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  return Pkey(k);
}

// The key named, or the user's own one, created on first use (readable by the user alone).
Pkey signing_key(const std::string& key_file, std::string* used) {
  fs::path path = key_file.empty() ? default_key_path() : fs::path(key_file);
  *used = path.string();
  if (Pkey k = read_private_key(path)) {
    if (EVP_PKEY_id(k.get()) != EVP_PKEY_ED25519) throw std::runtime_error(path.string() + ": not an Ed25519 private key");
    return k;
  }
  if (!key_file.empty()) throw std::runtime_error("cannot read the signing key " + path.string());
  EVP_PKEY* raw = nullptr;
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
  if (!ctx || EVP_PKEY_keygen_init(ctx) <= 0 || EVP_PKEY_keygen(ctx, &raw) <= 0) {
    EVP_PKEY_CTX_free(ctx);
    throw std::runtime_error("cannot generate an Ed25519 key");
  }
  EVP_PKEY_CTX_free(ctx);
  Pkey k(raw);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  mode_t old = ::umask(077);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ::umask(old);
  if (!f || PEM_write_PrivateKey(f, k.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    if (f) std::fclose(f);
    throw std::runtime_error("cannot write the signing key " + path.string());
  }
  std::fclose(f);
  return k;
}

std::string raw_public(EVP_PKEY* k) {
  unsigned char pub[64];
  std::size_t n = sizeof pub;
  if (EVP_PKEY_get_raw_public_key(k, pub, &n) != 1) throw std::runtime_error("cannot read the public key");
  return std::string(reinterpret_cast<char*>(pub), n);
}

// What is signed: the manifest without its signature, as compact JSON with sorted keys.
std::string signed_bytes(nlohmann::json manifest) {
  manifest.erase("signature");
  return manifest.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A file's name in the manifest: relative to the folder when it lies below it.
std::string listed_path(const fs::path& file, const fs::path& dir) {
  std::error_code ec;
  fs::path abs = fs::absolute(file, ec).lexically_normal();
  fs::path rel = abs.lexically_relative(fs::absolute(dir, ec).lexically_normal());
  if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  return abs.generic_string();
}

}  // namespace

std::vector<fs::path> files_of(const fs::path& path, std::size_t max, std::size_t* more) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<fs::path> found;
  for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec)) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  if (found.size() > max) {
    if (more) *more = found.size() - max;
    found.resize(max);
  }
  return found;
}

std::string write_manifest(const fs::path& dir, const std::vector<ManifestInput>& inputs, const std::string& key_file,
                           const std::string& target) {
  nlohmann::json files = nlohmann::json::array();
  auto add = [&](const fs::path& p, const std::string& role) {
    std::uint64_t bytes = 0;
    std::string sha = fetch::sha256_file_hex(p.string(), &bytes);
    if (sha.empty()) throw std::runtime_error("cannot read " + p.string() + " for the evidence manifest");
    files.push_back({{"path", listed_path(p, dir)}, {"sha256", sha}, {"bytes", bytes}, {"role", role}});
  };
  for (const auto& in : inputs) {
    for (const auto& f : files_of(in.path, kMaxMailFiles)) add(f, in.role);
  }
  std::string key_used;
  Pkey key = signing_key(key_file, &key_used);
  const std::string pub = raw_public(key.get());
  nlohmann::json manifest = {
      {"format", kFormat},
      {"created_at", fetch::now_rfc3339()},
      {"target", target},
      {"files", files},
      {"key", {{"algorithm", "Ed25519"},
               {"public_key", fetch::base64_encode(pub)},
               {"fingerprint", fetch::sha256_hex(pub).substr(0, 32)}}}};
  const std::string msg = signed_bytes(manifest);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned char sig[64];
  std::size_t sig_len = sizeof sig;
  bool ok = EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key.get()) == 1 &&
            EVP_DigestSign(ctx, sig, &sig_len, reinterpret_cast<const unsigned char*>(msg.data()), msg.size()) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) throw std::runtime_error("cannot sign the evidence manifest");
  manifest["signature"] = fetch::base64_encode(std::string_view(reinterpret_cast<const char*>(sig), sig_len));
  const fs::path out = dir / "manifest.json";
  std::ofstream os(out, std::ios::binary | std::ios::trunc);
  os << manifest.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  if (!os) throw std::runtime_error("cannot write " + out.string());
  return manifest["key"]["fingerprint"];
}

VerifyResult verify_manifest(const fs::path& dir) {
  VerifyResult r;
  std::ifstream in(dir / "manifest.json", std::ios::binary);
  if (!in) {
    r.readable = false;
    r.problems.push_back("no manifest.json in " + dir.string());
    return r;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json m = nlohmann::json::parse(ss.str(), nullptr, false);
  if (m.is_discarded() || !m.is_object() || m.value("format", "") != kFormat || !m.contains("files") ||
      !m["files"].is_array() || !m.contains("key") || !m.contains("signature")) {
    r.readable = false;
    r.problems.push_back((dir / "manifest.json").string() + ": not an omnicheck evidence manifest");
    return r;
  }
  r.fingerprint = m["key"].value("fingerprint", "");
  // The signature first: a manifest whose listed hashes were edited to match edited files fails
  // here, whatever the files say.
  const std::string pub = fetch::base64_decode(m["key"].value("public_key", ""));
  const std::string sig = fetch::base64_decode(m.value("signature", ""));
  Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(pub.data()),
                                       pub.size()));
  bool signature_ok = false;
  if (key && r.fingerprint == fetch::sha256_hex(pub).substr(0, 32)) {
    const std::string msg = signed_bytes(m);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    signature_ok = EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key.get()) == 1 &&
                   EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                                    reinterpret_cast<const unsigned char*>(msg.data()), msg.size()) == 1;
    EVP_MD_CTX_free(ctx);
  }
  if (!signature_ok) r.problems.push_back("the signature does not match the manifest (it was changed after signing)");
  for (const auto& f : m["files"]) {
    const std::string listed = f.value("path", "");
    fs::path p = fs::path(listed).is_absolute() ? fs::path(listed) : dir / listed;
    std::uint64_t bytes = 0;
    std::string sha = fetch::sha256_file_hex(p.string(), &bytes);
    ++r.checked;
    if (sha.empty()) {
      r.problems.push_back("missing: " + listed);
    } else if (sha != f.value("sha256", "")) {
      r.problems.push_back("changed: " + listed + " (SHA-256 " + sha + ", signed " + f.value("sha256", "") + ")");
    }
  }
  r.ok = r.problems.empty();
  return r;
}

}  // namespace omnicheck::report
