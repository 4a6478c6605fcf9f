// The input options of score, stats, trend and compare turned into what io
// reads (input_options.hpp).
#include "input_options.hpp"

#include <map>
#include <optional>
#include <thread>

#include "alliance/core/error.hpp"
#include "alliance/io/env.hpp"
#include "alliance/text/messages.hpp"
#include "progress.hpp"

namespace alliance::cli {

namespace {

// --from, --recode, --where, --delimiter, --decimal-comma (docs/data-sources.md).
void apply_source_options(const InputOptions& options, io::ReaderOptions& out) {
  if (options.from == "qualtrics") {
    out.mapping.skip_header_rows = true;  // the question text and {"ImportId":…} rows
  } else if (options.from == "redcap") {
    out.mapping.skip_unanswered_rows = true;  // a row per event and instance, filled or not
  } else if (options.from == "limesurvey") {
    out.answers.numbered_codes = "A";  // LimeSurvey's default answer codes A1, A2…
  }
  for (const std::string& list : options.recode)
    for (auto& pair : io::parse_recode(list)) out.answers.recode.push_back(std::move(pair));
  for (const std::string& where : options.where) {
    const auto eq = where.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(ExitCode::usage, text::Message{text::Msg::where_syntax, {where}});
    out.mapping.where[where.substr(0, eq)].push_back(where.substr(eq + 1));
  }
  if (!options.delimiter.empty()) {
    const std::string& d = options.delimiter;
    if (d == "tab" || d == "\\t" || d == "\t")
      out.delimiter = '\t';
    else if (d.size() == 1 && d[0] != '"' && d[0] != '\n' && d[0] != '\r')
      out.delimiter = d[0];
    else
      throw Error(ExitCode::usage, text::Message{text::Msg::delimiter_bad, {d}});
  }
  out.answers.decimal_comma = options.decimal_comma;
}

}  // namespace

io::ReaderOptions reader_options(const InputOptions& options) {
  io::ReaderOptions out;
  out.format = io::parse_input_format(options.input_format);
  out.mapping.pattern = options.columns;
  out.mapping.respondent_column = options.id_column;
  out.mapping.session_column = options.session_column;
  out.mapping.skip_rows = options.skip_rows;
  out.encoding = io::parse_text_encoding(options.encoding);
  apply_source_options(options, out);
  std::map<std::string, std::string> column_of_item;
  for (const std::string& map : options.maps) {
    const auto eq = map.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == map.size())
      throw Error(ExitCode::usage, text::Message{text::Msg::map_syntax, {map}});
    const std::string column = map.substr(0, eq);
    const std::string item = map.substr(eq + 1);
    // Each column once and each item once: a second mapping would silently
    // replace the first, or leave two columns answering one item.
    if (auto [it, added] = out.mapping.columns.emplace(column, item); !added)
      throw Error(ExitCode::usage, text::Message{text::Msg::map_column_twice, {map, column, it->second}});
    if (auto [it, added] = column_of_item.emplace(item, column); !added)
      throw Error(ExitCode::usage, text::Message{text::Msg::map_item_twice, {map, item, it->second}});
  }
  return out;
}

namespace {

// The files named, or standard input when none is.
std::vector<std::string> input_files(const InputOptions& options) {
  return options.files.empty() ? std::vector<std::string>{"-"} : options.files;
}

// --threads, else ALLIANCE_THREADS, else the command's default. Two threads
// hand every record from one core to the other: for `score` that paid on one
// machine and took twice the time on another (bench/README.md), so it is
// asked for, never assumed from the number of cores. `stats` reads files in
// two parts instead (tally_responses); from a pipe, its larger work per
// record gained from the reading thread on both machines.
bool use_two_threads(const InputOptions& options) {
  if (options.threads > 0) return options.threads == 2;
  if (const std::optional<std::string> variable = io::real_env().variable("ALLIANCE_THREADS");
      variable && !variable->empty()) {
    if (*variable == "1") return false;
    if (*variable == "2") return true;
    throw Error(ExitCode::usage, text::Message{text::Msg::threads_variable, {*variable}});
  }
  return options.two_threads_by_default && std::thread::hardware_concurrency() > 1;
}

}  // namespace

io::ReadRequest read_request(const InputOptions& options, const std::string& lang) {
  io::ReadRequest request;
  request.language = lang;
  request.reader = reader_options(options);
  request.reader.language = lang;
  request.files = input_files(options);
  request.two_threads = use_two_threads(options);
  return request;
}

namespace {

io::ReadRequest read_request(const InputOptions& options, const std::string& lang, UnreadFiles& unread) {
  io::ReadRequest request = read_request(options, lang);
  request.on_unreadable = [&unread](const std::string& file, const Error& error) {
    return unread.add(file, error);
  };
  return request;
}

}  // namespace

bool for_each_response(const core::Questionnaire& questionnaire, const InputOptions& options,
                       const std::string& lang, UnreadFiles& unread,
                       const std::function<bool(const io::ResponseRecord&)>& visit) {
  ProgressLine progress(lang);  // on a terminal, during a long read (progress.hpp)
  return io::for_each_response(questionnaire, read_request(options, lang, unread),
                               [&](const io::ResponseRecord& r) {
                                 progress.tick();
                                 return visit(r);
                               });
}

bool for_each_scored_response(
    const core::Questionnaire& questionnaire, const InputOptions& options, const std::string& lang,
    UnreadFiles& unread, const std::function<bool(const io::ResponseRecord&, const core::ScoreSheet&)>& visit,
    bool possible_scores) {
  ProgressLine progress(lang);
  io::ReadRequest request = read_request(options, lang, unread);
  request.possible_scores = possible_scores;
  return io::for_each_scored_response(questionnaire, request,
                                      [&](const io::ResponseRecord& r, const core::ScoreSheet& sheet) {
                                        progress.tick();
                                        return visit(r, sheet);
                                      });
}

void tally_responses(const core::Questionnaire& questionnaire, const InputOptions& options,
                     const std::string& lang, UnreadFiles& unread, io::PartTally& tally) {
  io::tally_responses(questionnaire, read_request(options, lang, unread), tally);
}

}  // namespace alliance::cli
