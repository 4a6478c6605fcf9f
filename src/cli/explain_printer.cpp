#include "explain_printer.hpp"

#include "alliance/core/explain.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/text_table.hpp"
#include "context.hpp"

namespace alliance::cli {

namespace {

using core::format_number;

void print_items(std::ostream& out, const core::Questionnaire& q, const core::Explanation& e,
                 const std::string& lang) {
  io::TextTable table({tr(lang, "ITEM", "ITEM"), tr(lang, "SUBSCALE", "SOUS-ÉCHELLE"),
                       tr(lang, "ANSWER", "RÉPONSE"), tr(lang, "KEYED", "APRÈS INVERSION"),
                       tr(lang, "WEIGHT", "POIDS"), tr(lang, "CONTRIBUTION", "CONTRIBUTION")});
  for (const core::ItemWorking& w : e.items) {
    const core::Item& item = q.items[w.item];
    if (!w.answer) {
      table.add(
          {item.id, q.subscales[item.subscale].id, tr(lang, "not answered", "sans réponse"), "", "", ""});
      continue;
    }
    std::string keyed = format_number(w.keyed);
    if (item.reverse)
      keyed += " (" + format_number(q.scale.min) + "+" + format_number(q.scale.max) + "−" +
               format_number(*w.answer) + ")";
    if (w.item_score != w.keyed) keyed += " → " + format_number(w.item_score);
    table.add({item.id, q.subscales[item.subscale].id, format_number(*w.answer), keyed,
               format_number(item.weight), format_number(w.contribution)});
  }
  table.print(out);
}

void print_rule(std::ostream& out, const std::string& name, core::Method method, bool prorate,
                const core::ScaleWorking& w, const std::string& lang) {
  out << name << ": " << w.answered << tr(lang, " of ", " sur ") << w.parts
      << tr(lang, " answered", " renseignés") << tr(lang, " (at least ", " (au moins ") << w.required
      << tr(lang, " needed); ", " requis) ; ");
  if (w.subscales_insufficient) {
    out << tr(lang, "insufficient, because a subscale is insufficient\n",
              "insuffisant, car une sous-échelle est insuffisante\n");
    return;
  }
  if (w.result.status != core::Status::ok) {
    out << tr(lang, "insufficient: too many missing\n", "insuffisant : trop de réponses manquantes\n");
    return;
  }
  const std::string value = format_number(*w.result.value);
  if (method == core::Method::mean) {
    out << tr(lang, "mean = ", "moyenne = ") << format_number(w.sum) << " / "
        << format_number(w.answered_weight) << " = " << value << '\n';
  } else if (prorate && w.answered < w.parts) {
    out << tr(lang, "prorated sum = ", "somme au prorata = ") << format_number(w.sum) << " × "
        << format_number(w.total_weight) << " / " << format_number(w.answered_weight) << " = " << value
        << '\n';
  } else {
    out << tr(lang, "sum = ", "somme = ") << value << '\n';
  }
}

}  // namespace

void print_explanation(std::ostream& out, const core::Questionnaire& q, const io::ResponseRecord& record,
                       const std::string& lang) {
  const core::Response& r = record.response;
  out << (r.respondent.empty() ? tr(lang, "(no respondent id)", "(sans identifiant)")
                               : core::terminal_safe(r.respondent));
  if (r.session) out << tr(lang, ", session ", ", séance ") << *r.session;
  out << " — " << core::terminal_safe(record.location) << '\n';
  if (!record.valid()) {
    for (const std::string& problem : record.problems) out << "  " << core::terminal_safe(problem) << '\n';
    out << tr(lang, "invalid: not scored\n\n", "invalide : non coté\n\n");
    return;
  }
  const core::Explanation e = core::explain(q, r.answers);
  print_items(out, q, e, lang);
  for (std::size_t s = 0; s < q.subscales.size(); ++s) {
    const core::Subscale& sub = q.subscales[s];
    print_rule(out, sub.id + " (" + core::pick_text(sub.title, lang) + ")", sub.method, sub.prorate,
               e.subscales[s], lang);
  }
  if (q.total.present)
    print_rule(out,
               q.total.of == core::TotalOf::items
                   ? tr(lang, "total, of items", "total, des items")
                   : tr(lang, "total, of subscales", "total, des sous-échelles"),
               q.total.method, q.total.prorate, e.total, lang);
  out << '\n';
}

}  // namespace alliance::cli
