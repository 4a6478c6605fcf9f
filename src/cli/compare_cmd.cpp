// alliance compare: the parallel forms of one family (client, therapist,
// observer) side by side, and how well they agree (docs/compare.md).
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "alliance/core/agreement.hpp"
#include "alliance/core/error.hpp"
#include "alliance/io/comparison_writer.hpp"
#include "alliance/text/messages.hpp"
#include "alliance/version.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "input_options.hpp"

namespace alliance::cli {

namespace {

constexpr const auto& kRoles = kCompareRoles;

struct LoadedForm {
  std::string role;
  io::LoadedQuestionnaire loaded;
  std::vector<std::string> files;
};

std::vector<LoadedForm> load_forms(const CompareOptions& options, const GlobalOptions& global) {
  std::vector<LoadedForm> out;
  const io::Catalog catalog = make_catalog(global);
  for (std::size_t r = 0; r < 3; ++r) {
    const std::vector<std::string>& given = options.forms[r];
    if (given.empty()) continue;
    const std::string flag = std::string("--") + kRoles[r];
    if (given.size() < 2)
      throw Error(ExitCode::usage, text::Message{text::Msg::compare_form_needs_files, {flag}});
    LoadedForm form{kRoles[r], catalog.load(given[0]), {given.begin() + 1, given.end()}};
    const core::Questionnaire& q = form.loaded.questionnaire;
    if (q.form != static_cast<core::Form>(r))
      throw Error(ExitCode::usage, text::Message{text::Msg::compare_wrong_form,
                                                 {flag, given[0], q.id, core::to_string(q.form)}});
    out.push_back(std::move(form));
  }
  if (out.size() < 2) throw Error(ExitCode::usage, text::Message{text::Msg::compare_two_forms, {}});
  for (std::size_t f = 1; f < out.size(); ++f) {
    if (const std::optional<text::Message> problem =
            core::comparability_message(out[0].loaded.questionnaire, out[f].loaded.questionnaire))
      throw Error(ExitCode::usage,
                  text::Message{text::Msg::compare_cannot, {text::nested(problem->id, problem->args)}});
  }
  return out;
}

}  // namespace

int run_compare(const CompareOptions& options, const GlobalOptions& global) {
  const std::vector<LoadedForm> forms = load_forms(options, global);
  io::CompareWriterOptions write;
  write.format = choose_output_format(options.format);
  if (!options.section.empty()) write.section = io::parse_compare_section(options.section);
  write.precision = options.precision;
  write.language = choose_language(options.lang);

  io::ComparisonReport report;
  report.alliance_version = kVersion;
  const core::Questionnaire& reference = forms[0].loaded.questionnaire;
  for (const core::Subscale& s : reference.subscales) {
    report.scale_ids.push_back(s.id);
    report.scale_titles.push_back(s.title);
  }
  if (reference.total.present) {
    report.scale_ids.emplace_back("total");
    report.scale_titles.push_back(reference.total.title.empty() ? core::LocalizedText{{"en", "Total"}}
                                                                : reference.total.title);
  }

  // Read and score every response of every form.
  long responses = 0;
  long invalid = 0;
  LineCount lines;
  std::vector<core::FormResponses> scored;
  bool form_unread = false;            // every file of a form unread: nothing to compare
  std::vector<std::string> all_files;  // every form's, for the closing summary
  for (const LoadedForm& form : forms)
    all_files.insert(all_files.end(), form.files.begin(), form.files.end());
  UnreadFiles unread(all_files, write.language);
  for (const LoadedForm& form : forms) {
    io::ComparedForm& compared = report.forms.emplace_back();
    compared.role = form.role;
    compared.questionnaire = &form.loaded.questionnaire;
    compared.definition_hash = form.loaded.hash;
    InputOptions input = options.input;
    input.files = form.files;
    core::FormResponses& form_scored = scored.emplace_back();
    form_scored.questionnaire = compared.questionnaire;
    const core::Scorer scorer(*compared.questionnaire);
    for_each_response(
        *compared.questionnaire, input, write.language, unread, [&](const io::ResponseRecord& record) {
          ++responses;
          lines.add(record);
          compared.records.push_back(record);
          if (record.valid()) {
            form_scored.sheets.push_back(scorer.score(record.response.answers));
          } else {
            ++invalid;
            report_problems(record, write.language);
            form_scored.sheets.push_back(core::invalid_sheet(*compared.questionnaire));
          }
          form_scored.keys.push_back(
              core::pair_key(record.response.respondent, record.response.session, record.response.date));
          return true;
        });
    for (const io::ResponseRecord& record : compared.records)
      form_scored.answers.push_back(record.valid() ? &record.response.answers : nullptr);
    form_unread = form_unread || (compared.records.empty() &&
                                  std::all_of(form.files.begin(), form.files.end(),
                                              [&](const std::string& f) { return unread.contains(f); }));
  }

  // As when a form's one file cannot be read: nothing written.
  if (unread.nothing_read(responses) || form_unread) {
    return unread.status(0);
  }
  core::Comparisons comparisons = core::compare_forms(scored, reference, options.items);
  report.comparisons = std::move(comparisons.comparisons);
  report.unpaired = std::move(comparisons.unpaired);

  io::write_comparison(report, write, stdout);
  // The table carries its notes; machine formats carry codes, and people read these.
  const bool agreement_written =
      write.section == io::CompareSection::agreement ||
      (write.section == io::CompareSection::all && write.format == io::OutputFormat::json);
  if (write.format != io::OutputFormat::table && agreement_written)
    for (const io::Comparison& c : report.comparisons)
      for (const std::string& line : io::agreement_note_lines(report, c, write.language, false))
        std::cerr << text::text(write.language, text::Msg::note_prefix)
                  << text::say(write.language, text::Msg::compare_note,
                               {report.forms[c.first].role, report.forms[c.second].role, line})
                  << '\n';
  print_line_count(lines, write.language);
  if (invalid > 0)
    std::cerr << text::say(write.language, text::Msg::error_line,
                           {text::say(write.language, text::Msg::invalid_count,
                                      {std::to_string(invalid), std::to_string(responses)})})
              << '\n';
  unread.print_summary(true);
  return unread.status(invalid > 0 ? static_cast<int>(ExitCode::invalid_input) : 0);
}

}  // namespace alliance::cli
