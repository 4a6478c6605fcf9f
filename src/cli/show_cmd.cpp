// alliance show: a readable view of one questionnaire, or its normalised JSON.
#include <iostream>

#include "alliance/core/scoring.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/definition_writer.hpp"
#include "alliance/io/safe_stream.hpp"
#include "alliance/text/messages.hpp"
#include "commands.hpp"
#include "context.hpp"

namespace alliance::cli {

namespace {

using core::format_number;
using text::fill;

// A number as the table shows it: a decimal comma in French.
std::string number(double value, const std::string& lang) {
  return text::decimal(lang, format_number(value));
}

std::string rule_text(const core::MissingRule& rule, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  if (rule.max_missing) return fill(m.show_rule_max_missing, {std::to_string(*rule.max_missing)});
  if (rule.min_answered)
    return fill(m.show_rule_min_answered,
                {number(*rule.min_answered * 100, lang),
                 rule.rounding == core::Rounding::up     ? m.show_rounding_up
                 : rule.rounding == core::Rounding::down ? m.show_rounding_down
                                                         : m.show_rounding_nearest});
  return m.show_rule_any;
}

std::string method_text(core::Method method, bool prorate, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  if (method == core::Method::mean) return m.show_mean;
  return prorate ? m.show_sum_prorated : m.show_sum;
}

std::string range_text(core::ScoreRange range, const std::string& lang) {
  return number(range.low, lang) + "–" + number(range.high, lang);
}

void print_bands(const std::optional<core::Bands>& bands, const std::string& lang) {
  if (!bands) return;
  for (const core::Band& band : bands->ranges) {
    std::string edges =
        band.min ? std::string(band.min_inclusive ? "[" : "(") + number(*band.min, lang) : "(−∞";
    edges += text::is_french(lang) ? "\u00a0; " : ", ";  // the comma is the French decimal sign
    edges += band.max ? number(*band.max, lang) + (band.max_inclusive ? "]" : ")") : "+∞)";
    std::cout << "      " << core::pad_right(edges, 12) << core::pick_text(band.label, lang)
              << (band.concern ? " (!)" : "") << '\n';
  }
  std::cout << "      " << fill(text::messages(lang).show_source, {bands->citation}) << '\n';
}

void print_norms(const std::vector<core::Norm>& norms, const std::string& lang) {
  for (const core::Norm& n : norms)
    std::cout << "      "
              << fill(text::messages(lang).show_norm, {n.population, number(n.mean, lang), number(n.sd, lang),
                                                       n.n ? ", n = " + std::to_string(n.n) : "", n.citation})
              << '\n';
}

void print_scale(const core::Questionnaire& q, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  const core::Scale& s = q.scale;
  std::cout << fill(m.show_scale, {number(s.min, lang), number(s.max, lang)});
  if (s.kind == core::ScaleKind::continuous)
    std::cout << fill(m.show_continuous, {number(s.precision, lang)});
  std::cout << '\n';
  auto labels = s.labels.find(lang);
  if (labels == s.labels.end() && !s.labels.empty()) labels = s.labels.begin();
  if (labels == s.labels.end()) {
    std::cout << m.show_no_labels << '\n';
    return;
  }
  for (std::size_t k = 0; k < labels->second.size(); ++k) {
    const double point =
        s.kind == core::ScaleKind::integer ? s.min + static_cast<double>(k) : (k ? s.max : s.min);
    std::cout << "  " << number(point, lang) << "  " << labels->second[k];
    if (!s.scores.empty()) std::cout << fill(m.show_scores_as, {number(s.scores[k], lang)});
    std::cout << '\n';
  }
}

void print_subscales(const core::Questionnaire& q, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  const core::ScoreRanges ranges = core::score_ranges(q);
  for (std::size_t i = 0; i < q.subscales.size(); ++i) {
    const core::Subscale& s = q.subscales[i];
    std::cout << "\n"
              << fill(m.show_subscale,
                      {s.id, core::pick_text(s.title, lang), method_text(s.method, s.prorate, lang),
                       std::to_string(s.items.size()), rule_text(s.missing, lang),
                       range_text(ranges.subscales[i], lang)})
              << '\n';
    for (std::size_t item : s.items) {
      const core::Item& it = q.items[item];
      std::string line = "  " + core::pad_right(it.id, 4) + (it.reverse ? "R " : "  ");
      if (it.weight != 1) line += "×" + number(it.weight, lang) + " ";
      line += it.text.empty() ? std::string(m.show_no_text) : core::pick_text(it.text, lang);
      std::cout << line << '\n';
    }
    print_bands(s.bands, lang);
    print_norms(s.norms, lang);
  }
}

void print_total(const core::Questionnaire& q, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  const core::Total& t = q.total;
  if (!t.present) {
    std::cout << '\n' << m.show_no_total << '\n';
    return;
  }
  std::cout << '\n'
            << fill(m.show_total,
                    {method_text(t.method, t.prorate, lang),
                     t.of == core::TotalOf::items ? m.show_of_items : m.show_of_subscales,
                     rule_text(t.missing, lang), range_text(core::total_range(q), lang),
                     t.of == core::TotalOf::items && t.requires_all_subscales ? m.show_total_requires_all
                                                                              : ""})
            << '\n';
  print_bands(t.bands, lang);
  print_norms(t.norms, lang);
}

void print_text(const io::LoadedQuestionnaire& loaded, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  const core::Questionnaire& q = loaded.questionnaire;
  std::cout << q.id << " " << q.version << " — " << core::pick_text(q.title, lang) << '\n';
  if (!q.description.empty()) std::cout << core::pick_text(q.description, lang) << '\n';
  std::cout << fill(m.show_form, {core::to_string(q.form), q.family, std::to_string(q.items.size()),
                                  q.administrable() ? m.show_administrable : m.show_key_only})
            << '\n';
  std::cout << fill(m.show_source, {q.source.citation}) << '\n';
  std::cout << fill(m.show_licence, {q.source.licence}) << '\n';
  std::cout << (q.source.validated ? m.show_validated : m.show_not_validated) << '\n';
  if (!q.source.notes.empty()) std::cout << core::pick_text(q.source.notes, lang) << '\n';
  std::cout << '\n';
  print_scale(q, lang);
  print_subscales(q, lang);
  print_total(q, lang);
  std::cout << '\n'
            << fill(m.show_footer, {std::to_string(q.examples.size())}) << '\n'
            << fill(m.show_definition, {loaded.origin, loaded.hash}) << '\n';
}

}  // namespace

int run_show(const ShowOptions& options, const GlobalOptions& global) {
  const io::LoadedQuestionnaire loaded = make_catalog(global).load(options.questionnaire);
  if (choose_output_format(options.format, io::OutputFormat::json) == io::OutputFormat::json) {
    std::cout << io::definition_to_json(loaded.questionnaire, 2) << '\n';
    return 0;
  }
  const io::TerminalSafeScope safe(
      std::cout);  // a definition's texts are shown, never obeyed by the terminal
  print_text(loaded, choose_language(options.lang));
  return 0;
}

}  // namespace alliance::cli
