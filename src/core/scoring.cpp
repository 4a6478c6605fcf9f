#include "alliance/core/scoring.hpp"

#include <algorithm>
#include <cmath>

#include "scale_math.hpp"

namespace alliance::core {

namespace detail {

void finish_scale(const ScaleRule& rule, const Accumulator& acc, ScaleScore& out, double& prorate_factor) {
  out.answered = acc.answered;
  out.missing = acc.parts - acc.answered;
  out.band.reset();
  out.z.reset();
  out.t.reset();
  out.percentile.reset();
  prorate_factor = 1;
  const int required = rule.missing ? rule.missing->required(acc.parts) : 0;
  if (acc.answered == 0 || acc.answered < required) {
    out.status = Status::insufficient;
    out.value.reset();
    return;
  }
  out.status = Status::ok;
  if (rule.method == Method::mean) {
    out.value = acc.sum / acc.answered_weight;
  } else {
    if (rule.prorate) prorate_factor = acc.total_weight / acc.answered_weight;
    // (S × W) / w rather than S × (W / w): one rounding, so 10 × 4 / 3 is 40/3 exactly rounded.
    const bool scaled = rule.prorate && acc.answered < acc.parts;
    out.value = scaled ? acc.sum * acc.total_weight / acc.answered_weight : acc.sum;
  }
}

void interpret(const std::optional<Bands>& bands, const std::vector<Norm>& norms, ScaleScore& out) {
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
  if (!norms.empty()) {
    const Norm& norm = norms.front();
    const double z = (value - norm.mean) / norm.sd;
    out.z = z;
    out.t = 50 + 10 * z;
    out.percentile = 100 * normal_cdf(z);
  }
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
  if (scale.kind == ScaleKind::integer && value != std::floor(value)) return AnswerProblem::not_a_scale_point;
  return AnswerProblem::none;
}

namespace {

std::string number_text(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    return std::to_string(static_cast<long long>(value));
  std::string text = std::to_string(value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  return text;
}

}  // namespace

std::string describe(AnswerProblem problem, const Scale& scale) {
  const std::string range = number_text(scale.min) + ".." + number_text(scale.max);
  switch (problem) {
    case AnswerProblem::none: return "valid";
    case AnswerProblem::below_min:
    case AnswerProblem::above_max: return "is outside the scale " + range;
    case AnswerProblem::not_a_scale_point: return "is not a whole point of the scale " + range;
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
  return it.weight * item_score;
}

namespace {

void score_subscale(const Questionnaire& q, std::size_t s, const Answers& answers, ScaleScore& out) {
  const Subscale& subscale = q.subscales[s];
  detail::Accumulator acc;
  for (std::size_t item : subscale.items) {
    const double weight = q.items[item].weight;
    acc.add_part(weight);
    if (answers[item]) acc.add_answer(weight, contribution(q, item, *answers[item]));
  }
  double factor = 1;
  detail::finish_scale({subscale.method, &subscale.missing, subscale.prorate}, acc, out, factor);
  detail::interpret(subscale.bands, subscale.norms, out);
}

void score_total(const Questionnaire& q, const Answers& answers, ScoreSheet& sheet) {
  const Total& total = q.total;
  ScaleScore& out = sheet.total;
  if (!total.present) {
    out = ScaleScore{};
    return;
  }
  detail::Accumulator acc;
  if (total.of == TotalOf::items) {
    for (std::size_t item = 0; item < q.items.size(); ++item) {
      const double weight = q.items[item].weight;
      acc.add_part(weight);
      if (answers[item]) acc.add_answer(weight, contribution(q, item, *answers[item]));
    }
  } else {
    for (const ScaleScore& sub : sheet.subscales) {
      acc.add_part(1);
      if (sub.status == Status::ok) acc.add_answer(1, *sub.value);
    }
  }
  double factor = 1;
  detail::finish_scale({total.method, &total.missing, total.prorate}, acc, out, factor);
  const bool blocked = total.of == TotalOf::items && total.requires_all_subscales &&
                       std::any_of(sheet.subscales.begin(), sheet.subscales.end(),
                                   [](const ScaleScore& sub) { return sub.status != Status::ok; });
  if (blocked) {
    out.status = Status::insufficient;
    out.value.reset();
  }
  detail::interpret(total.bands, total.norms, out);
}

}  // namespace

void score_into(const Questionnaire& questionnaire, const Answers& answers, ScoreSheet& sheet) {
  sheet.subscales.resize(questionnaire.subscales.size());
  for (std::size_t s = 0; s < questionnaire.subscales.size(); ++s)
    score_subscale(questionnaire, s, answers, sheet.subscales[s]);
  score_total(questionnaire, answers, sheet);
}

ScoreSheet score(const Questionnaire& questionnaire, const Answers& answers) {
  ScoreSheet sheet;
  score_into(questionnaire, answers, sheet);
  return sheet;
}

ScoreSheet invalid_sheet(const Questionnaire& questionnaire) {
  ScoreSheet sheet;
  sheet.subscales.assign(questionnaire.subscales.size(), ScaleScore{});
  return sheet;
}

namespace {

ScoreRange item_score_range(const Scale& scale) {
  if (scale.scores.empty()) return {scale.min, scale.max};
  auto [low, high] = std::minmax_element(scale.scores.begin(), scale.scores.end());
  return {*low, *high};
}

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

std::vector<ScoreRange> item_ranges(const Questionnaire& q, const std::vector<std::size_t>& items,
                                    Method method) {
  const ScoreRange one = item_score_range(q.scale);
  std::vector<ScoreRange> parts;
  for (std::size_t item : items) {
    // A weighted mean stays within the item range; a sum scales by weight.
    const double w = method == Method::sum ? q.items[item].weight : 1;
    parts.push_back({w * one.low, w * one.high});
  }
  return parts;
}

}  // namespace

ScoreRange subscale_range(const Questionnaire& questionnaire, std::size_t subscale) {
  const Subscale& s = questionnaire.subscales[subscale];
  return combine(s.method, item_ranges(questionnaire, s.items, s.method));
}

ScoreRange total_range(const Questionnaire& questionnaire) {
  const Total& total = questionnaire.total;
  if (total.of == TotalOf::subscales) {
    std::vector<ScoreRange> parts;
    for (std::size_t s = 0; s < questionnaire.subscales.size(); ++s)
      parts.push_back(subscale_range(questionnaire, s));
    return combine(total.method, parts);
  }
  std::vector<std::size_t> all(questionnaire.items.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return combine(total.method, item_ranges(questionnaire, all, total.method));
}

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

}  // namespace alliance::core
