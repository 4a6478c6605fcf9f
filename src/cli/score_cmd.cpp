// alliance score: subscale and total scores of responses, one or millions.
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
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

io::WriterOptions writer_options(const ScoreOptions& options, const std::string& lang) {
  io::WriterOptions out;
  out.excel_fr = options.csv_dialect == "excel-fr";
  out.format =
      out.excel_fr && options.format.empty() ? io::OutputFormat::csv : choose_output_format(options.format);
  if (out.excel_fr && out.format != io::OutputFormat::csv)
    throw Error(ExitCode::usage, text::Message{text::Msg::csv_dialect_not_csv, {options.format}});
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
  // Made before any input is read, so a bad --output-columns fails at once.
  std::unique_ptr<io::ResultWriter> writer;
  if (!options.explain) writer = io::make_result_writer(q, provenance, writer_options(options, lang), stdout);

  Tally tally;
  const auto visit = [&](const io::ResponseRecord& record, const core::ScoreSheet& sheet) {
    ++tally.responses;
    tally.lines.add(record);
    if (!record.valid()) {
      ++tally.invalid;
      report_problems(record, lang);
    }
    if (options.explain)
      print_explanation(std::cout, q, record, lang);
    else
      writer->write(record, sheet);
    if (record.valid() && below_any(thresholds, q, record, sheet, std::cerr, lang)) ++tally.below;
    return !(options.strict && !record.valid());
  };
  const bool completed = for_each_scored_response(q, options.input, lang, visit);
  if (writer) writer->finish();
  return finish_status(tally, !completed, lang);
}

}  // namespace alliance::cli
