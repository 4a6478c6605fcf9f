#include "alliance/io/norms_writer.hpp"

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

namespace alliance::io {

using norms_json = nlohmann::ordered_json;

namespace {

// "first session of each of 12 respondents, 2026-01-05 to 2026-03-02" (machine
// text: the file is the same whatever the language).
std::string norms_population(const core::NormsReport& report) {
  std::string out = report.sample == core::NormSample::first  ? "first session of each of "
                    : report.sample == core::NormSample::last ? "last session of each of "
                                                              : "every session (counted as independent) of ";
  out += std::to_string(report.respondents) + (report.respondents == 1 ? " respondent" : " respondents");
  if (!report.first_date.empty()) out += ", " + report.first_date + " to " + report.last_date;
  return "local sample: " + out;
}

// 12 significant digits: no binary noise (0.2, not 0.20000000000000018) and,
// for most values, few enough decimals for score's exact z (docs/norms.md);
// far finer than any norm's precision.
double norms_rounded(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  return std::strtod(buffer, nullptr);
}

norms_json optional_number(const std::optional<double>& value) {
  return value ? norms_json(norms_rounded(*value)) : norms_json(nullptr);
}

norms_json scale_norms(const core::ScaleNorm& norm, const std::string& population,
                       const std::string& citation) {
  norms_json n = norms_json::object();
  n["population"] = population;
  n["mean"] = norms_rounded(norm.mean);
  n["sd"] = norms_rounded(norm.sd);
  n["n"] = norm.n;
  if (core::usable_retest(norm)) n["reliability"] = norms_rounded(*norm.retest.r);
  n["citation"] = citation;
  return norms_json::array({n});
}

norms_json scale_details(const core::ScaleNorm& norm) {
  norms_json d = norms_json::object();
  d["min"] = norms_rounded(norm.min);
  d["max"] = norms_rounded(norm.max);
  d["alpha"] = optional_number(norm.alpha);
  d["alpha_n"] = norm.alpha_n;
  norms_json retest = norms_json::object();
  retest["r"] = optional_number(norm.retest.r);
  retest["pairs"] = norm.retest.pairs;
  retest["mean_interval_sessions"] = optional_number(norm.retest.mean_sessions);
  retest["mean_interval_days"] = optional_number(norm.retest.mean_days);
  d["retest"] = retest;
  norms_json percentiles = norms_json::object();
  for (std::size_t i = 0; i < norm.percentiles.size(); ++i)
    percentiles[std::to_string(core::kNormPercentiles[i])] = norms_rounded(norm.percentiles[i]);
  d["percentiles"] = percentiles;
  return d;
}

}  // namespace

std::string norm_pointer(const core::Questionnaire& q, const core::NormsReport& report, std::size_t scale) {
  if (scale >= q.subscales.size()) return "/total/norms/0";
  std::size_t written = 0;
  for (std::size_t s = 0; s < scale; ++s)
    if (core::writable(report.scales[s])) ++written;
  return "/subscales/" + std::to_string(written) + "/norms/0";
}

std::string norms_definition(const core::Questionnaire& q, const core::NormsReport& report,
                             const NormsProvenance& provenance) {
  const std::string population = norms_population(report);
  const std::string citation = "Local norms computed by alliance " + provenance.alliance_version + " on " +
                               provenance.created.substr(0, 10) + " (see x-norms)";
  norms_json doc = norms_json::object();
  doc["format"] = "alliance/1";
  doc["extends"] = q.id;
  doc["languages"] = q.languages;
  norms_json about = norms_json::object();
  about["made_by"] = "alliance " + provenance.alliance_version;
  about["created"] = provenance.created;
  about["questionnaire"] = {{"id", q.id}, {"version", q.version}, {"hash", provenance.questionnaire_hash}};
  about["sessions"] = core::to_string(report.sample);
  about["responses"] = report.responses;
  about["respondents"] = report.respondents;
  about["sampled"] = report.sampled;
  about["first_date"] = report.first_date.empty() ? norms_json(nullptr) : norms_json(report.first_date);
  about["last_date"] = report.last_date.empty() ? norms_json(nullptr) : norms_json(report.last_date);
  norms_json files = norms_json::array();
  for (const NormsSourceFile& f : provenance.files) {
    files.push_back({{"path", f.path}, {"hash", f.hash.empty() ? norms_json(nullptr) : norms_json(f.hash)}});
    if (!f.error.empty()) files.back()["error"] = f.error;
  }
  about["files"] = files;
  doc["x-norms"] = about;
  norms_json subscales = norms_json::array();
  for (std::size_t s = 0; s < q.subscales.size(); ++s) {
    if (!core::writable(report.scales[s])) continue;
    norms_json sub = norms_json::object();
    sub["id"] = q.subscales[s].id;
    sub["norms"] = scale_norms(report.scales[s], population, citation);
    sub["x-norms"] = scale_details(report.scales[s]);
    subscales.push_back(sub);
  }
  if (!subscales.empty()) doc["subscales"] = subscales;
  const std::size_t n = q.subscales.size();
  if (q.total.present && n < report.scales.size() && core::writable(report.scales[n])) {
    norms_json total = norms_json::object();
    total["norms"] = scale_norms(report.scales[n], population, citation);
    total["x-norms"] = scale_details(report.scales[n]);
    doc["total"] = total;
  }
  return doc.dump(2) + "\n";
}

}  // namespace alliance::io
