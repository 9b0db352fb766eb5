// Newline-framed messages on the socket between the batch and its workers (private to the
// batch stage): both ends write whole lines and read them back one at a time.
#pragma once

#include <string>

namespace omnicheck::batch {

// Writes all of `s` to the socket `fd` (retrying after EINTR, no SIGPIPE); false once the peer is gone.
bool send_all(int fd, const std::string& s);

// Reads the next line from `fd` into `line` (without the newline), keeping what follows it in
// `buf` for the next call; false at end of file or on an error.
bool read_line(int fd, std::string& buf, std::string& line);

}  // namespace omnicheck::batch
