// Every sentence alliance shows a person, in English and French: one
// catalogue for all the layers (core, io, admin, cli), in
// alliance/text/catalogue.inc, each message's two texts side by side under
// an id. The library has no dependency (not even on core), so every layer
// can use it; it does no I/O.
//
// Addressed by id, never by string lookup at run time:
//   - text::Msg::saved, a value: what a message is when it travels as data
//     (a core::Diagnostic, an alliance::Error, a reader's problem) to be
//     rendered where it is printed, in the user's language, by say();
//   - messages(lang).saved, a field: for code that prints in a language it
//     already knows (admin's screens).
// Both are generated from the catalogue, so a misspelt id does not compile.
//
// Templates hold {1}, {2}... filled by fill(), with plural choices
// {N:one|other} (English) and {N:zero|one|other} (French: "0 question").
//
// French typography (tests/text/messages_test.cpp checks every French text):
// a no-break space (U+00A0) before : ; ? ! and inside « », typographic
// apostrophes (’), no "(s)"; numbers in tables for people with a decimal
// comma (decimal()). Machine formats (CSV, TSV, JSON, NDJSON) are never
// translated: their field names, values and problems stay as documented.
//
// A new message: one ALLIANCE_MSG(id, "English", "French") line in
// catalogue.inc, in the section of the layer that shows it; the tests check
// that both texts are there, hold the same placeholders and that the French
// is typeset. The language is chosen once (io::choose_language) and passed
// down as "en" or "fr".
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/text/message.hpp"

namespace alliance::text {

// The ids come from message_ids.inc, which the build writes from the
// catalogue (cmake/message_ids.cmake) and rewrites only when an id is added,
// removed or renamed: the texts are read by src/text/messages.cpp alone, so a
// changed text rebuilds that one file (messages.cpp checks that both agree).
enum class Msg : unsigned short {  // declared in message.hpp
#define ALLIANCE_MSG_ID(id) id,
#include "alliance/text/message_ids.inc"
#undef ALLIANCE_MSG_ID
};

inline constexpr std::size_t kMessageCount = 0
#define ALLIANCE_MSG_ID(id) +1
#include "alliance/text/message_ids.inc"
#undef ALLIANCE_MSG_ID
    ;

// The texts of one language, one field per message (same names as Msg).
struct Messages {
#define ALLIANCE_MSG_ID(id) const char* id;
#include "alliance/text/message_ids.inc"
#undef ALLIANCE_MSG_ID
};

// The languages there are; "fr" is French, anything else English.
inline constexpr const char* kLanguages[] = {"en", "fr"};
bool is_french(std::string_view lang);

// The messages in `lang`.
const Messages& messages(std::string_view lang);

// The text of `id` in `lang`, unfilled.
std::string_view text(std::string_view lang, Msg id);

// The id's name in the catalogue ("saved"): for tests and reports.
std::string_view name(Msg id);

// `templ` with {1}, {2}... replaced by the arguments in order. A plural
// choice {N:one|other} takes `one` when argument N is the number 1 and
// `other` otherwise (English); {N:zero|one|other} also names the form for 0
// (French: "0 question", "1 question", "2 questions"). A placeholder with no
// argument is left as it is.
std::string fill(std::string_view templ, std::initializer_list<std::string_view> args);

// text(lang, id) filled with `args`.
std::string say(std::string_view lang, Msg id, std::initializer_list<std::string_view> args = {});

// Numbers as a table for people shows them: in French, every '.' between
// two digits becomes a decimal comma ("3.25" → "3,25", "1..5" unchanged);
// English is unchanged. Machine formats never call this.
std::string decimal(std::string_view lang, std::string_view number);

// The system's reason for error number `error_number` (an errno value), as an
// argument of a message: for the ones reading and writing files meet
// (ENOENT, EACCES, ENOSPC...), a nested() catalogue message (sys_…), shown in
// the language of the message it is in, whose English is strerror's (glibc's
// words, so English output is as it was); for any other, strerror's text.
std::string system_reason(int error_number);
// The catalogue message system_reason() uses for `error_number`, if any.
std::optional<Msg> system_reason_id(int error_number);

}  // namespace alliance::text
