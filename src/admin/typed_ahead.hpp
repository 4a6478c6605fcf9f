// Keys typed ahead on a full screen, as the runner's screens and the failed-save screen
// (runner.cpp, save_failure.cpp) take them: nothing is answered unseen.
#pragma once

#include "alliance/admin/terminal.hpp"

namespace alliance::admin {

class TypedAhead {
 public:
  // A new screen is about to be drawn: the keys typed before it are discarded, and a complete
  // screen (one that shows all it must) says so when there were any. True when that changes
  // what the screen says (draw it again with sign()).
  bool on_new_screen(Console& console, bool complete) {
    drop_repeats_ = true;
    const bool sign = console.discard_typed_ahead() > 0 && complete;
    if (sign == sign_) return false;
    sign_ = sign;
    return true;
  }

  // Whether a key read on the screen counts. A resize does not (the same screen is drawn again,
  // its sign kept), nor a key held down since an earlier screen (its repeats are dropped, and
  // said like keys typed ahead); any other key does, and the sign goes.
  bool takes(const Key& key, bool complete) {
    if (key.kind == KeyKind::resize) return false;
    if (key.repeat && drop_repeats_) {
      sign_ = complete;
      return false;
    }
    sign_ = false;
    drop_repeats_ = false;
    return true;
  }

  // Whether the screen says that keys were not used.
  bool sign() const { return sign_; }

 private:
  bool sign_ = false;
  bool drop_repeats_ = false;  // a new screen since the last key: a held key's repeats do not count
};

}  // namespace alliance::admin
