#include "alliance/core/explain.hpp"

#include "scale_math.hpp"

namespace alliance::core {

namespace {

// Each number shown is the double nearest to the exact value scoring used.
ItemWorking work_item(const detail::ExactKey& key, std::size_t item, const std::optional<double>& answer) {
  ItemWorking w;
  w.item = item;
  w.answer = answer;
  if (!answer) return w;
  const double item_units = detail::item_units(key, item, *answer);
  w.keyed = detail::keyed_units(key, item, *answer) / key.answer_unit;
  w.item_score = item_units / key.score_unit;
  w.contribution = key.weights[item] * item_units / key.sum_unit;
  return w;
}

ScaleWorking working(const detail::ScaleRule& rule, const detail::Accumulator& acc) {
  ScaleWorking w;
  w.parts = acc.parts;
  w.answered = acc.answered;
  w.required = rule.required;
  return w;
}

ScaleWorking finish(const detail::ScaleRule& rule, const detail::ExactKey& key,
                    const detail::Accumulator& acc) {
  ScaleWorking w = working(rule, acc);
  w.sum = acc.sum / key.sum_unit;
  w.answered_weight = acc.answered_weight / key.weight_unit;
  w.total_weight = acc.total_weight / key.weight_unit;
  detail::finish_scale(rule, key, acc, w.result, w.prorate_factor);
  return w;
}

}  // namespace

Explanation explain(const Questionnaire& questionnaire, const Answers& answers) {
  const Questionnaire& q = questionnaire;
  const detail::ExactKey key = detail::make_key(q);
  Explanation out;
  for (std::size_t i = 0; i < q.items.size(); ++i) out.items.push_back(work_item(key, i, answers[i]));

  // The sums in units, exactly as score() adds them.
  auto add_item = [&](detail::Accumulator& acc, std::size_t item) {
    acc.add_part(key.weights[item]);
    if (answers[item])
      acc.add_answer(key.weights[item], key.weights[item] * detail::item_units(key, item, *answers[item]));
  };
  for (std::size_t s = 0; s < q.subscales.size(); ++s) {
    const Subscale& subscale = q.subscales[s];
    detail::Accumulator acc;
    for (std::size_t item : subscale.items) add_item(acc, item);
    out.subscales.push_back(finish({subscale.method, key.required[s], subscale.prorate}, key, acc));
    detail::interpret(subscale.bands, subscale.norms, key.norms[s], out.subscales.back().result);
  }

  // The total is taken from score() itself, so the two cannot drift apart;
  // only the accumulator view is rebuilt here for display.
  const ScoreSheet sheet = score(q, answers);
  const detail::ScaleRule rule{q.total.method, key.required[q.subscales.size()], q.total.prorate};
  detail::Accumulator acc;
  if (q.total.of == TotalOf::items) {
    for (std::size_t item = 0; item < q.items.size(); ++item) add_item(acc, item);
    out.total = finish(rule, key, acc);
  } else {
    for (const ScaleScore& sub : sheet.subscales) {
      acc.add_part(1);
      if (sub.status == Status::ok) acc.add_answer(1, *sub.value);
    }
    out.total = working(rule, acc);
    const std::optional<Fraction> sum = detail::subscale_sum(sheet);
    out.total.sum = sum ? to_double(*sum) : acc.sum;
    out.total.answered_weight = acc.answered_weight;
    out.total.total_weight = acc.total_weight;
    detail::finish_total_of_subscales(rule, acc, sum, out.total.result, out.total.prorate_factor);
  }
  out.total.result = sheet.total;
  // What the missing answers could change, as score() gives it.
  for (std::size_t s = 0; s < q.subscales.size(); ++s)
    out.subscales[s].result.possible = sheet.subscales[s].possible;
  out.total.subscales_insufficient = q.total.of == TotalOf::items && q.total.requires_all_subscales &&
                                     out.total.answered > 0 && out.total.answered >= out.total.required &&
                                     sheet.total.status == Status::insufficient;
  return out;
}

}  // namespace alliance::core
