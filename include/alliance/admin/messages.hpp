// The prompts and messages of `alliance administer` live in the program's one
// catalogue (alliance/text/catalogue.inc, section "admin"), with every other
// layer's: this header keeps admin's short names for it.
#pragma once

#include <string>

#include "alliance/text/messages.hpp"

namespace alliance::admin {

using text::fill;
using text::Messages;

// The messages in `lang` ("fr"; anything else is English).
inline const Messages& messages(const std::string& lang) {
  return text::messages(lang);
}

}  // namespace alliance::admin
