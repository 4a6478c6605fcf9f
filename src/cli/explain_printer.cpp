#include "explain_printer.hpp"

#include "alliance/core/explain.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/text_table.hpp"
#include "alliance/text/messages.hpp"
#include "context.hpp"

namespace alliance::cli {

namespace {

using core::format_number;
using text::fill;

// A number as the table shows it: a decimal comma in French.
std::string number(double value, const std::string& lang) {
  return text::decimal(lang, format_number(value));
}

void print_items(std::ostream& out, const core::Questionnaire& q, const core::Explanation& e,
                 const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  io::TextTable table(
      {m.col_item, m.col_subscale, m.col_answer, m.col_keyed, m.col_weight, m.col_contribution});
  for (const core::ItemWorking& w : e.items) {
    const core::Item& item = q.items[w.item];
    if (!w.answer) {
      table.add({item.id, q.subscales[item.subscale].id, m.explain_not_answered, "", "", ""});
      continue;
    }
    std::string keyed = number(w.keyed, lang);
    if (item.reverse)
      keyed += " (" + number(q.scale.min, lang) + "+" + number(q.scale.max, lang) + "−" +
               number(*w.answer, lang) + ")";
    if (w.item_score != w.keyed) keyed += " → " + number(w.item_score, lang);
    table.add({item.id, q.subscales[item.subscale].id, number(*w.answer, lang), keyed,
               number(item.weight, lang), number(w.contribution, lang)});
  }
  table.print(out);
}

// The label of the band `value` falls in; "" when none.
std::string band_of(const core::Bands& bands, double value, const std::string& lang) {
  for (const core::Band& band : bands.ranges)
    if (band.contains(value)) return core::terminal_safe(core::pick_text(band.label, lang));
  return "";
}

// What the missing answers could change: the range, and whether the band is settled.
void print_possible(std::ostream& out, const core::ScaleScore& s, const std::optional<core::Bands>& bands,
                    const std::string& lang) {
  if (!s.possible) return;
  const text::Messages& m = text::messages(lang);
  out << fill(m.explain_possible, {number(s.possible->low, lang), number(s.possible->high, lang)});
  if (bands) {
    const std::string low = band_of(*bands, s.possible->low, lang);
    if (s.possible->band_settled)
      out << fill(m.explain_band_settled, {low});
    else
      out << fill(m.explain_band_open, {low, band_of(*bands, s.possible->high, lang)});
  }
  out << '\n';
}

// The --fail-below decision on scale `subscale` (nullopt: the total), when a threshold names it.
void print_cutoff(std::ostream& out, const std::vector<Threshold>& thresholds,
                  const std::optional<std::size_t>& subscale, const core::ScaleScore& s,
                  const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  for (const Threshold& t : thresholds) {
    if (t.subscale != subscale) continue;
    const std::string threshold = text::decimal(lang, core::format_readable(t.value));
    const std::optional<core::CutoffDecision> decision = core::cutoff_decision(s, t.value);
    if (!decision) {
      out << fill(m.explain_cutoff_no_score, {threshold}) << '\n';
      continue;
    }
    out << fill(decision->below ? m.explain_cutoff_below : m.explain_cutoff_not_below,
                {threshold, number(*s.value, lang)});
    if (s.possible) out << (decision->settled ? m.explain_cutoff_settled : m.explain_cutoff_open);
    out << '\n';
  }
}

void print_rule(std::ostream& out, const std::string& name, core::Method method, bool prorate,
                const core::ScaleWorking& w, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  out << fill(m.explain_rule,
              {name, std::to_string(w.answered), std::to_string(w.parts), std::to_string(w.required)});
  if (w.subscales_insufficient) {
    out << m.explain_insufficient_subscale << '\n';
    return;
  }
  if (w.result.status != core::Status::ok) {
    out << m.explain_insufficient << '\n';
    return;
  }
  const std::string value = number(*w.result.value, lang);
  if (method == core::Method::mean)
    out << fill(m.explain_mean, {number(w.sum, lang), number(w.answered_weight, lang), value}) << '\n';
  else if (prorate && w.answered < w.parts)
    out << fill(m.explain_prorated,
                {number(w.sum, lang), number(w.total_weight, lang), number(w.answered_weight, lang), value})
        << '\n';
  else
    out << fill(m.explain_sum, {value}) << '\n';
}

}  // namespace

void print_explanation(std::ostream& out, const core::Questionnaire& q, const io::ResponseRecord& record,
                       const std::string& lang, const std::vector<Threshold>& thresholds) {
  const text::Messages& m = text::messages(lang);
  const core::Response& r = record.response;
  out << (r.respondent.empty() ? std::string(m.no_respondent_id) : core::terminal_safe(r.respondent));
  if (r.session) out << fill(m.explain_session, {std::to_string(*r.session)});
  out << " — " << core::terminal_safe(record.location) << '\n';
  if (!record.valid()) {
    for (const std::string& problem : io::problem_texts(record, lang))
      out << "  " << core::terminal_safe(problem) << '\n';
    out << m.explain_invalid << "\n\n";
    return;
  }
  const core::Explanation e = core::explain(q, r.answers);
  print_items(out, q, e, lang);
  for (std::size_t s = 0; s < q.subscales.size(); ++s) {
    const core::Subscale& sub = q.subscales[s];
    print_rule(out, sub.id + " (" + core::pick_text(sub.title, lang) + ")", sub.method, sub.prorate,
               e.subscales[s], lang);
    print_possible(out, e.subscales[s].result, sub.bands, lang);
    print_cutoff(out, thresholds, s, e.subscales[s].result, lang);
  }
  if (q.total.present) {
    print_rule(out,
               q.total.of == core::TotalOf::items ? m.explain_total_of_items : m.explain_total_of_subscales,
               q.total.method, q.total.prorate, e.total, lang);
    print_possible(out, e.total.result, q.total.bands, lang);
    print_cutoff(out, thresholds, std::nullopt, e.total.result, lang);
  }
  out << '\n';
}

}  // namespace alliance::cli
