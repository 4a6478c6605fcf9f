// alliance show: a readable view of one questionnaire, or its normalised JSON.
#include <iostream>

#include "alliance/core/scoring.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/definition_writer.hpp"
#include "alliance/io/safe_stream.hpp"
#include "commands.hpp"
#include "context.hpp"

namespace alliance::cli {

namespace {

using core::format_number;

std::string rule_text(const core::MissingRule& rule, const std::string& lang) {
  if (rule.max_missing)
    return std::string(tr(lang, "at most ", "au plus ")) + std::to_string(*rule.max_missing) +
           tr(lang, " missing", " manquant(s)");
  if (rule.min_answered)
    return std::string(tr(lang, "at least ", "au moins ")) + format_number(*rule.min_answered * 100) +
           tr(lang, " % answered, rounded ", " % de réponses, arrondi ") +
           (lang == "fr" ? (rule.rounding == core::Rounding::up     ? "au supérieur"
                            : rule.rounding == core::Rounding::down ? "à l'inférieur"
                                                                    : "au plus proche")
                         : core::to_string(rule.rounding));
  return tr(lang, "any number missing", "tout nombre de manquants");
}

std::string method_text(core::Method method, bool prorate, const std::string& lang) {
  if (method == core::Method::mean) return tr(lang, "mean", "moyenne");
  return prorate ? tr(lang, "sum (prorated)", "somme (au prorata)") : tr(lang, "sum", "somme");
}

std::string range_text(core::ScoreRange range) {
  return format_number(range.low) + "–" + format_number(range.high);
}

void print_bands(const std::optional<core::Bands>& bands, const std::string& lang) {
  if (!bands) return;
  for (const core::Band& band : bands->ranges) {
    std::string edges =
        band.min ? std::string(band.min_inclusive ? "[" : "(") + format_number(*band.min) : "(−∞";
    edges += ", ";
    edges += band.max ? format_number(*band.max) + (band.max_inclusive ? "]" : ")") : "+∞)";
    std::cout << "      " << core::pad_right(edges, 12) << core::pick_text(band.label, lang)
              << (band.concern ? " (!)" : "") << '\n';
  }
  std::cout << "      " << tr(lang, "Source: ", "Source : ") << bands->citation << '\n';
}

void print_norms(const std::vector<core::Norm>& norms, const std::string& lang) {
  for (const core::Norm& n : norms)
    std::cout << "      " << tr(lang, "Norm: ", "Norme : ") << n.population
              << " M = " << format_number(n.mean) << ", SD = " << format_number(n.sd)
              << (n.n ? ", n = " + std::to_string(n.n) : "") << " (" << n.citation << ")\n";
}

void print_scale(const core::Questionnaire& q, const std::string& lang) {
  const core::Scale& s = q.scale;
  std::cout << tr(lang, "Scale: ", "Échelle : ") << format_number(s.min) << ".." << format_number(s.max);
  if (s.kind == core::ScaleKind::continuous)
    std::cout << tr(lang, " (continuous, recorded to ", " (continue, au ") << format_number(s.precision)
              << ")";
  std::cout << '\n';
  auto labels = s.labels.find(lang);
  if (labels == s.labels.end() && !s.labels.empty()) labels = s.labels.begin();
  if (labels == s.labels.end()) {
    std::cout << tr(lang, "  (no labels: key-only definition)\n",
                    "  (pas de libellés : clé de cotation seule)\n");
    return;
  }
  for (std::size_t k = 0; k < labels->second.size(); ++k) {
    const double point =
        s.kind == core::ScaleKind::integer ? s.min + static_cast<double>(k) : (k ? s.max : s.min);
    std::cout << "  " << format_number(point) << "  " << labels->second[k];
    if (!s.scores.empty())
      std::cout << tr(lang, "  (scores ", "  (vaut ") << format_number(s.scores[k]) << ")";
    std::cout << '\n';
  }
}

void print_subscales(const core::Questionnaire& q, const std::string& lang) {
  const core::ScoreRanges ranges = core::score_ranges(q);
  for (std::size_t i = 0; i < q.subscales.size(); ++i) {
    const core::Subscale& s = q.subscales[i];
    std::cout << "\n"
              << s.id << " — " << core::pick_text(s.title, lang) << ": "
              << method_text(s.method, s.prorate, lang) << tr(lang, " of ", " de ") << s.items.size()
              << tr(lang, " items, ", " items, ") << rule_text(s.missing, lang) << "; "
              << tr(lang, "range ", "étendue ") << range_text(ranges.subscales[i]) << '\n';
    for (std::size_t item : s.items) {
      const core::Item& it = q.items[item];
      std::string line = "  " + core::pad_right(it.id, 4) + (it.reverse ? "R " : "  ");
      if (it.weight != 1) line += "×" + format_number(it.weight) + " ";
      line += it.text.empty() ? tr(lang, "(no text)", "(pas de texte)") : core::pick_text(it.text, lang);
      std::cout << line << '\n';
    }
    print_bands(s.bands, lang);
    print_norms(s.norms, lang);
  }
}

void print_total(const core::Questionnaire& q, const std::string& lang) {
  const core::Total& t = q.total;
  if (!t.present) {
    std::cout << '\n' << tr(lang, "No total score.\n", "Pas de score global.\n");
    return;
  }
  std::cout << '\n'
            << tr(lang, "Total: ", "Total : ") << method_text(t.method, t.prorate, lang)
            << tr(lang, " of ", " des ")
            << (t.of == core::TotalOf::items ? tr(lang, "items", "items")
                                             : tr(lang, "subscales", "sous-échelles"))
            << ", " << rule_text(t.missing, lang);
  if (t.of == core::TotalOf::items && t.requires_all_subscales)
    std::cout << tr(lang, ", insufficient when any subscale is",
                    ", insuffisant dès qu'une sous-échelle l'est");
  std::cout << "; " << tr(lang, "range ", "étendue ") << range_text(core::total_range(q)) << '\n';
  print_bands(t.bands, lang);
  print_norms(t.norms, lang);
}

void print_text(const io::LoadedQuestionnaire& loaded, const std::string& lang) {
  const core::Questionnaire& q = loaded.questionnaire;
  std::cout << q.id << " " << q.version << " — " << core::pick_text(q.title, lang) << '\n';
  if (!q.description.empty()) std::cout << core::pick_text(q.description, lang) << '\n';
  std::cout << tr(lang, "Form: ", "Forme : ") << core::to_string(q.form)
            << tr(lang, " · family ", " · famille ") << q.family << " · " << q.items.size() << " items · "
            << (q.administrable()
                    ? tr(lang, "administrable", "administrable")
                    : tr(lang, "key only (scoring, no item text)", "clé seule (cotation, sans texte)"))
            << '\n';
  std::cout << tr(lang, "Source: ", "Source : ") << q.source.citation << '\n';
  std::cout << tr(lang, "Licence: ", "Licence : ") << q.source.licence << '\n';
  std::cout << (q.source.validated ? tr(lang, "Validated instrument.", "Instrument validé.")
                                   : tr(lang, "Not a validated instrument.", "Instrument non validé."))
            << '\n';
  if (!q.source.notes.empty()) std::cout << q.source.notes << '\n';
  std::cout << '\n';
  print_scale(q, lang);
  print_subscales(q, lang);
  print_total(q, lang);
  std::cout << '\n'
            << tr(lang, "R = reverse-keyed (scored min + max − answer). ",
                  "R = item inversé (coté min + max − réponse). ")
            << q.examples.size()
            << tr(lang, " embedded examples agree with the scorer.\n",
                  " exemples intégrés concordent avec la cotation.\n")
            << tr(lang, "Definition: ", "Définition : ") << loaded.origin << " (" << loaded.hash << ")\n";
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
