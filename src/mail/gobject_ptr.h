// Owning smart pointers for the GLib/GMime objects the mail stage creates, so every early
// return and exception path drops its reference (the tests run under AddressSanitizer).
#pragma once

#include <glib-object.h>

#include <memory>

namespace omnicheck::mail {

struct GObjectUnref {
  void operator()(gpointer object) const noexcept {
    if (object != nullptr) g_object_unref(object);
  }
};

// A GObject we hold one reference to.
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFreeDeleter {
  void operator()(gpointer memory) const noexcept { g_free(memory); }
};

// A string GLib/GMime allocated and handed over to us.
using GCharPtr = std::unique_ptr<char, GFreeDeleter>;

}  // namespace omnicheck::mail
