// `omnicheck batch merge OUT DIR1 DIR2…`: one store, one set of reports and one aggregate from
// the folders of several shards (or of earlier merges).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "batch/aggregate.h"
#include "batch/batch.h"
#include "batch/shard.h"
#include "batch/store.h"
#include "fetch/fetch.h"

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;

int state_rank(const std::string& state) {
  if (state == "done") return 2;
  if (state == "failed") return 1;
  return 0;
}

// Whether `candidate` should replace `current`: the more final state wins, then the later
// record; on a tie the current one stays, which is what makes a repeated merge a no-op.
bool better(const StoredSite& candidate, const StoredSite& current) {
  if (state_rank(candidate.state) != state_rank(current.state)) {
    return state_rank(candidate.state) > state_rank(current.state);
  }
  return candidate.updated_at > current.updated_at;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string item = s.substr(start, comma - start);
    item.erase(0, item.find_first_not_of(' '));
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

// Copies a site's report folder and checks the copy against the hash its store recorded, so a
// merged result can only carry the reports the shard really wrote.
void copy_reports(const fs::path& from_dir, const fs::path& to_dir, const StoredSite& s,
                  const std::vector<RunRecord>& runs) {
  if (s.report_dir.empty()) return;
  const fs::path src = from_dir / "sites" / s.report_dir;
  const fs::path dest = to_dir / "sites" / s.report_dir;
  if (!fs::is_directory(src)) {
    throw audit::InputError("the reports of site '" + s.site.id + "' are missing: " + src.string());
  }
  std::string expected;
  for (const auto& r : runs) {
    if (!r.report_sha256.empty()) expected = r.report_sha256;
  }
  if (!expected.empty()) {
    std::ifstream in(src / "report.json", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (fetch::sha256_hex(ss.str()) != expected) {
      throw audit::InputError((src / "report.json").string() + " does not match the SHA-256 its store recorded");
    }
  }
  fs::remove_all(dest);
  fs::create_directories(dest.parent_path());
  fs::copy(src, dest, fs::copy_options::recursive);
}

}  // namespace

int merge_batches(const MergeOptions& o) {
  if (o.out_dir.empty() || o.inputs.empty()) throw audit::InputError("batch merge needs OUT and at least one DIR");
  const fs::path out(o.out_dir);
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) throw audit::InputError("cannot create the output folder " + out.string() + ": " + ec.message());
  for (const auto& in : o.inputs) {
    if (!fs::exists(fs::path(in) / kStoreFile)) {
      throw audit::InputError(in + " is not a batch folder (no " + kStoreFile + " in it)");
    }
    if (fs::equivalent(in, out)) throw audit::InputError("cannot merge " + in + " into itself");
  }

  Store target(out / kStoreFile);
  if (target.meta("shard") && !target.meta("merged_from")) {
    throw audit::InputError(out.string() + " holds a batch run, not a merge; merge into a new folder");
  }
  auto merged_from = nlohmann::json::parse(target.meta("merged_from").value_or("[]"), nullptr, false);
  if (!merged_from.is_array()) merged_from = nlohmann::json::array();
  std::set<std::string> shards;
  for (const auto& s : split_list(target.meta("merged_shards").value_or(""))) shards.insert(s);
  std::optional<std::string> list_sha = target.meta("list_sha256");
  std::set<std::string> dates;
  if (auto d = target.meta("audit_date")) dates.insert(*d);

  int taken = 0, kept = 0;
  for (const auto& in_dir : o.inputs) {
    Store source(fs::path(in_dir) / kStoreFile);
    const auto sha = source.meta("list_sha256");
    if (list_sha && sha && *sha != *list_sha) {
      throw audit::InputError(in_dir + " audited another site list (SHA-256 " + *sha + ") than the folders merged into " +
                              out.string() + " (" + *list_sha + ")");
    }
    if (!list_sha && sha) {
      list_sha = sha;
      target.set_meta("list_sha256", *sha);
      if (auto f = source.meta("list_file")) target.set_meta("list_file", *f);
    }
    if (auto d = source.meta("audit_date")) dates.insert(*d);
    if (auto v = source.meta("tool_version")) target.set_meta("tool_version", *v);
    if (auto s = source.meta("shard")) shards.insert(*s);
    for (const auto& s : split_list(source.meta("merged_shards").value_or(""))) shards.insert(s);

    for (const auto& session : source.sessions()) target.add_session(session);
    target.add_line_errors(source.line_errors());
    for (const auto& site : source.sites()) {
      const auto current = target.site(site.site.id);
      if (current && !better(site, *current)) {
        ++kept;
        continue;
      }
      const auto runs = source.runs(site.site.id);
      std::vector<std::vector<FindingRecord>> findings;
      for (const auto& r : runs) findings.push_back(r.outcome == "done" ? source.findings(r.run_uid) : std::vector<FindingRecord>{});
      target.replace_site(site, runs, findings, [&] { copy_reports(in_dir, out, site, runs); });
      ++taken;
    }
    const std::string abs = fs::absolute(in_dir).lexically_normal().string();
    if (std::find(merged_from.begin(), merged_from.end(), abs) == merged_from.end()) merged_from.push_back(abs);
  }

  std::string shard_text;
  int shard_count = -1;
  std::set<int> present;
  bool mixed = false;
  for (const auto& s : shards) {
    shard_text += (shard_text.empty() ? "" : ", ") + s;
    try {
      const Shard sh = parse_shard(s);
      if (shard_count >= 0 && sh.count != shard_count) mixed = true;
      shard_count = sh.count;
      present.insert(sh.index);
    } catch (const audit::InputError&) {
      mixed = true;
    }
  }
  target.set_meta("merged_from", json_text(merged_from));
  target.set_meta("merged_shards", shard_text);
  std::string date_text;
  for (const auto& d : dates) date_text += (date_text.empty() ? "" : ", ") + d;
  target.set_meta("audit_date", date_text);
  write_aggregate(target, out);

  const StoreCounts c = target.counts();
  std::vector<int> missing;
  for (int k = 0; !mixed && k < shard_count; ++k) {
    if (!present.count(k)) missing.push_back(k);
  }
  if (!o.quiet) {
    std::cerr << "omnicheck batch merge: " << out.string() << ": " << c.done << " done, " << c.failed << " failed, "
              << c.pending << " pending of " << c.total << " site(s) from " << o.inputs.size() << " folder(s) ("
              << taken << " taken, " << kept << " already there); shards " << shard_text << "\n";
  }
  for (int k : missing) {
    std::cerr << "omnicheck batch merge: warning: shard " << k << "/" << shard_count << " is missing\n";
  }
  if (mixed) std::cerr << "omnicheck batch merge: warning: the folders were sharded in different ways: " << shard_text << "\n";
  if (dates.size() > 1) std::cerr << "omnicheck batch merge: warning: the folders judge different audit dates: " << date_text << "\n";
  if (c.pending > 0 || !missing.empty()) return kExitInterrupted;
  return c.failed > 0 || !target.line_errors().empty() ? kExitSomeFailed : kExitComplete;
}

}  // namespace omnicheck::batch
