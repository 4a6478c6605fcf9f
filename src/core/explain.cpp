#include "alliance/core/explain.hpp"

#include "scale_math.hpp"

namespace alliance::core {

namespace {

ItemWorking work_item(const Questionnaire& q, std::size_t item, const std::optional<double>& answer) {
  ItemWorking w;
  w.item = item;
  w.answer = answer;
  if (!answer) return w;
  const Scale& scale = q.scale;
  w.keyed = q.items[item].reverse ? scale.min + scale.max - *answer : *answer;
  w.item_score = scale.scores.empty() ? w.keyed : scale.scores[static_cast<std::size_t>(w.keyed - scale.min)];
  w.contribution = contribution(q, item, *answer);
  return w;
}

ScaleWorking finish(const detail::ScaleRule& rule, const detail::Accumulator& acc) {
  ScaleWorking w;
  w.parts = acc.parts;
  w.answered = acc.answered;
  w.required = rule.missing ? rule.missing->required(acc.parts) : 0;
  w.sum = acc.sum;
  w.answered_weight = acc.answered_weight;
  w.total_weight = acc.total_weight;
  detail::finish_scale(rule, acc, w.result, w.prorate_factor);
  return w;
}

}  // namespace

Explanation explain(const Questionnaire& questionnaire, const Answers& answers) {
  const Questionnaire& q = questionnaire;
  Explanation out;
  for (std::size_t i = 0; i < q.items.size(); ++i) out.items.push_back(work_item(q, i, answers[i]));

  for (const Subscale& subscale : q.subscales) {
    detail::Accumulator acc;
    for (std::size_t item : subscale.items) {
      acc.add_part(q.items[item].weight);
      if (answers[item]) acc.add_answer(q.items[item].weight, out.items[item].contribution);
    }
    out.subscales.push_back(finish({subscale.method, &subscale.missing, subscale.prorate}, acc));
    detail::interpret(subscale.bands, subscale.norms, out.subscales.back().result);
  }

  // The total is taken from score() itself, so the two cannot drift apart;
  // only the accumulator view is rebuilt here for display.
  const ScoreSheet sheet = score(q, answers);
  detail::Accumulator acc;
  if (q.total.of == TotalOf::items) {
    for (const ItemWorking& item : out.items) {
      acc.add_part(q.items[item.item].weight);
      if (item.answer) acc.add_answer(q.items[item.item].weight, item.contribution);
    }
  } else {
    for (const ScaleScore& sub : sheet.subscales) {
      acc.add_part(1);
      if (sub.status == Status::ok) acc.add_answer(1, *sub.value);
    }
  }
  out.total = finish({q.total.method, &q.total.missing, q.total.prorate}, acc);
  out.total.result = sheet.total;
  out.total.subscales_insufficient = q.total.of == TotalOf::items && q.total.requires_all_subscales &&
                                     out.total.answered > 0 && out.total.answered >= out.total.required &&
                                     sheet.total.status == Status::insufficient;
  return out;
}

}  // namespace alliance::core
