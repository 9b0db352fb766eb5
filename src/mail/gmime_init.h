// One-time GMime initialisation shared by every entry point of the mail stage.
#pragma once

namespace omnicheck::mail {

// Safe to call from any thread, any number of times; only the first call initialises GMime.
void ensure_gmime_initialized();

}  // namespace omnicheck::mail
