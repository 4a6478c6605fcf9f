#include "report_text.hpp"

#include <array>
#include <utility>

#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"

namespace alliance::io::report {

namespace {

// French: a no-break space (U+00A0, as admin's catalogue writes it) before
// ':', ';', '?', '!' and '%', between a number and its unit; a decimal comma
// (report::number).
#define NBSP "\u00A0"

struct Words {
  const char* en;
  const char* fr;
};

// In the order of Word.
constexpr Words kWords[] = {
    {"Alliance over sessions", "Alliance au fil des séances"},
    {"Caseload", "File active"},
    {"{} clients, {} sessions; {} to look at first (latest session flagged)",
     "{}" NBSP "personnes suivies, {}" NBSP "séances" NBSP
     "; {} à regarder d’abord (dernière séance signalée)"},
    {"Client", "Personne suivie"},
    {"sessions {}–{}", "séances {}–{}"},
    {"session {}", "séance {}"},
    {"{} sessions", "{}" NBSP "séances"},
    {"Latest total", "Dernier score global"},
    {"Change", "Écart"},
    {"Direction", "Évolution"},
    {"Flags (latest session)", "Signaux (dernière séance)"},
    {"Flags", "Signaux"},
    {"none", "aucun"},
    {"up", "en hausse"},
    {"down", "en baisse"},
    {"unchanged", "stable"},
    {"no earlier score", "pas de score antérieur"},
    {"Session", "Séance"},
    {"Date", "Date"},
    {"Scores by session", "Scores par séance"},
    {"therapist", "thérapeute"},
    {"Client’s form", "Questionnaire de la personne suivie"},
    {"Therapist’s form", "Questionnaire du thérapeute"},
    {"no response", "pas de réponse"},
    {"no score (too many missing answers)", "pas de score (trop de réponses manquantes)"},
    {"concern band", "zone de vigilance"},
    {"below band", "sous le seuil"},
    {"reliable drop", "baisse fiable"},
    {"rupture", "rupture"},
    {"repair", "réparation"},
    {"ceiling", "plafond"},
    {"low item", "item bas"},
    {"reliable rise", "hausse fiable"},
    {"{} over sessions, {}", "{} au fil des séances, {}"},
    {"scale {} to {}", "échelle de {} à {}"},
    {"from {} (session {}) to {} (session {})", "de {} (séance {}) à {} (séance {})"},
    {"marked: {}", "repères" NBSP ": {}"},
    {"the therapist’s rating beside it", "avec l’évaluation du thérapeute"},
    {"Client and therapist", "Personne suivie et thérapeute"},
    {"Differences are client − therapist; 95 % limits of agreement = mean difference ± 1.96 SD "
     "(Bland & Altman 1986); ICC(2,1): two-way random effects, absolute agreement, single rater "
     "(Shrout & Fleiss 1979); as alliance compare computes them.",
     "Écarts = personne suivie − thérapeute" NBSP "; limites d’agrément à 95" NBSP "% = écart moyen "
     "± 1,96" NBSP "écart-type (Bland et Altman, 1986)" NBSP "; CCI(2,1)" NBSP ": effets aléatoires à "
     "deux facteurs, accord absolu, un seul évaluateur (Shrout et Fleiss, 1979)" NBSP "; calculés comme "
     "par alliance compare."},
    {"Pairs", "Paires"},
    {"Client", "Personne suivie"},
    {"Therapist", "Thérapeute"},
    {"Mean difference", "Écart moyen"},
    {"95 % limits", "Limites à 95" NBSP "%"},
    {"r", "r"},
    {"ICC(2,1)", "CCI(2,1)"},
    {"With fewer than 10 pairs these figures are illustrations, not estimates.",
     "Avec moins de 10" NBSP "paires, ces chiffres illustrent" NBSP "; ce ne sont pas des estimations."},
    {"The therapist’s scores are not drawn: the sessions of one of the forms have no numbers.",
     "Les scores du thérapeute ne sont pas tracés" NBSP ": les séances de l’un des questionnaires ne "
     "sont pas numérotées."},
    {"Lowest answers of the latest session ({})", "Réponses les plus basses de la dernière séance ({})"},
    {"Item", "Item"},
    {"Subscale", "Sous-échelle"},
    {"Wording", "Énoncé"},
    {"Answer", "Réponse"},
    {"Scored as", "Cotation"},
    {"(key only: no wording)", "(clé de cotation seule" NBSP ": pas d’énoncé)"},
    {"no answer", "sans réponse"},
    {"Parameters and provenance", "Paramètres et provenance"},
    {"version", "version"},
    {"definition hash", "empreinte de la définition"},
    {"alliance version", "version d’alliance"},
    {"Date of the report", "Date du rapport"},
    {"Response files", "Fichiers de réponses"},
    {"standard input", "entrée standard"},
    {"Scale", "Échelle"},
    {"Reference SD", "Écart-type de référence"},
    {"Test-retest r", "Fidélité test-retest (r)"},
    {"Source", "Source"},
    {"the definition’s norms", "normes de la définition"},
    {"given on the command line", "en ligne de commande"},
    {"none", "aucune"},
    {"Rupture: a drop of at least {} SD from the previous session or from the baseline.",
     "Rupture" NBSP ": une baisse d’au moins {}" NBSP "écart-type par rapport à la séance précédente ou à "
     "la ligne de base."},
    {"Baseline: the mean of up to {} earlier sessions.",
     "Ligne de base" NBSP ": la moyenne des {}" NBSP "séances précédentes au plus."},
    {"Repair: back to the level before the drop within {} sessions.",
     "Réparation" NBSP ": retour au niveau d’avant la baisse en {}" NBSP "séances au plus."},
    {"Reliable change (Jacobson & Truax, 1991): |RC| above {}; without a reference SD and r, no reliable "
     "change and no rupture are claimed.",
     "Changement fiable (Jacobson et Truax, 1991)" NBSP ": |RC| supérieur à {}" NBSP "; sans écart-type "
     "de référence ni fidélité, aucun changement fiable ni aucune rupture n’est affirmé."},
    {"Low item: an answer, as scored, at or below {}.",
     "Item bas" NBSP ": une réponse, telle que cotée, inférieure ou égale à {}."},
    {"Responses that could not be read or scored, not shown: {} (see the command’s messages).",
     "Réponses illisibles ou impossibles à coter, absentes du rapport" NBSP ": {} (voir les messages de la "
     "commande)."},
    {"Legend", "Légende"},
    {"client’s score", "score de la personne suivie"},
    {"therapist’s score", "score du thérapeute"},
    {"session without a score: not drawn, never drawn as zero",
     "séance sans score" NBSP ": non tracée, jamais comptée comme zéro"},
    {"Total", "Score global"},
};
static_assert(std::size(kWords) == static_cast<std::size_t>(Word::count), "one entry per Word, in order");

#undef NBSP

bool replaced(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c < 0xA0) || c == 0x061C || c == 0x200E ||
         c == 0x200F || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

const char* word(Word w, const std::string& lang) {
  const Words& words = kWords[static_cast<std::size_t>(w)];
  return lang == "fr" ? words.fr : words.en;
}

std::string fill(std::string_view text, std::initializer_list<std::string_view> values) {
  std::string out;
  const std::string_view* next = values.begin();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '}' && next != values.end()) {
      out += *next++;
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const unsigned char byte = static_cast<unsigned char>(text.front());
    if (byte < 0x80 && byte >= 0x20 && byte != 0x7F) {
      switch (byte) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += static_cast<char>(byte);
      }
      text.remove_prefix(1);
      continue;
    }
    const core::Utf8Char c = core::decode_utf8(text);
    if (!c.valid || replaced(c.code))
      out += "\uFFFD";
    else
      out.append(text.substr(0, c.length));
    text.remove_prefix(c.length);
  }
  return out;
}

std::string number(double value, int decimals, const std::string& lang, bool signed_) {
  std::string text = core::format_fixed(value, decimals);
  const bool negative = text.front() == '-';
  if (negative) text.erase(0, 1);
  if (lang == "fr")
    for (char& c : text)
      if (c == '.') c = ',';
  if (negative) return "\u2212" + text;
  return signed_ && value > 0 ? "+" + text : text;
}

std::string coordinate(double value) {
  return core::format_fixed(value, 1);
}

}  // namespace alliance::io::report
