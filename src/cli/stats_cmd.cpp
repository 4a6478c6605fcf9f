// alliance stats: reliability and descriptives of a batch of responses, in
// one pass and constant memory (the statistics: core/stats.hpp, docs/stats.md).
#include <cstdio>
#include <iostream>

#include "alliance/core/error.hpp"
#include "alliance/core/stats.hpp"
#include "alliance/io/stats_writer.hpp"
#include "alliance/text/messages.hpp"
#include "alliance/version.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "input_options.hpp"

namespace alliance::cli {

namespace {

// Says on stderr how many responses were left out; the exit status.
int report_invalid(long responses, long invalid, const std::string& lang) {
  if (invalid == 0) return 0;
  const long all = responses + invalid;
  std::cerr << text::say(lang, text::Msg::error_line,
                         {text::say(lang, text::Msg::invalid_count_left_out,
                                    {std::to_string(invalid), std::to_string(all)})})
            << '\n';
  return static_cast<int>(ExitCode::invalid_input);
}

// The statistics of the valid responses, and how many were invalid.
class StatsTally final : public io::PartTally {
 public:
  StatsTally(const core::Questionnaire& q, const core::StatsOptions& options)
      : q_(q), options_(options), stats_(q, options) {}
  void add(const io::ResponseRecord& record) override {
    lines_.add(record);
    if (record.valid())
      stats_.add(record.response.answers);
    else
      ++invalid_;
  }
  std::unique_ptr<io::PartTally> empty_copy() const override {
    return std::make_unique<StatsTally>(q_, options_);
  }
  void append(const io::PartTally& later) override {
    const auto& more = dynamic_cast<const StatsTally&>(later);
    stats_.append(more.stats_);
    invalid_ += more.invalid_;
    lines_.append(more.lines_);
  }
  const core::StatsAccumulator& stats() const { return stats_; }
  long invalid() const { return invalid_; }
  const LineCount& lines() const { return lines_; }

 private:
  const core::Questionnaire& q_;
  core::StatsOptions options_;
  core::StatsAccumulator stats_;
  long invalid_ = 0;
  LineCount lines_;
};

// --quality: the flagged responses, listed in input order.
int run_quality(const core::Questionnaire& q, const io::Provenance& provenance,
                const StatsCommandOptions& options, const core::StatsOptions& stats_options,
                const io::StatsWriterOptions& out) {
  long responses = 0, invalid = 0;
  LineCount lines;
  std::unique_ptr<io::QualityWriter> quality =
      io::make_quality_writer(stats_options.run_limit, provenance, out, stdout);
  UnreadFiles unread(options.input.files, out.language);
  for_each_response(q, options.input, out.language, unread, [&](const io::ResponseRecord& record) {
    lines.add(record);
    if (!record.valid()) {
      ++invalid;
      report_problems(record, out.language);
      return true;
    }
    ++responses;
    const core::ResponseQuality assessed =
        core::assess_quality(q, record.response.answers, stats_options.run_limit);
    if (assessed.flagged()) quality->write(record, assessed);
    return true;
  });
  if (unread.nothing_read(lines.responses)) {  // as when its one file cannot be read: nothing written
    return unread.status(0);
  }
  quality->finish(responses);
  print_line_count(lines, out.language);
  const int status = report_invalid(responses, invalid, out.language);
  unread.print_summary(true);
  return unread.status(status);
}

}  // namespace

int run_stats(const StatsCommandOptions& options, const GlobalOptions& global) {
  const io::LoadedQuestionnaire loaded = make_catalog(global).load(options.questionnaire);
  const core::Questionnaire& q = loaded.questionnaire;
  io::StatsWriterOptions out;
  out.format = choose_output_format(options.format);
  if (!options.section.empty()) out.section = io::parse_stats_section(options.section);
  out.precision = options.precision;
  out.language = choose_language(options.lang);

  core::StatsOptions stats_options;
  stats_options.missing =
      options.missing == "listwise" ? core::MissingHandling::listwise : core::MissingHandling::pairwise;
  stats_options.min_complete = options.min_complete;
  stats_options.floor_ceiling_pct = options.floor_ceiling;
  stats_options.run_limit = options.run_limit > 0 ? options.run_limit : core::default_run_limit(q);

  const io::Provenance provenance{q.id, q.version, loaded.hash, kVersion};
  if (options.quality) return run_quality(q, provenance, options, stats_options, out);
  StatsTally tally(q, stats_options);
  UnreadFiles unread(options.input.files, out.language);
  tally_responses(q, options.input, out.language, unread, tally);
  if (unread.nothing_read(tally.lines().responses)) {
    return unread.status(0);
  }
  const core::StatsReport report = tally.stats().report();
  io::write_stats(q, provenance, report, tally.invalid(), out, stdout);
  // The warnings describe the data: said here when the output asked for has no place for them.
  if (!io::stats_output_has_warnings(out))
    for (const core::StatsWarning& warning : report.warnings)
      std::cerr << text::text(out.language, text::Msg::warning_prefix)
                << io::describe(q, report, warning, out.language) << '\n';
  print_line_count(tally.lines(), out.language);
  const int status = report_invalid(report.responses, tally.invalid(), out.language);
  unread.print_summary(true);
  return unread.status(status);
}

}  // namespace alliance::cli
