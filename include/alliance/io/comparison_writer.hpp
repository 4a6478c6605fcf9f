// Writes what `alliance compare` found — the forms, pairs side by side,
// agreement statistics, unpaired responses — as a view for people, or as the
// tables of the record model (alliance/io/records.hpp) in JSON, NDJSON, CSV
// or TSV (docs/compare.md specifies every column and key).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "alliance/core/agreement.hpp"
#include "alliance/io/records.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {

// The responses of one form, as read.
struct ComparedForm {
  std::string role;  // "client", "therapist", "observer"
  const core::Questionnaire* questionnaire = nullptr;
  std::string definition_hash;
  std::vector<ResponseRecord> records;
};

// Pairs of forms and of responses, as core::compare_forms gives them (indices
// of forms into ComparisonReport::forms, of responses into their records).
using ComparedPair = core::ComparedPair;
using Comparison = core::Comparison;

struct ComparisonReport {
  std::vector<ComparedForm> forms;
  std::vector<std::string> scale_ids;  // subscales in the first form's order, then "total"
  std::vector<core::LocalizedText> scale_titles;
  std::vector<Comparison> comparisons;
  std::vector<core::Unpaired> unpaired;
  std::string alliance_version;  // with the forms' definitions, the output's provenance
};

// The tables. A JSON document holds every one (or the one asked for); CSV,
// TSV and NDJSON hold one, `pairs` unless another is asked for; the view
// for people shows pairs, agreement and unpaired (or the one asked for).
enum class CompareSection { all, forms, comparisons, pairs, agreement, unpaired };

// "forms", "comparisons", "pairs", "agreement", "unpaired"; throws
// Error(usage) otherwise.
CompareSection parse_compare_section(const std::string& name);

struct CompareWriterOptions {
  OutputFormat format = OutputFormat::csv;
  CompareSection section = CompareSection::all;
  int precision = -1;                            // -1: shortest exact form (2 in tables)
  std::string language = "en";
};

// A note on one scale's agreement statistics (core::AgreementNote), as every
// format carries it: `code` is "no_variance" (`forms`: the roles whose scores
// are all the same) or "two_pairs"; `message` says what follows, in `language`
// ("en" or "fr").
struct AgreementNoteText {
  std::string code;
  std::vector<std::string> forms;
  std::string message;
};
std::vector<AgreementNoteText> agreement_notes(const ComparisonReport& report, const Comparison& comparison,
                                               std::size_t scale, const std::string& language);
// The notes of one comparison for people, one line per message, each led by
// the scales it concerns ("goals, total: only 2 pairs: ..."): scale ids, or
// with `titles` their titles in `language`.
std::vector<std::string> agreement_note_lines(const ComparisonReport& report, const Comparison& comparison,
                                              const std::string& language, bool titles);

// Throws Error(io) when writing fails.
void write_comparison(const ComparisonReport& report, const CompareWriterOptions& options, std::FILE* out);

}  // namespace alliance::io
