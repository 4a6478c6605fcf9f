// The names of the response files `alliance administer` writes
// (docs/administration.md, "Files"): respondent ids checked and
// NFC-normalised, written one-to-one into file names, the default names with
// their sequence numbers, and finding the files of one respondent in a
// directory. No terminal and no messages: callers say what is wrong, in the
// session's language.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alliance::io {

// Why a respondent id cannot be used.
enum class IdProblem {
  none,
  invalid_utf8,       // not UTF-8 text
  control_character,  // a control or invisible character: tab, line break, zero-width space, bidi override
  blank,              // empty, or only spaces
  edge_space,         // a space at the start or the end
  too_long,           // more than kMaxRespondentLength characters
};

inline constexpr std::size_t kMaxRespondentLength = 64;  // characters (code points, after NFC)

struct RespondentId {
  std::string id;  // NFC-normalised; "" when problem is invalid_utf8
  IdProblem problem = IdProblem::none;
  std::size_t length = 0;  // in characters
};

// `text` in Unicode normalisation form C (so "Zoé" typed with a combining
// accent is the same respondent as with a precomposed é), then checked.
RespondentId check_respondent_id(std::string_view text);

// The id as it is written in a file name, one-to-one (distinct ids never give
// the same name): ASCII letters and digits, '.', '_', '-', and the letters,
// marks and digits of every other script are kept, so names stay readable;
// every other character is written as %XX per UTF-8 byte (upper-case hex), '%'
// included. A leading '.' or '-' is written %2E / %2D, so a name is never
// hidden nor taken for an option.
// REQUIRES: `id` is valid UTF-8 (check_respondent_id).
std::string id_in_file_name(std::string_view id);

// The name part earlier versions wrote: every byte but ASCII letters,
// digits, '.', '_' and '-' became '_'. Not one-to-one: used only to find, and
// then to check by their content, files written before.
std::string legacy_id_in_file_name(std::string_view id);

// "<id>-<questionnaire>[-s<session>]-<date>[-<sequence>].json", with the id
// as id_in_file_name writes it; sequence 1 has no suffix, the second
// administration of the same day is "-2", and so on.
struct DefaultName {
  std::string respondent;  // as given (NFC), not encoded
  std::string questionnaire;
  std::optional<int> session;
  std::string date;  // YYYY-MM-DD
  int sequence = 1;
};
std::string default_file_name(const DefaultName& name);

// A file in a directory whose name is a default name of one respondent and
// questionnaire (any session, any date).
struct NamedFile {
  std::filesystem::path path;
  std::optional<int> session;
  std::string date;
  int sequence = 1;
  bool legacy = false;  // named as earlier versions named it (and not as now)
};

// Every file of `dir` named as a response of `respondent` to `questionnaire`,
// now or by earlier versions, sorted by name. A legacy name may belong to
// another respondent ("P/03" and "P_03" both gave "P_03"): callers check the
// respondent inside. An unreadable directory gives nothing.
// The directory is listed through `env`.
class Env;
std::vector<NamedFile> default_named_files(const std::filesystem::path& dir, std::string_view respondent,
                                           std::string_view questionnaire, Env& env);
std::vector<NamedFile> default_named_files(const std::filesystem::path& dir, std::string_view respondent,
                                           std::string_view questionnaire);

// The sequence number for a new administration of that session and date:
// one past the highest number among `files` (1 when there is none).
int next_sequence(const std::vector<NamedFile>& files, std::optional<int> session, std::string_view date);

// Where `file` is kept when --force starts a new session over it:
// "<file>.replaced-<stamp>", e.g. "r.json.replaced-20260105T142233Z" (not
// ".json", so a batch reading *.json does not take it for a response).
std::filesystem::path replaced_name(const std::filesystem::path& file, std::string_view stamp);

}  // namespace alliance::io
