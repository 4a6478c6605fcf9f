#include "alliance/core/scoring.hpp"

#include <algorithm>
#include <cmath>

#include "alliance/core/text.hpp"
#include "scale_math.hpp"

namespace alliance::core {

namespace detail {

namespace {

constexpr double kLimit = static_cast<double>(kExactLimit);

double power_of_ten(int places) {
  double out = 1;
  for (int i = 0; i < places; ++i) out *= 10;
  return out;
}

// `x` in units of 10^-places, when it is a decimal of at most that many places.
std::optional<double> in_units(double x, int places) {
  const std::optional<Fraction> f = decimal_of(x, places);
  if (!f) return std::nullopt;
  return static_cast<double>(f->num) * (power_of_ten(places) / static_cast<double>(f->den));
}

// The most places among `values`, or nullopt when one has more than kDefinitionPlaces.
template <typename Values>
std::optional<int> most_places(const Values& values) {
  int most = 0;
  for (double v : values) {
    const std::optional<int> places = decimal_places(v, kDefinitionPlaces);
    if (!places) return std::nullopt;
    most = std::max(most, *places);
  }
  return most;
}

std::optional<NormKey> norm_key(const std::vector<Norm>& norms) {
  if (norms.empty()) return std::nullopt;
  const std::optional<Fraction> mean = decimal_of(norms.front().mean, kValuePlaces);
  const std::optional<Fraction> sd = decimal_of(norms.front().sd, kValuePlaces);
  if (!mean || !sd || sd->num <= 0) return std::nullopt;
  NormKey out;
  out.n_factor = static_cast<double>(mean->den) * static_cast<double>(sd->den);
  out.d_factor = static_cast<double>(mean->num) * static_cast<double>(sd->den);
  out.den_factor = static_cast<double>(mean->den) * static_cast<double>(sd->num);
  if (!(out.n_factor < kLimit && std::fabs(out.d_factor) < kLimit && out.den_factor < kLimit))
    return std::nullopt;
  return out;
}

// Fills the units of `key` when every number is an exact decimal within the
// limits; returns false otherwise, the units untouched and key.places_ok
// saying whether the places were within kDefinitionPlaces.
bool exact_units(const Questionnaire& q, ExactKey& key) {
  const Scale& scale = q.scale;
  std::optional<int> answer_places = 0;
  if (scale.kind == ScaleKind::continuous)
    answer_places = most_places(std::vector<double>{scale.min, scale.max, scale.precision});
  else if (scale.min != std::floor(scale.min) || scale.max != std::floor(scale.max))
    return false;
  const std::optional<int> score_places = scale.scores.empty() ? answer_places : most_places(scale.scores);
  std::vector<double> weights;
  for (const Item& item : q.items) {
    if (!(item.weight > 0)) return false;
    weights.push_back(item.weight);
  }
  const std::optional<int> weight_places = most_places(weights);
  if (!answer_places || !score_places || !weight_places) return false;
  key.places_ok = true;

  const std::optional<double> min = in_units(scale.min, *answer_places);
  const std::optional<double> max = in_units(scale.max, *answer_places);
  if (!min || !max) return false;
  std::vector<double> scores;
  double largest = std::max(std::fabs(*min), std::fabs(*max));  // of an item score, in score units
  if (!scale.scores.empty()) {
    largest = 0;
    for (double s : scale.scores) {
      scores.push_back(*in_units(s, *score_places));
      largest = std::max(largest, std::fabs(scores.back()));
    }
  }
  double weight_sum = 0;
  for (double& w : weights) {
    w = *in_units(w, *weight_places);
    weight_sum += w;
  }
  // Every numerator (S, S x W) and denominator (w x 10^s, w x 10^(b+s)) of finish_scale within 2^53.
  const double score_unit = power_of_ten(*score_places);
  const double weight_unit = power_of_ten(*weight_places);
  if (!(weight_sum < kLimit && largest * weight_sum < kLimit && largest * weight_sum * weight_sum < kLimit &&
        weight_sum * weight_unit * score_unit < kLimit))
    return false;

  key.exact = true;
  key.scaled_answers = *answer_places > 0;
  key.answer_unit = power_of_ten(*answer_places);
  key.min = *min;
  key.max = *max;
  key.scores = std::move(scores);
  key.score_unit = score_unit;
  key.weight_unit = weight_unit;
  key.sum_unit = weight_unit * score_unit;
  key.weights = std::move(weights);
  return true;
}

}  // namespace

ExactKey make_key(const Questionnaire& q) {
  ExactKey key;
  key.min = q.scale.min;
  key.max = q.scale.max;
  key.scores = q.scale.scores;
  for (const Item& item : q.items) {
    key.weights.push_back(item.weight);
    key.reverse.push_back(item.reverse ? 1 : 0);
  }
  for (const Subscale& s : q.subscales)
    key.required.push_back(s.missing.required(static_cast<int>(s.items.size())));
  const std::size_t total_parts = q.total.of == TotalOf::items ? q.items.size() : q.subscales.size();
  key.required.push_back(q.total.present ? q.total.missing.required(static_cast<int>(total_parts)) : 0);
  for (const Item& item : q.items) {
    // The answers whose weighted, keyed, option-scored value is least and
    // greatest: without option scores the value is linear in the answer, so
    // one of the scale's ends; with them, one of the points that has a score.
    // (Called on unchecked definitions too: check_questionnaire's ranges.)
    const std::size_t points = q.scale.scores.empty() ? 2 : q.scale.scores.size();
    double low = q.scale.min, high = q.scale.max, low_value = 0, high_value = 0;
    for (std::size_t k = 0; k < points; ++k) {
      const double a = q.scale.scores.empty() ? (k == 0 ? q.scale.min : q.scale.max)
                                              : q.scale.min + static_cast<double>(k);
      const double keyed = item.reverse ? q.scale.min + q.scale.max - a : a;
      const double index = keyed - q.scale.min;
      const double value = item.weight * (q.scale.scores.empty() ? keyed
                                          : index >= 0 && index < static_cast<double>(q.scale.scores.size())
                                              ? q.scale.scores[static_cast<std::size_t>(index)]
                                              : keyed);
      if (k == 0 || value < low_value) {
        low = a;
        low_value = value;
      }
      if (k == 0 || value > high_value) {
        high = a;
        high_value = value;
      }
    }
    key.lowest_answer.push_back(low);
    key.highest_answer.push_back(high);
  }
  if (exact_units(q, key)) {
    for (const Subscale& s : q.subscales) key.norms.push_back(norm_key(s.norms));
    key.norms.push_back(norm_key(q.total.norms));
  } else {
    key.norms.assign(q.subscales.size() + 1, std::nullopt);
  }
  for (std::size_t item = 0; item < q.items.size(); ++item) {
    // In the key's final units, as score_subscale adds an answer; an option
    // score a bad definition lacks counts 0 (check_questionnaire refuses it).
    const auto units = [&](double answer) {
      const double keyed = keyed_units(key, item, answer);
      const double index = keyed - key.min;
      if (key.scores.empty()) return key.weights[item] * keyed;
      if (!(index >= 0 && index < static_cast<double>(key.scores.size()))) return 0.0;
      return key.weights[item] * key.scores[static_cast<std::size_t>(index)];
    };
    key.lowest_units.push_back(units(key.lowest_answer[item]));
    key.highest_units.push_back(units(key.highest_answer[item]));
  }
  return key;
}

void finish_scale(const ScaleRule& rule, const ExactKey& key, const Accumulator& acc, ScaleScore& out,
                  double& prorate_factor) {
  out.answered = acc.answered;
  out.missing = acc.parts - acc.answered;
  out.band.reset();
  out.z.reset();
  out.t.reset();
  out.percentile.reset();
  out.possible.reset();
  prorate_factor = 1;
  if (acc.answered == 0 || acc.answered < rule.required) {
    out.status = Status::insufficient;
    out.value.reset();
    out.exact.reset();
    return;
  }
  out.status = Status::ok;
  // One division of two whole numbers: the score is the double nearest to the exact fraction.
  double num = acc.sum;
  double den = key.sum_unit;
  if (rule.method == Method::mean) {
    den = acc.answered_weight * key.score_unit;
  } else {
    if (rule.prorate) prorate_factor = acc.total_weight / acc.answered_weight;
    // (S × W) / w rather than S × (W / w): one rounding, so 10 × 4 / 3 is 40/3 exactly rounded.
    if (rule.prorate && acc.answered < acc.parts) {
      num = acc.sum * acc.total_weight;
      den = acc.answered_weight * key.sum_unit;
    }
  }
  out.value = num / den;
  if (key.exact)
    out.exact = Fraction{static_cast<std::int64_t>(num), static_cast<std::int64_t>(den)};
  else
    out.exact.reset();
}

void finish_total_of_subscales(const ScaleRule& rule, const Accumulator& acc,
                               const std::optional<Fraction>& sum, ScaleScore& out, double& prorate_factor) {
  static const ExactKey kPlain;  // units of 1: the fallback in doubles
  finish_scale(rule, kPlain, acc, out, prorate_factor);
  if (out.status != Status::ok || !sum) return;
  std::optional<Fraction> exact = sum;
  if (rule.method == Method::mean)
    exact = divide(*sum, Fraction{acc.answered, 1});
  else if (rule.prorate && acc.answered < acc.parts)
    exact = multiply(*sum, Fraction{acc.parts, acc.answered});
  if (!exact) return;
  out.value = to_double(*exact);
  out.exact = exact;
}

std::optional<Fraction> subscale_sum(const ScoreSheet& sheet) {
  Fraction sum{0, 1};
  for (const ScaleScore& sub : sheet.subscales) {
    if (sub.status != Status::ok) continue;
    if (!sub.exact) return std::nullopt;
    const std::optional<Fraction> next = add(sum, *sub.exact);
    if (!next) return std::nullopt;
    sum = *next;
  }
  return sum;
}

void interpret(const std::optional<Bands>& bands, const std::vector<Norm>& norms,
               const std::optional<NormKey>& norm_key, ScaleScore& out) {
  if (out.status != Status::ok || !out.value) return;
  const double value = *out.value;
  if (bands) {
    for (std::size_t i = 0; i < bands->ranges.size(); ++i) {
      if (bands->ranges[i].contains(value)) {
        out.band = i;
        break;
      }
    }
  }
  if (norms.empty()) return;
  const Norm& norm = norms.front();
  double z = (value - norm.mean) / norm.sd;
  double t = 50 + 10 * z;
  if (norm_key && out.exact) {
    // The same fractions as the score: whole numbers below 2^53 are exact, so one rounding each.
    const double n = static_cast<double>(out.exact->num);
    const double d = static_cast<double>(out.exact->den);
    const double left = n * norm_key->n_factor;
    const double right = d * norm_key->d_factor;
    const double z_num = left - right;
    const double z_den = d * norm_key->den_factor;
    const double t_num = 50 * z_den + 10 * z_num;
    if (std::fabs(left) < kLimit && std::fabs(right) < kLimit && std::fabs(z_num) < kLimit &&
        z_den < kLimit) {
      z = z_num / z_den;
      t = std::fabs(50 * z_den) < kLimit && std::fabs(10 * z_num) < kLimit && std::fabs(t_num) < kLimit
              ? t_num / z_den
              : 50 + 10 * z;
    }
  }
  out.z = z;
  out.t = t;
  out.percentile = 100 * normal_cdf(z);
}

}  // namespace detail

const char* to_string(Status status) {
  switch (status) {
    case Status::ok: return "ok";
    case Status::insufficient: return "insufficient";
    case Status::invalid: return "invalid";
  }
  return "?";
}

AnswerProblem check_answer(const Questionnaire& questionnaire, double value) {
  const Scale& scale = questionnaire.scale;
  if (!std::isfinite(value)) return AnswerProblem::not_finite;
  if (value < scale.min) return AnswerProblem::below_min;
  if (value > scale.max) return AnswerProblem::above_max;
  if (scale.kind == ScaleKind::integer) {
    if (value != std::floor(value)) return AnswerProblem::not_a_scale_point;
  } else if (!on_decimal_steps(value, scale.min, scale.precision)) {
    return AnswerProblem::not_a_scale_point;
  }
  return AnswerProblem::none;
}

std::string describe(AnswerProblem problem, const Scale& scale) {
  const std::string range = format_number(scale.min) + ".." + format_number(scale.max);
  switch (problem) {
    case AnswerProblem::none: return "valid";
    case AnswerProblem::below_min:
    case AnswerProblem::above_max: return "is outside the scale " + range;
    case AnswerProblem::not_a_scale_point:
      if (scale.kind == ScaleKind::continuous)
        return "is not a step of the scale " + range + ", which records answers to " +
               format_number(scale.precision) +
               " (round the answer, or use a definition with a finer precision)";
      return "is not a whole point of the scale " + range;
    case AnswerProblem::not_finite: return "is not a number";
  }
  return "?";
}

double contribution(const Questionnaire& questionnaire, std::size_t item, double answer) {
  const Scale& scale = questionnaire.scale;
  const Item& it = questionnaire.items[item];
  const double keyed = it.reverse ? scale.min + scale.max - answer : answer;
  const double item_score =
      scale.scores.empty() ? keyed : scale.scores[static_cast<std::size_t>(keyed - scale.min)];
  // Whole numbers: the product is exact (every integer scale with whole weights and scores).
  if (item_score == std::floor(item_score) && it.weight == std::floor(it.weight) &&
      std::fabs(item_score * it.weight) < static_cast<double>(kExactLimit))
    return it.weight * item_score;
  return Scorer(questionnaire).contribution(item, answer);
}

Scorer::Scorer(const Questionnaire& questionnaire, bool possible_scores)
    : questionnaire_(&questionnaire),
      key_(std::make_unique<const detail::ExactKey>(detail::make_key(questionnaire))),
      possible_scores_(possible_scores) {}
Scorer::~Scorer() = default;
Scorer::Scorer(Scorer&&) noexcept = default;
Scorer& Scorer::operator=(Scorer&&) noexcept = default;

bool Scorer::exact() const {
  return key_->exact;
}

double Scorer::contribution(std::size_t item, double answer) const {
  return key_->weights[item] * detail::item_units(*key_, item, answer) / key_->sum_unit;
}

namespace {

// A missing item answered at the point that keys lowest (into `low`) and
// highest: the contributions make_key computed (weight x item_units).
void add_extremes(const detail::ExactKey& key, std::size_t item, detail::Accumulator& low,
                  detail::Accumulator& high) {
  const double weight = key.weights[item];
  low.add_answer(weight, key.lowest_units[item]);
  high.add_answer(weight, key.highest_units[item]);
}

// The score of a scale whose every part is answered: finish_scale's value
// without a missing rule to apply (one division, as there).
double complete_value(const detail::ScaleRule& rule, const detail::ExactKey& key,
                      const detail::Accumulator& acc) {
  if (rule.method == Method::mean) return acc.sum / (acc.answered_weight * key.score_unit);
  return acc.sum / key.sum_unit;
}

// The index of the band holding `value`, or bands.ranges.size().
std::size_t band_index(const Bands& bands, double value) {
  std::size_t i = 0;
  while (i < bands.ranges.size() && !bands.ranges[i].contains(value)) ++i;
  return i;
}

// out.possible from the scale's parts with every missing one answered at its
// lowest (`low`) and highest (`high`).
void possible_from(const detail::ScaleRule& rule, const detail::ExactKey& key, const detail::Accumulator& low,
                   const detail::Accumulator& high, const std::optional<Bands>& bands, ScaleScore& out) {
  PossibleScores possible{complete_value(rule, key, low), complete_value(rule, key, high), true};
  if (bands) {
    const std::size_t at_low = band_index(*bands, possible.low);
    possible.band_settled = at_low < bands->ranges.size() && at_low == band_index(*bands, possible.high);
  }
  out.possible = possible;
}

// `Possible`: whether ScaleScore::possible is computed (Scorer's
// possible_scores), a template argument so that a batch without it runs the
// loop it ran before possible scores existed.
template <bool Scaled, bool Possible>
void score_subscale(const Questionnaire& q, const detail::ExactKey& key, std::size_t s,
                    const Answers& answers, ScaleScore& out) {
  const Subscale& subscale = q.subscales[s];
  detail::Accumulator acc;
  for (std::size_t item : subscale.items) {
    const double weight = key.weights[item];
    acc.add_part(weight);
    if (answers[item]) acc.add_answer(weight, weight * detail::item_units<Scaled>(key, item, *answers[item]));
  }
  double factor = 1;
  const detail::ScaleRule rule{subscale.method, key.required[s], subscale.prorate};
  detail::finish_scale(rule, key, acc, out, factor);
  detail::interpret(subscale.bands, subscale.norms, key.norms[s], out);
  if constexpr (Possible) {
    if (acc.answered < acc.parts && out.status == Status::ok) {  // the common case fails the first test
      detail::Accumulator low = acc, high = acc;
      for (std::size_t item : subscale.items)
        if (!answers[item]) add_extremes(key, item, low, high);
      possible_from(rule, key, low, high, subscale.bands, out);
    }
  }
}

// The total's possible scores: a total of items as a subscale's; a total of
// subscales from each subscale at its lowest and highest — its possible scores
// when it misses items, its whole range when it has no score.
void total_possible(const Questionnaire& q, const detail::ExactKey& key, const Answers& answers,
                    const ScoreSheet& sheet, const detail::ScaleRule& rule, const detail::Accumulator& acc,
                    ScaleScore& out) {
  if (q.total.of == TotalOf::items) {
    detail::Accumulator low = acc, high = acc;
    for (std::size_t item = 0; item < q.items.size(); ++item)
      if (!answers[item]) add_extremes(key, item, low, high);
    possible_from(rule, key, low, high, q.total.bands, out);
    return;
  }
  detail::Accumulator low, high;
  for (std::size_t s = 0; s < sheet.subscales.size(); ++s) {
    const ScaleScore& sub = sheet.subscales[s];
    low.add_part(1);
    high.add_part(1);
    if (sub.status == Status::ok) {
      low.add_answer(1, sub.possible ? sub.possible->low : *sub.value);
      high.add_answer(1, sub.possible ? sub.possible->high : *sub.value);
      continue;
    }
    const Subscale& subscale = q.subscales[s];
    detail::Accumulator all_low, all_high;
    for (std::size_t item : subscale.items) {
      all_low.add_part(key.weights[item]);
      all_high.add_part(key.weights[item]);
      add_extremes(key, item, all_low, all_high);
    }
    const detail::ScaleRule sub_rule{subscale.method, key.required[s], subscale.prorate};
    low.add_answer(1, complete_value(sub_rule, key, all_low));
    high.add_answer(1, complete_value(sub_rule, key, all_high));
  }
  // Subscale scores, not item units: in plain doubles, as the total's fallback.
  static const detail::ExactKey kPlain;
  possible_from(rule, kPlain, low, high, q.total.bands, out);
}

template <bool Scaled, bool Possible>
void score_total(const Questionnaire& q, const detail::ExactKey& key, const Answers& answers,
                 ScoreSheet& sheet) {
  const Total& total = q.total;
  ScaleScore& out = sheet.total;
  if (!total.present) {
    out = ScaleScore{};
    return;
  }
  const std::size_t n = q.subscales.size();
  const detail::ScaleRule rule{total.method, key.required[n], total.prorate};
  detail::Accumulator acc;
  double factor = 1;
  [[maybe_unused]] bool missing_parts =
      false;  // for a total of subscales, a subscale's missing items count too
  if (total.of == TotalOf::items) {
    for (std::size_t item = 0; item < q.items.size(); ++item) {
      const double weight = key.weights[item];
      acc.add_part(weight);
      if (answers[item])
        acc.add_answer(weight, weight * detail::item_units<Scaled>(key, item, *answers[item]));
    }
    detail::finish_scale(rule, key, acc, out, factor);
    missing_parts = acc.answered < acc.parts;
  } else {
    for (const ScaleScore& sub : sheet.subscales) {
      acc.add_part(1);
      if (sub.status == Status::ok) acc.add_answer(1, *sub.value);
      if constexpr (Possible) missing_parts = missing_parts || sub.possible.has_value();
    }
    detail::finish_total_of_subscales(rule, acc, detail::subscale_sum(sheet), out, factor);
    missing_parts = missing_parts || acc.answered < acc.parts;
  }
  const bool blocked = total.of == TotalOf::items && total.requires_all_subscales &&
                       std::any_of(sheet.subscales.begin(), sheet.subscales.end(),
                                   [](const ScaleScore& sub) { return sub.status != Status::ok; });
  if (blocked) {
    out.status = Status::insufficient;
    out.value.reset();
    out.exact.reset();
  }
  detail::interpret(total.bands, total.norms, key.norms[n], out);
  if constexpr (Possible)
    if (missing_parts && out.status == Status::ok) total_possible(q, key, answers, sheet, rule, acc, out);
}

template <bool Scaled, bool Possible>
void score_sheet(const Questionnaire& q, const detail::ExactKey& key, const Answers& answers,
                 ScoreSheet& sheet) {
  sheet.subscales.resize(q.subscales.size());
  for (std::size_t s = 0; s < q.subscales.size(); ++s)
    score_subscale<Scaled, Possible>(q, key, s, answers, sheet.subscales[s]);
  score_total<Scaled, Possible>(q, key, answers, sheet);
}

}  // namespace

void Scorer::score_into(const Answers& answers, ScoreSheet& sheet) const {
  if (key_->scaled_answers) {
    if (possible_scores_)
      score_sheet<true, true>(*questionnaire_, *key_, answers, sheet);
    else
      score_sheet<true, false>(*questionnaire_, *key_, answers, sheet);
  } else if (possible_scores_) {
    score_sheet<false, true>(*questionnaire_, *key_, answers, sheet);
  } else {
    score_sheet<false, false>(*questionnaire_, *key_, answers, sheet);
  }
}

ScoreSheet Scorer::score(const Answers& answers) const {
  ScoreSheet sheet;
  score_into(answers, sheet);
  return sheet;
}

void score_into(const Questionnaire& questionnaire, const Answers& answers, ScoreSheet& sheet) {
  Scorer(questionnaire).score_into(answers, sheet);
}

ScoreSheet score(const Questionnaire& questionnaire, const Answers& answers) {
  return Scorer(questionnaire).score(answers);
}

ScoreSheet invalid_sheet(const Questionnaire& questionnaire) {
  ScoreSheet sheet;
  sheet.subscales.assign(questionnaire.subscales.size(), ScaleScore{});
  return sheet;
}

namespace {

// Ranges in sum units (10^-(b+s)), divided once at the end.
ScoreRange combine(Method method, const std::vector<ScoreRange>& parts) {
  ScoreRange out{0, 0};
  if (parts.empty()) return out;
  if (method == Method::sum) {
    for (const ScoreRange& part : parts) {
      out.low += part.low;
      out.high += part.high;
    }
    return out;
  }
  out = parts.front();
  for (const ScoreRange& part : parts) {
    out.low = std::min(out.low, part.low);
    out.high = std::max(out.high, part.high);
  }
  return out;
}

std::vector<ScoreRange> item_ranges(const detail::ExactKey& key, const std::vector<std::size_t>& items,
                                    Method method) {
  ScoreRange one{key.min, key.max};
  if (!key.scores.empty()) {
    auto [low, high] = std::minmax_element(key.scores.begin(), key.scores.end());
    one = {*low, *high};
  }
  std::vector<ScoreRange> parts;
  for (std::size_t item : items) {
    // A weighted mean stays within the item range; a sum scales by weight.
    const double w = method == Method::sum ? key.weights[item] : key.weight_unit;
    parts.push_back({w * one.low, w * one.high});
  }
  return parts;
}

ScoreRange subscale_units(const Questionnaire& q, const detail::ExactKey& key, std::size_t subscale) {
  const Subscale& s = q.subscales[subscale];
  return combine(s.method, item_ranges(key, s.items, s.method));
}

ScoreRange in_scores(const detail::ExactKey& key, ScoreRange units) {
  return {units.low / key.sum_unit, units.high / key.sum_unit};
}

}  // namespace

ScoreRange subscale_range(const Questionnaire& questionnaire, std::size_t subscale) {
  const detail::ExactKey key = detail::make_key(questionnaire);
  return in_scores(key, subscale_units(questionnaire, key, subscale));
}

ScoreRange total_range(const Questionnaire& questionnaire) {
  return score_ranges(questionnaire).total;
}

ScoreRanges score_ranges(const Questionnaire& questionnaire) {
  const detail::ExactKey key = detail::make_key(questionnaire);
  ScoreRanges out;
  std::vector<ScoreRange> units;
  for (std::size_t s = 0; s < questionnaire.subscales.size(); ++s) {
    units.push_back(subscale_units(questionnaire, key, s));
    out.subscales.push_back(in_scores(key, units.back()));
  }
  const Total& total = questionnaire.total;
  if (total.of == TotalOf::subscales) {
    out.total = in_scores(key, combine(total.method, units));
  } else {
    std::vector<std::size_t> all(questionnaire.items.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    out.total = in_scores(key, combine(total.method, item_ranges(key, all, total.method)));
  }
  return out;
}

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

}  // namespace alliance::core
