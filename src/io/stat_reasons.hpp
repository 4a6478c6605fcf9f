// Internal to io: ReadStat's reasons (readstat_error_t) in the user's
// language, for the SPSS, Stata and SAS readers and the .sav/.dta writer.
#pragma once

#include <optional>
#include <string>

#include "alliance/text/messages.hpp"

namespace alliance::io {

// The catalogue message for ReadStat's error `error` (a readstat_error_t),
// whose English is ReadStat's own (readstat_error_message); nullopt for an
// error this ReadStat does not number (READSTAT_OK, a later addition).
std::optional<text::Msg> stat_reason_id(int error);

// The same as a message argument (text::nested, shown in the language of
// the message it is in), or ReadStat's English when there is no entry.
std::string stat_reason_argument(int error);

}  // namespace alliance::io
