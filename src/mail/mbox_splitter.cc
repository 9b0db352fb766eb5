#include "mail/mbox_splitter.h"

#include <string_view>

namespace omnicheck::mail {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_from_line(std::string_view line) { return line.substr(0, 5) == "From "; }

// mboxrd: ">From ", ">>From ", ... were written for "From ", ">From ", ...
bool is_quoted_from_line(std::string_view line) {
  const auto first_other = line.find_first_not_of('>');
  return first_other != 0 && first_other != std::string_view::npos &&
         line.substr(first_other, 5) == "From ";
}

// Drops the separator: the last line of a message, when empty, belongs to the mbox format.
void drop_separator_line(std::string& raw) {
  if (raw.size() >= 2 && raw.compare(raw.size() - 2, 2, "\n\n") == 0) {
    raw.pop_back();
  } else if (raw.size() >= 4 && raw.compare(raw.size() - 4, 4, "\r\n\r\n") == 0) {
    raw.resize(raw.size() - 2);
  }
}

}  // namespace

bool MboxSplitter::read_line() {
  line_offset_ = position_;
  if (!std::getline(in_, line_)) return false;
  line_has_newline_ = !in_.eof();
  position_ += line_.size() + (line_has_newline_ ? 1 : 0);
  if (!started_) {
    started_ = true;
    if (std::string_view(line_).substr(0, kUtf8Bom.size()) == kUtf8Bom) {
      line_.erase(0, kUtf8Bom.size());
      line_offset_ += kUtf8Bom.size();
    }
  }
  return true;
}

bool MboxSplitter::next(MboxEntry& entry) {
  entry = MboxEntry{};
  if (line_pending_) {
    line_pending_ = false;
    entry.offset = line_offset_;
  } else {
    if (!read_line()) return false;
    if (is_from_line(line_)) {
      entry.offset = line_offset_;
    } else {
      // Only possible at the very start: text before the first From_ line.
      entry.has_from_line = false;
      entry.offset = line_offset_;
      entry.raw = line_;
      if (line_has_newline_) entry.raw += '\n';
    }
  }

  while (read_line()) {
    if (is_from_line(line_)) {
      line_pending_ = true;
      break;
    }
    std::string_view text = line_;
    if (is_quoted_from_line(text)) text.remove_prefix(1);
    // Past the budget the lines are read (to find the next message) but not kept.
    if (entry.raw.size() + text.size() + 1 > kMaxMessageBytes) {
      entry.cut = true;
      continue;
    }
    entry.raw.append(text);
    if (line_has_newline_) entry.raw += '\n';
  }
  drop_separator_line(entry.raw);
  return true;
}

}  // namespace omnicheck::mail
