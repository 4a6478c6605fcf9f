// alliance score: subscale and total scores of responses, one or millions.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/files.hpp"
#include "alliance/io/result_writer.hpp"
#include "alliance/text/messages.hpp"
#include "alliance/version.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "explain_printer.hpp"
#include "input_options.hpp"
#include "thresholds.hpp"

namespace alliance::cli {

namespace {

// "a,b" -> {"a", "b"}. Empty pieces are kept ("a,,b", "a,") so that the
// writer rejects them, and "" is the empty list.
std::vector<std::string> split_at_commas(const std::string& list) {
  std::vector<std::string> out;
  if (list.empty()) return out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = list.find(',', start);
    out.push_back(list.substr(start, comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

// The format -o's file name says: ".sav" -> "sav"; "" when it says none.
std::string format_of_name(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return "";
  std::string extension = path.substr(dot + 1);
  for (char& c : extension)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const char* known : {"sav", "dta", "csv", "tsv", "json", "ndjson", "jsonl"})
    if (extension == known) return extension;
  return "";
}

// --format, else -o's extension, else a table on a terminal and CSV elsewhere.
// A binary format (sav, dta) is never written to a terminal; a -o name that
// says another format than --format is refused rather than guessed.
io::OutputFormat output_format(const ScoreOptions& options) {
  const std::string named = options.output.empty() ? "" : format_of_name(options.output);
  if (!options.format.empty() && !named.empty() &&
      io::parse_output_format(named) != io::parse_output_format(options.format))
    throw Error(ExitCode::usage,
                text::Message{text::Msg::output_format_conflict, {options.output, options.format}});
  const std::string flag = !options.format.empty() ? options.format : named;
  const io::OutputFormat format =
      options.output.empty() ? choose_output_format(flag)
                             : (flag.empty() ? io::OutputFormat::csv : io::parse_output_format(flag));
  if ((format == io::OutputFormat::sav || format == io::OutputFormat::dta) && options.output.empty() &&
      stdout_is_terminal())
    throw Error(ExitCode::usage, text::Message{text::Msg::stat_output_terminal, {flag}});
  return format;
}

// Standard output, or -o's file: written beside it, then put in its place
// atomically (mode 0600) when the scores are complete (io::AtomicFile), so
// that a failed run never leaves half a file in place of a good one.
class ScoreOutput {
 public:
  explicit ScoreOutput(const std::string& path) {
    if (!path.empty()) file_ = std::make_unique<io::AtomicFile>(path);
  }
  std::FILE* stream() const { return file_ ? file_->stream() : stdout; }
  void commit() {
    if (file_) file_->commit();
  }

 private:
  std::unique_ptr<io::AtomicFile> file_;
};

io::WriterOptions writer_options(const ScoreOptions& options, const std::string& lang) {
  io::WriterOptions out;
  out.excel_fr = options.csv_dialect == "excel-fr";
  // excel-fr asks for CSV: on a terminal too, unless a format is named.
  out.format = out.excel_fr && options.format.empty() && format_of_name(options.output).empty()
                   ? io::OutputFormat::csv
                   : output_format(options);
  if (out.excel_fr && out.format != io::OutputFormat::csv)
    throw Error(ExitCode::usage,
                text::Message{text::Msg::csv_dialect_not_csv,
                              {options.format.empty() ? format_of_name(options.output) : options.format}});
  out.long_format = options.long_format;
  out.precision = options.precision;
  out.language = lang;
  out.colour = out.format == io::OutputFormat::table && use_colour();
  if (options.output_columns) out.columns = split_at_commas(*options.output_columns);
  return out;
}

// Tallies what happened, for the exit status and the closing summary.
struct Tally {
  long responses = 0;
  long invalid = 0;
  long below = 0;
  LineCount lines;
};

int finish_status(const Tally& tally, bool stopped, const std::string& lang) {
  print_line_count(tally.lines, lang);
  const text::Messages& m = text::messages(lang);
  if (tally.invalid > 0 || stopped)
    std::cerr << text::fill(m.error_line, {text::fill(m.invalid_count, {std::to_string(tally.invalid),
                                                                        std::to_string(tally.responses)}) +
                                           (stopped ? m.strict_stopped : "")})
              << '\n';
  if (tally.below > 0) return static_cast<int>(ExitCode::threshold);
  return tally.invalid > 0 ? static_cast<int>(ExitCode::invalid_input) : 0;
}

// --explain prints each response's working as text: an option that shapes
// the score output would be silently ignored, so it is refused instead.
void check_explain_alone(const ScoreOptions& options) {
  if (!options.explain) return;
  const char* shaping = options.output_columns              ? "--output-columns"
                        : !options.output.empty()           ? "-o"
                        : !options.format.empty()           ? "--format"
                        : options.long_format               ? "--long"
                        : options.precision >= 0            ? "--precision"
                        : options.csv_dialect != "standard" ? "--csv-dialect"
                                                            : nullptr;
  if (shaping) throw Error(ExitCode::usage, text::Message{text::Msg::explain_alone, {shaping}});
}

}  // namespace

int run_score(const ScoreOptions& options, const GlobalOptions& global) {
  const io::LoadedQuestionnaire loaded = make_catalog(global).load(options.questionnaire);
  const core::Questionnaire& q = loaded.questionnaire;
  const std::string lang = choose_language(options.lang);
  const std::vector<Threshold> thresholds = parse_thresholds(options.fail_below, q);
  const io::Provenance provenance{q.id, q.version, loaded.hash, kVersion};
  check_explain_alone(options);
  // Made before any input is read, so a bad --output-columns or -o fails at once.
  ScoreOutput output(options.explain ? "" : options.output);
  std::unique_ptr<io::ResultWriter> writer;
  if (!options.explain)
    writer = io::make_result_writer(q, provenance, writer_options(options, lang), output.stream());

  Tally tally;
  const auto visit = [&](const io::ResponseRecord& record, const core::ScoreSheet& sheet) {
    ++tally.responses;
    tally.lines.add(record);
    if (!record.valid()) {
      ++tally.invalid;
      report_problems(record, lang);
    }
    if (options.explain)
      print_explanation(std::cout, q, record, lang, thresholds);
    else
      writer->write(record, sheet);
    if (!thresholds.empty() && record.valid() && below_any(thresholds, q, record, sheet, std::cerr, lang))
      ++tally.below;
    return !(options.strict && !record.valid());
  };
  // The range missing answers leave open is worked out only when something shows it: the
  // output's columns, or --fail-below's alert lines (--explain works it out itself).
  const bool possible_scores = !thresholds.empty() || (writer && writer->shows_possible_scores());
  UnreadFiles unread(options.input.files, lang, options.strict);
  const bool completed = for_each_scored_response(q, options.input, lang, unread, visit, possible_scores);
  if (unread.nothing_read(tally.responses)) {  // as when its one file cannot be read: nothing written
    return unread.status(0);
  }
  if (writer) writer->finish();
  output.commit();
  if (!options.output.empty())
    std::cerr << text::say(lang, text::Msg::scores_written, {options.output, std::to_string(tally.responses)})
              << '\n';
  const int status = finish_status(tally, !completed && !unread.stopped(), lang);
  unread.print_summary(false);
  return unread.status(status);
}

}  // namespace alliance::cli
