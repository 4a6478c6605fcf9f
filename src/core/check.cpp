#include "alliance/core/check.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/exact.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/core/text.hpp"
#include "alliance/text/messages.hpp"
#include "scale_math.hpp"

namespace alliance::core {

namespace {

// Collects diagnostics, each located by a JSON pointer.
class Checker {
 public:
  explicit Checker(const Questionnaire& q) : q_(q) {}

  std::vector<Diagnostic> run() {
    check_identity();
    check_scale();
    check_subscales();
    check_items();
    check_total();
    check_exact();
    check_examples_against_scorer();
    return std::move(out_);
  }

 private:
  void check_examples_against_scorer();
  void example_answer_error(const std::string& where, double value, AnswerProblem problem);

  // Scores are computed in exact decimals (scale_math.hpp): a definition number
  // may have at most kDefinitionPlaces decimal places.
  void check_places(double value, const std::string& where) {
    if (!std::isfinite(value) || decimal_places(value, kDefinitionPlaces)) return;
    error(where, text::Msg::def_too_many_places, {std::to_string(kDefinitionPlaces), format_number(value)});
  }

  // Sums that exact decimals cannot hold: only with huge weights or scores.
  void check_exact() {
    const detail::ExactKey key = detail::make_key(q_);
    if (key.places_ok && !key.exact) error("/items", text::Msg::def_not_exact, {});
  }

  // An error worded by catalogue message `id` (shown in the user's language).
  void error(std::string where, text::Msg id, std::vector<std::string> args) {
    out_.push_back(error_at(std::move(where), id, std::move(args)));
  }

  static std::string at(const std::string& base, std::size_t index) {
    return base + "/" + std::to_string(index);
  }

  // Every language of the questionnaire present, and no other.
  void check_languages(const LocalizedText& text, const std::string& where, bool required) {
    if (text.empty()) {
      if (required && !q_.languages.empty()) error(where, text::Msg::def_text_in, {language_list()});
      return;
    }
    for (const std::string& lang : q_.languages)
      if (!text.count(lang)) error(where, text::Msg::def_missing_text, {lang});
    for (const auto& [lang, value] : text) {
      if (!is_language(lang)) error(where + "/" + lang, text::Msg::def_language_not_listed, {lang});
      if (value.empty()) error(where + "/" + lang, text::Msg::def_empty_text, {});
    }
  }

  bool is_language(const std::string& lang) const {
    for (const std::string& l : q_.languages)
      if (l == lang) return true;
    // A key-only definition may still carry names (titles) in any language.
    return q_.languages.empty();
  }

  std::string language_list() const {
    std::string out;
    for (const std::string& lang : q_.languages) out += (out.empty() ? "'" : ", '") + lang + "'";
    return out;
  }

  static bool is_id(const std::string& id, bool lower_only) {
    if (id.empty()) return false;
    for (char c : id) {
      const bool lower = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      const bool other = (c >= 'A' && c <= 'Z') || c == '_' || c == '.';
      if (!lower && !(other && !lower_only)) return false;
    }
    return !lower_only || id.front() != '-';
  }

  void check_identity() {
    if (!is_id(q_.id, true)) error("/id", text::Msg::def_bad_lower_id, {q_.id});
    if (!is_id(q_.family, true)) error("/family", text::Msg::def_bad_lower_id, {q_.family});
    if (q_.version.empty()) error("/version", text::Msg::def_no_version, {});
    std::set<std::string> seen;
    for (std::size_t i = 0; i < q_.languages.size(); ++i)
      if (!seen.insert(q_.languages[i]).second)
        error(at("/languages", i), text::Msg::def_language_twice, {q_.languages[i]});
    if (q_.title.empty()) error("/title", text::Msg::def_no_title, {});
    check_languages(q_.title, "/title", true);
    check_languages(q_.description, "/description", false);
    check_languages(q_.instructions, "/instructions", false);
    if (q_.source.citation.empty()) error("/source/citation", text::Msg::def_no_citation, {});
  }

  void check_scale() {
    const Scale& s = q_.scale;
    if (!(s.min < s.max)) {
      error("/scale", text::Msg::def_min_max, {});
      return;
    }
    if (s.kind == ScaleKind::integer) {
      if (s.min != std::floor(s.min)) error("/scale/min", text::Msg::def_whole_number, {});
      if (s.max != std::floor(s.max)) error("/scale/max", text::Msg::def_whole_number, {});
      if (s.max - s.min > 100) {
        error("/scale", text::Msg::def_too_many_points, {});
        return;  // no count of points to check labels and scores against (1e300 points overflow an int)
      }
    } else if (!(s.precision > 0)) {
      error("/scale/precision", text::Msg::def_precision, {});
    } else {
      check_places(s.min, "/scale/min");
      check_places(s.max, "/scale/max");
      check_places(s.precision, "/scale/precision");
      if (!on_decimal_steps(s.max, s.min, s.precision))
        error("/scale/max", text::Msg::def_max_off_steps,
              {format_number(s.max), format_number(s.min), format_number(s.precision)});
    }
    for (std::size_t k = 0; k < s.scores.size(); ++k) check_places(s.scores[k], at("/scale/scores", k));
    const std::size_t labels = s.kind == ScaleKind::integer ? static_cast<std::size_t>(s.points()) : 2;
    for (const auto& [lang, list] : s.labels) {
      if (list.size() != labels)
        error("/scale/labels/" + lang,
              s.kind == ScaleKind::integer ? text::Msg::def_labels_points : text::Msg::def_labels_anchors,
              {std::to_string(labels), std::to_string(list.size())});
      if (!is_language(lang)) error("/scale/labels/" + lang, text::Msg::def_language_not_listed, {lang});
    }
    if (!s.labels.empty())
      for (const std::string& lang : q_.languages)
        if (!s.labels.count(lang)) error("/scale/labels", text::Msg::def_missing_labels, {lang});
    if (s.kind == ScaleKind::integer && !s.scores.empty() &&
        s.scores.size() != static_cast<std::size_t>(s.points()))
      error("/scale/scores", text::Msg::def_scores_count,
            {std::to_string(s.points()), std::to_string(s.scores.size())});
    if (!s.scores.empty() && s.kind == ScaleKind::continuous)
      error("/scale/scores", text::Msg::def_scores_integer_only, {});
  }

  void check_rule(const MissingRule& rule, int parts, const std::string& where) {
    if (rule.max_missing && (*rule.max_missing < 0 || *rule.max_missing > parts))
      error(where + "/max_missing", text::Msg::def_max_missing_range,
            {std::to_string(parts), std::to_string(*rule.max_missing)});
    if (rule.min_answered && !(*rule.min_answered > 0 && *rule.min_answered <= 1))
      error(where + "/min_answered", text::Msg::def_fraction, {});
  }

  void check_bands(const std::optional<Bands>& bands, ScoreRange range, const std::string& where);

  void check_norms(const std::vector<Norm>& norms, const std::string& where) {
    for (std::size_t i = 0; i < norms.size(); ++i) {
      if (!(norms[i].sd > 0)) error(at(where, i) + "/sd", text::Msg::def_sd, {});
      if (norms[i].reliability && !(*norms[i].reliability > -1 && *norms[i].reliability <= 1))
        error(at(where, i) + "/reliability", text::Msg::def_correlation, {});
      if (norms[i].citation.empty()) error(at(where, i) + "/citation", text::Msg::def_no_citation, {});
    }
  }

  // A subscale's id names its columns in the wide score layout (id, id_answered,
  // ...; docs/output-format.md): it may not repeat a fixed column's name, nor
  // another scale's column: reported at `where`.
  // `scales` holds every subscale id, and "total" when there is a total.
  void check_column_clash(const std::string& where, const std::string& id,
                          const std::set<std::string_view>& scales) {
    static const std::set<std::string> kFixed = {
        "respondent",      "session",         "form",   "date",          "language",
        "status",          "problems",        "source", "questionnaire", "questionnaire_version",
        "definition_hash", "alliance_version"};
    if (kFixed.count(id)) return error(where, text::Msg::def_fixed_column, {id});
    static const char* kSuffixes[] = {
        "_answered",     "_missing", "_status", "_possible_low", "_possible_high", "_band",
        "_band_settled", "_z",       "_t",      "_percentile"};
    // Looked up by the id less each suffix, so a long list of subscales is checked in n log n.
    for (const char* suffix : kSuffixes) {
      if (!id.ends_with(suffix)) continue;
      const std::string_view other = std::string_view(id).substr(0, id.size() - std::strlen(suffix));
      if (other != id && scales.count(other))
        return error(where, text::Msg::def_scale_column, {id, std::string(other)});
    }
  }

  void check_subscales() {
    std::set<std::string_view> scales;
    if (q_.total.present) scales.insert("total");
    for (const Subscale& sub : q_.subscales) scales.insert(sub.id);
    std::set<std::string> seen;
    for (std::size_t s = 0; s < q_.subscales.size(); ++s) {
      const Subscale& sub = q_.subscales[s];
      const std::string where = at("/subscales", s);
      if (!is_id(sub.id, false)) error(where + "/id", text::Msg::def_bad_id, {sub.id});
      if (sub.id == "total") error(where + "/id", text::Msg::def_total_reserved, {});
      check_column_clash(where + "/id", sub.id, scales);
      if (!seen.insert(sub.id).second) error(where + "/id", text::Msg::def_duplicate_subscale, {sub.id});
      check_languages(sub.title, where + "/title", !q_.languages.empty());
      if (sub.items.empty()) error(where, text::Msg::def_subscale_no_items, {sub.id});
      if (sub.prorate && sub.method != Method::sum)
        error(where + "/prorate", text::Msg::def_prorate_sums, {});
      check_rule(sub.missing, static_cast<int>(sub.items.size()), where + "/missing");
      if (!sub.items.empty()) check_bands(sub.bands, ranges().subscales[s], where + "/bands");
      check_norms(sub.norms, where + "/norms");
    }
  }

  void check_items() {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < q_.items.size(); ++i) {
      const Item& item = q_.items[i];
      const std::string where = at("/items", i);
      if (!is_id(item.id, false)) error(where + "/id", text::Msg::def_bad_id, {item.id});
      if (!seen.insert(item.id).second) error(where + "/id", text::Msg::def_duplicate_item, {item.id});
      if (!(item.weight > 0) || !std::isfinite(item.weight))
        error(where + "/weight", text::Msg::def_weight, {});
      else
        check_places(item.weight, where + "/weight");
      if (q_.languages.empty() && !item.text.empty())
        error(where + "/text", text::Msg::def_key_only_text, {});
      else
        check_languages(item.text, where + "/text", true);
    }
  }

  void check_total() {
    const Total& total = q_.total;
    if (!total.present) return;
    const int parts = static_cast<int>(total.of == TotalOf::items ? q_.items.size() : q_.subscales.size());
    check_rule(total.missing, parts, "/total/missing");
    if (total.prorate && total.method != Method::sum)
      error("/total/prorate", text::Msg::def_prorate_sums, {});
    check_languages(total.title, "/total/title", false);
    if (!q_.items.empty()) check_bands(total.bands, ranges().total, "/total/bands");
    check_norms(total.norms, "/total/norms");
  }

  // Every scale's range, worked out once (at the first need: a definition
  // with no items has none).
  const ScoreRanges& ranges() {
    if (!ranges_) ranges_ = score_ranges(q_);
    return *ranges_;
  }

  const Questionnaire& q_;
  std::optional<ScoreRanges> ranges_;
  std::vector<Diagnostic> out_;
};

std::string show(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

void Checker::check_bands(const std::optional<Bands>& bands, ScoreRange range, const std::string& where) {
  if (!bands) return;
  const std::vector<Band>& ranges = bands->ranges;
  if (ranges.empty()) error(where + "/ranges", text::Msg::def_no_ranges, {});
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    const Band& band = ranges[i];
    const std::string here = at(where + "/ranges", i);
    check_languages(band.label, here + "/label", true);
    if (band.min && band.max &&
        (*band.min > *band.max || (*band.min == *band.max && !(band.min_inclusive && band.max_inclusive))))
      error(here, text::Msg::def_min_max, {});
    if (i == 0) {
      if (band.min && (*band.min > range.low || (*band.min == range.low && !band.min_inclusive)))
        error(here + "/min", text::Msg::def_gap_from, {show(range.low)});
      continue;
    }
    const Band& previous = ranges[i - 1];
    if (!previous.max || !band.min) {
      error(here, text::Msg::def_ranges_open, {});
      continue;
    }
    if (*band.min < *previous.max ||
        (*band.min == *previous.max && band.min_inclusive && previous.max_inclusive))
      error(here + "/min", text::Msg::def_ranges_overlap, {show(*band.min)});
    else if (*band.min > *previous.max || (!band.min_inclusive && !previous.max_inclusive))
      error(here + "/min", text::Msg::def_ranges_gap, {show(*previous.max), show(*band.min)});
  }
  if (!ranges.empty()) {
    const Band& last = ranges.back();
    if (last.max && (*last.max < range.high || (*last.max == range.high && !last.max_inclusive)))
      error(at(where + "/ranges", ranges.size() - 1) + "/max", text::Msg::def_gap_up_to, {show(range.high)});
  }
}

// Whether the scorer can run on this scale: option scores are indexed by point, so a wrong
// count (reported by check_scale) would read past their end.
bool scorable(const Scale& s) {
  if (!(s.min < s.max)) return false;
  if (s.kind == ScaleKind::continuous) return s.scores.empty();
  if (s.min != std::floor(s.min) || s.max != std::floor(s.max) || s.max - s.min > 100) return false;
  return s.scores.empty() || s.scores.size() == static_cast<std::size_t>(s.points());
}

// An example's answer the scale refuses (core::describe's words, from the catalogue).
void Checker::example_answer_error(const std::string& where, double value, AnswerProblem problem) {
  const Scale& s = q_.scale;
  std::vector<std::string> args = {show(value), format_number(s.min), format_number(s.max)};
  switch (problem) {
    case AnswerProblem::none: return;
    case AnswerProblem::below_min:
    case AnswerProblem::above_max: return error(where, text::Msg::def_example_outside, std::move(args));
    case AnswerProblem::not_a_scale_point:
      if (s.kind == ScaleKind::continuous) {
        args.push_back(format_number(s.precision));
        return error(where, text::Msg::def_example_not_a_step, std::move(args));
      }
      return error(where, text::Msg::def_example_not_a_point, std::move(args));
    case AnswerProblem::not_finite: return error(where, text::Msg::def_example_not_finite, {show(value)});
  }
}

void Checker::check_examples_against_scorer() {
  if (!scorable(q_.scale)) return;  // the scale's own errors are reported; scoring would be meaningless
  if (q_.examples.empty()) return;
  // Ids to positions once (the first of a repeated id, as find_item), not a scan per answer.
  std::map<std::string_view, std::size_t> items;
  for (std::size_t i = 0; i < q_.items.size(); ++i) items.emplace(q_.items[i].id, i);
  std::map<std::string_view, std::size_t> subscales;
  for (std::size_t s = 0; s < q_.subscales.size(); ++s) subscales.emplace(q_.subscales[s].id, s);
  for (std::size_t e = 0; e < q_.examples.size(); ++e) {
    const Example& example = q_.examples[e];
    const std::string where = at("/examples", e);
    Answers answers(q_.items.size());
    bool usable = true;
    for (const auto& [item_id, value] : example.answers) {
      const auto found = items.find(item_id);
      if (found == items.end()) {
        error(where + "/answers/" + item_id, text::Msg::def_unknown_item, {item_id});
        usable = false;
        continue;
      }
      if (!value) continue;
      const AnswerProblem problem = check_answer(q_, *value);
      if (problem != AnswerProblem::none) {
        example_answer_error(where + "/answers/" + item_id, *value, problem);
        usable = false;
        continue;
      }
      answers[found->second] = value;
    }
    if (!usable) continue;
    const ScoreSheet sheet = score(q_, answers);
    for (const auto& [scale_id, expected] : example.expect) {
      const ScaleScore* got = nullptr;
      if (scale_id == "total" && q_.total.present)
        got = &sheet.total;
      else if (auto s = subscales.find(scale_id); s != subscales.end())
        got = &sheet.subscales[s->second];
      if (!got) {
        error(where + "/expect/" + scale_id, text::Msg::def_unknown_subscale, {scale_id});
        continue;
      }
      const std::string got_text = got->value ? show(*got->value) : text::nested(text::Msg::def_insufficient);
      const std::string want_text =
          expected ? show(*expected) : text::nested(text::Msg::def_insufficient_null);
      const bool agree = expected ? (got->value && std::fabs(*got->value - *expected) <= 1e-9) : !got->value;
      if (!agree)
        error(where + "/expect/" + scale_id, text::Msg::def_example_disagrees, {want_text, got_text});
    }
  }
}

}  // namespace

std::vector<Diagnostic> check_questionnaire(const Questionnaire& questionnaire) {
  return Checker(questionnaire).run();
}

}  // namespace alliance::core
