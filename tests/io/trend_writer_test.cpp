// trend's CSV and TSV rows are spelled out for speed (TrendWriter's row
// writer, issue 16 "trend at scale"): they must be the record model's bytes,
// which the e2e tests, the docs and the R references read. Every kind of
// record — missing values and NaN, ties, each set of flags, low items, the
// own SD, ids that spreadsheets would run or that need quoting, text that is
// not UTF-8 — in both formats, at every precision, with reference SDs and r
// from options, from norms or from nowhere.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "../core/fixtures.hpp"
#include "alliance/core/trend.hpp"
#include "alliance/io/trend_writer.hpp"
#include "io/trend_rows.hpp"

namespace alliance::io {
namespace {

using alliance::testing::srs_like_questionnaire;

const Provenance kTrendProvenance{"srs-like", "1.0.0", "fnv1a64:0123456789abcdef", "9.9.9"};

// Scales r, g, a, o (0..3) and the total (4).
constexpr std::size_t kScales = 5;

std::string slurp_trend(std::FILE* file) {
  std::rewind(file);
  std::string bytes;
  for (int c; (c = std::fgetc(file)) != EOF;) bytes.push_back(static_cast<char>(c));
  std::fclose(file);
  return bytes;
}

std::string through_writer(const core::Questionnaire& q, const TrendParameters& parameters,
                           const std::vector<TrendRecord>& records, OutputFormat format, int precision) {
  std::FILE* file = std::tmpfile();
  {
    TrendWriter writer(q, parameters, format, precision, kTrendProvenance, file);
    for (const TrendRecord& r : records) writer.write(r);
    writer.finish();
  }
  return slurp_trend(file);
}

std::string through_model(const core::Questionnaire& q, const TrendParameters& parameters,
                          const std::vector<TrendRecord>& records, OutputFormat format, int precision) {
  std::FILE* file = std::tmpfile();
  write_trend_through_model(q, parameters, records, format, precision, kTrendProvenance, file);
  return slurp_trend(file);
}

TrendRecord record(std::string respondent, std::optional<int> session, std::string date,
                   std::size_t position) {
  TrendRecord r;
  r.respondent = std::move(respondent);
  r.session = session;
  r.date = std::move(date);
  r.source = "in.ndjson:" + std::to_string(position + 1);
  r.position = position;
  r.point.scales.resize(kScales);
  return r;
}

// Numbers of every shape put_number writes: whole, one and two decimals,
// shortest round trip, large, tiny, negative zero; NaN and infinity are missing.
const std::vector<double> kNumbers{36,
                                   -9,
                                   7.3,
                                   -0.2,
                                   36.25,
                                   0.39528470752104744,
                                   1e5,
                                   123456,
                                   1e-7,
                                   -1.96e-12,
                                   -0.0,
                                   2.5,
                                   1.0 / 3,
                                   -4.75,
                                   0.005,
                                   1e21,
                                   std::numeric_limits<double>::quiet_NaN(),
                                   std::numeric_limits<double>::infinity()};

std::vector<TrendRecord> every_kind_of_record() {
  std::vector<TrendRecord> out;
  const std::vector<std::string> ids{"C1",          "",         "=x,y\"", "a\tb\"c", "-3", "Zoë",
                                     "bad\xff\xfe", "@SUM(A1)", "ok"};
  std::size_t k = 0;
  for (std::size_t i = 0; i < 70; ++i) {
    const std::string& id = ids[i % ids.size()];
    TrendRecord r = record(id, i % 4 == 3 ? std::nullopt : std::optional<int>(static_cast<int>(i % 7)),
                           i % 3 == 0 ? "" : "2026-01-0" + std::to_string(1 + i % 9), i + 1);
    r.point.tied = i % 5 == 2;
    for (std::size_t s = 0; s < kScales; ++s) {
      core::ScalePoint& p = r.point.scales[s];
      const auto next = [&]() -> std::optional<double> {
        const std::size_t at = k++;
        if (at % 4 == 1) return std::nullopt;
        return kNumbers[at % kNumbers.size()];
      };
      p.score = next();
      p.change_previous = next();
      p.change_first = next();
      p.rc_previous = next();
      p.rc_first = next();
      p.baseline = next();
      p.rupture_sd = next();
      p.own_sd = (i + s) % 2 == 0;
      p.repair_level = next();
      p.flags = static_cast<unsigned>((i * 7 + s * 13) % 64);  // every set of the six flags
      if (p.has(core::TrendFlag::low_item)) {
        p.low_items.push_back(s % 4);
        if (i % 2) p.low_items.push_back((s + 1) % 4);
      }
    }
    out.push_back(r);
  }
  return out;
}

TrendParameters parameters_from(std::vector<std::optional<double>> sd, std::vector<std::optional<double>> r,
                                std::vector<ParameterSource> sd_source, std::vector<ParameterSource> r_source,
                                std::string norms_file) {
  TrendParameters p;
  p.settings.reference_sd = std::move(sd);
  p.settings.retest_r = std::move(r);
  p.sd_source = std::move(sd_source);
  p.r_source = std::move(r_source);
  p.norms_file = std::move(norms_file);
  return p;
}

std::vector<TrendParameters> every_kind_of_parameters() {
  using S = ParameterSource;
  std::vector<TrendParameters> out;
  // The total's SD and r from options, the subscales' from nowhere (the bench's run).
  out.push_back(parameters_from({{}, {}, {}, {}, 4.0}, {{}, {}, {}, {}, 0.8},
                                {S::none, S::none, S::none, S::none, S::option},
                                {S::none, S::none, S::none, S::none, S::option}, "srs.json"));
  // Every scale from norms, one SD overridden; a norms file whose name needs quoting; other settings.
  TrendParameters norms =
      parameters_from({1.1, 2.25, 0.7, 3.0, 6.5}, {0.5, 0.6, 0.7, 0.75, 0.85},
                      {S::norms, S::option, S::norms, S::norms, S::norms},
                      {S::norms, S::norms, S::norms, S::norms, S::norms}, "clinic, \"v2\".json");
  norms.settings.rupture_sds = 2;
  norms.settings.baseline = 5;
  norms.settings.repair_within = 1;
  norms.settings.reliable_z = 2.5758293035489004;
  norms.settings.reliable_from = core::ReliableFrom::both;
  norms.settings.low_item = 2.5;
  out.push_back(norms);
  // Nothing at all.
  out.push_back(parameters_from({}, {}, {}, {}, ""));
  return out;
}

TEST(TrendWriterRows, SpelledOutRowsAreTheRecordModelsBytes) {
  const core::Questionnaire q = srs_like_questionnaire();
  const std::vector<TrendRecord> records = every_kind_of_record();
  for (const TrendParameters& parameters : every_kind_of_parameters())
    for (const OutputFormat format : {OutputFormat::csv, OutputFormat::tsv})
      for (const int precision : {-1, 0, 2, 3}) {
        SCOPED_TRACE(std::string(format == OutputFormat::csv ? "csv" : "tsv") + " precision " +
                     std::to_string(precision) + " norms file '" + parameters.norms_file + "'");
        const std::string model = through_model(q, parameters, records, format, precision);
        EXPECT_EQ(through_writer(q, parameters, records, format, precision), model);
        EXPECT_GT(model.size(), 70u * 200u);  // every record written, not two empty outputs
      }
}

TEST(TrendWriterRows, NoRecordsIsTheHeaderAlone) {
  const core::Questionnaire q = srs_like_questionnaire();
  for (const TrendParameters& parameters : every_kind_of_parameters()) {
    const std::string header = through_writer(q, parameters, {}, OutputFormat::csv, -1);
    EXPECT_EQ(header, through_model(q, parameters, {}, OutputFormat::csv, -1));
    EXPECT_EQ(header.rfind("respondent,session,date,position,tied,source,r,r_change_previous,", 0), 0u)
        << header;
    EXPECT_EQ(std::count(header.begin(), header.end(), '\n'), 1);
  }
}

// One row worked out cell by cell, so that the two writers cannot agree on
// something wrong: the session-2 row of the bench's data, total with SD 4 (option).
TEST(TrendWriterRows, OneRowByHand) {
  const core::Questionnaire q = srs_like_questionnaire();
  TrendRecord r = record("=C1", 2, "2026-01-13", 2);
  for (std::size_t s = 0; s < 4; ++s) r.point.scales[s].score = 7.5;
  core::ScalePoint& total = r.point.scales[4];
  total.score = 31.8;
  total.change_previous = 1;
  total.change_first = 1;
  total.rc_previous = 0.39528470752104744;
  total.rc_first = 0.39528470752104744;
  total.rupture_sd = 4;
  total.flags =
      static_cast<unsigned>(core::TrendFlag::below_band) | static_cast<unsigned>(core::TrendFlag::low_item);
  total.low_items = {1, 3};
  r.point.scales[1].flags = static_cast<unsigned>(core::TrendFlag::ceiling);
  const std::string out = through_writer(q, every_kind_of_parameters()[0], {r}, OutputFormat::csv, -1);
  // A subscale: its score; change_previous to repair_level missing; flags; no
  // low items; no SD used (sd_source); no reference SD or r, from nowhere.
  const auto subscale = [](const std::string& flags) {
    return "7.5,NA,NA,NA,NA,NA,NA,NA," + flags + ",,NA,NA,NA,NA,NA,";
  };
  const std::string expected_row = "'=C1,2,2026-01-13,2,FALSE,in.ndjson:3," + subscale("") +
                                   subscale("ceiling") + subscale("") + subscale("") +
                                   "31.8,1,1,0.39528470752104744,0.39528470752104744,NA,4,NA,below-band;low-"
                                   "item,g;o,reference,4,option,0.8,"
                                   "option,"
                                   "g:ceiling;total:below-band;total:low-item,"
                                   "1,3,3,1.96,previous,0,NA,"  // rupture_k to norms_file (no norms used)
                                   "srs-like,1.0.0,fnv1a64:0123456789abcdef,9.9.9\n";
  EXPECT_EQ(out.substr(out.find('\n') + 1), expected_row);
}

}  // namespace
}  // namespace alliance::io
