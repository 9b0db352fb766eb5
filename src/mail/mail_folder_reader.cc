#include "mail/mail_folder_reader.h"

#include <strings.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "mail/mail_file_reader.h"

namespace omnicheck::mail {
namespace fs = std::filesystem;

namespace {

enum class Candidate {
  maildir_message,  // a message by its place in a Maildir, whatever its name
  eml_file,         // named as mail: read it, report it if it is not
  maybe_mail,       // read only if its content sniffs as mail
};

struct FoundFile {
  fs::path path;
  Candidate kind;
};

bool is_directory_no_throw(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

bool extension_is(const fs::path& path, const char* extension) {
  return strcasecmp(path.extension().string().c_str(), extension) == 0;
}

class FolderWalker {
 public:
  explicit FolderWalker(Mailbox& box) : box_(box) {}

  void walk(const fs::path& dir, bool is_root) {
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
    if (ec) {
      const std::string reason = "cannot list folder: " + ec.message();
      if (is_root)
        throw std::runtime_error("cannot read mail from '" + dir.string() + "': " + ec.message());
      box_.errors.push_back({dir.string(), 0, reason});
      return;
    }

    const bool in_maildir = is_maildir(dir);
    const std::string dir_name = dir.filename().string();
    const bool in_maildir_mail_folder =
        (dir_name == "cur" || dir_name == "new") && is_maildir(dir.parent_path());

    for (const auto& entry : entries) {
      const fs::path& path = entry.path();
      const std::string name = path.filename().string();
      std::error_code type_ec;
      if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) {
        // Hidden folders are skipped (.git, .cache) except Maildir++ subfolders, which are
        // hidden by convention; a Maildir's tmp/ holds deliveries still being written.
        if (name.front() == '.' && !in_maildir) continue;
        if (in_maildir && name == "tmp") continue;
        walk(path, false);
        continue;
      }
      if (!entry.is_regular_file(type_ec) || name.front() == '.') continue;
      if (in_maildir_mail_folder) {
        found_.push_back({path, Candidate::maildir_message});
      } else if (extension_is(path, ".eml")) {
        found_.push_back({path, Candidate::eml_file});
      } else if (!path.has_extension() || extension_is(path, ".mbox")) {
        found_.push_back({path, Candidate::maybe_mail});
      }
    }
  }

  void read_found() {
    std::sort(found_.begin(), found_.end(),
              [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
    for (const auto& file : found_) {
      try {
        read_one(file);
      } catch (const std::exception& e) {
        box_.errors.push_back({file.path.string(), 0, e.what()});
      }
    }
  }

 private:
  void read_one(const FoundFile& file) {
    switch (file.kind) {
      case Candidate::maildir_message:
        read_message_file(file.path, box_);
        return;
      case Candidate::eml_file:
        read_mail_file(file.path, box_);
        return;
      case Candidate::maybe_mail:
        read_mail_file_if_mail(file.path, box_);
        return;
    }
  }

  Mailbox& box_;
  std::vector<FoundFile> found_;
};

}  // namespace

bool is_maildir(const fs::path& dir) {
  return is_directory_no_throw(dir / "cur") || is_directory_no_throw(dir / "new");
}

void read_mail_folder(const fs::path& root, Mailbox& box) {
  FolderWalker walker(box);
  walker.walk(root, true);
  walker.read_found();
}

}  // namespace omnicheck::mail
