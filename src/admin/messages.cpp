#include "alliance/admin/messages.hpp"

#include <charconv>
#include <vector>

namespace alliance::admin {

namespace {

const Messages kEnglish = {
    .question_of = "Question {1} of {2}",
    .answer_keys = "Press {1} to {2} to answer",
    .answer_number = "Type a number from {1} to {2}, then Enter",
    .keep_key = "Enter keeps the answer",
    .back_key = "← or b to go back",
    .skip_key = "s to skip",
    .help_key = "? for help",
    .quit_key = "q to stop",
    .current_answer = "Current answer: {1}",
    .no_answer = "no answer",
    .typed = "Your answer: {1}",
    .review_title = "Review your answers",
    .review_keys =
        "↑ ↓ to choose\n"
        "Enter to change or submit\n"
        "a number then Enter to go to it\n"
        "← or b to go back\n"
        "? for help\n"
        "q to stop",
    .submit_row = "Submit my answers",
    .help_title = "Keys",
    .help_lines =
        "{1}\tanswer, and go to the next question\n"
        "Enter, →\tkeep the answer already given, go to the next question\n"
        "←, b\tgo back to the previous question\n"
        "s\tskip the question, where that is allowed\n"
        "?\tthis help\n"
        "q\tstop; the answers given so far are kept\n"
        "Every answer is saved as soon as it is given. Before submitting you can review every "
        "answer and change any of them.",
    .any_key = "Press any key to go on.",
    .invalid_answer = "Answer with a number from {1} to {2}.",
    .skip_not_allowed = "This question cannot be skipped: too many answers would be missing for '{1}'.",
    .at_first_item = "This is the first question.",
    .not_understood = "Not understood: \"{1}\". Type ? for help.",
    .unknown_item = "There is no question {1}.",
    .line_prompt = "Answer ({1} to {2}): ",
    .line_hint = "Enter alone skips, b goes back, ? help, q stops.",
    .answer_range = "{1} to {2}",
    .line_help =
        "Type the number of your answer and press Enter.\n"
        "s skips the question, where that is allowed; an empty line keeps the answer already given.\n"
        "b goes back to the previous question; q stops (the answers given so far are kept).",
    .line_review = "Type a question number to change its answer, or press Enter to submit: ",
    .saved = "Answers saved in {1}",
    .scores_title = "Scores",
    .insufficient = "insufficient (too many missing answers)",
    .total = "Total",
    .scores_hidden = "Scores are not shown. Read them later with: {1}",
    .stopped = "Stopped: {1} of {2} {2:question|questions} answered; the answers are saved in {3}.",
    .end_of_input = "End of input before the last question.",
    .interrupted = "Interrupted: the answers given so far are saved in {1}.",
    .resume_hint = "To continue: {1}",
    .line_error = "line {1}: {2}",
    .key_only =
        "'{1}' is a key-only definition (no item text): it scores responses but cannot be administered. "
        "If you hold a licence, supply the item text in a file that extends the key (see "
        "docs/definition-format.md, \"Supplying licensed item text\"), then run: alliance administer "
        "./my-{1}.json --respondent ID",
    .no_labels =
        "'{1}' has no labels for its scale, so it cannot be administered; add \"labels\" to its "
        "\"scale\" (docs/definition-format.md)",
    .terminal_too_small =
        "The window is too small to show everything: enlarge it (at least {1} × {2}). Until then, no "
        "answer is taken.",

    .typed_item = "Question number: {1}",
    .more_above = "↑ {1} more above",
    .more_below = "↓ {1} more below",
    .not_all_seen =
        "Some answers have not been on screen yet: go up the list (↑) to see them before submitting.",
    .needs_answer = "This question has no answer yet: answer with {1} to {2}.",
    .needs_answer_or_skip = "This question has no answer yet: answer with {1} to {2}, or press s to skip it.",
    .quit_confirm =
        "Stop now?\n"
        "Enter, y or o: stop\n"
        "Any other key: go on\n"
        "\n"
        "The answers given so far are saved; the session can be resumed later (the command to resume it "
        "is shown when you stop).",
    .finish_offer =
        "Submit your answers now and finish?\n"
        "Enter, y or o: submit my answers\n"
        "q: stop without submitting (the session can be resumed later)\n"
        "Any other key: back to the review\n"
        "\n"
        "Every question has been answered (or skipped).",
    .review_help_lines =
        "↑ ↓, k j\tchoose a question, or \"Submit my answers\"\n"
        "Enter\tchange the chosen answer, or submit on \"Submit my answers\"\n"
        "a number, Enter\tchange the answer to that question\n"
        "←, b\tgo back to the last question\n"
        "?\tthis help\n"
        "q\tstop (or submit, once every question is settled)\n"
        "Every answer is already saved. Submitting ends the session; until then any answer can be "
        "changed.",
    .plain_hint = "Type the number of your answer, then Enter; s skips, b goes back, ? help, q stops.",
    .line_needs_answer = "No answer yet: type a number from {1} to {2}.",
    .line_needs_answer_or_skip = "No answer yet: type a number from {1} to {2}, or s to skip the question.",
    .line_quit_confirm =
        "Stop now? The answers given so far are saved and the session can be resumed later. Enter, y or o "
        "to stop; anything else to go on: ",
    .line_finish_offer =
        "Every question has been answered (or skipped). Enter, y or o to submit your answers and finish; "
        "q to stop without submitting; anything else to go back to the list: ",
    .line_review_help =
        "Type a question number and Enter to change its answer.\n"
        "An empty line submits your answers.\n"
        "b goes back to the last question; q stops (the answers given so far are kept).",
    .score_items = "{1} of {2} {2:question|questions}",
    .score_subscales = "{1} of {2} {2:subscale|subscales}",
};

const Messages kFrench = {
    .question_of = "Question {1} sur {2}",
    .answer_keys = "Appuyez sur {1} à {2} pour répondre",
    .answer_number = "Tapez un nombre de {1} à {2}, puis Entrée",
    .keep_key = "Entrée garde la réponse",
    .back_key = "← ou b pour revenir",
    .skip_key = "s pour passer",
    .help_key = "? pour l’aide",
    .quit_key = "q pour arrêter",
    .current_answer = "Réponse actuelle\u00a0: {1}",
    .no_answer = "sans réponse",
    .typed = "Votre réponse\u00a0: {1}",
    .review_title = "Vérifiez vos réponses",
    .review_keys =
        "↑ ↓ pour choisir\n"
        "Entrée pour modifier ou envoyer\n"
        "un numéro puis Entrée pour y aller\n"
        "← ou b pour revenir\n"
        "? pour l’aide\n"
        "q pour arrêter",
    .submit_row = "Envoyer mes réponses",
    .help_title = "Touches",
    .help_lines =
        "{1}\trépondre et passer à la question suivante\n"
        "Entrée, →\tgarder la réponse déjà donnée, passer à la suivante\n"
        "←, b\trevenir à la question précédente\n"
        "s\tpasser la question, quand c’est permis\n"
        "?\tcette aide\n"
        "q\tarrêter\u00a0; les réponses déjà données sont gardées\n"
        "Chaque réponse est enregistrée dès qu’elle est donnée. Avant d’envoyer, vous pouvez "
        "relire toutes vos réponses et modifier chacune d’elles.",
    .any_key = "Appuyez sur une touche pour continuer.",
    .invalid_answer = "Répondez par un nombre de {1} à {2}.",
    .skip_not_allowed =
        "Cette question ne peut pas être passée\u00a0: il manquerait trop de réponses pour "
        "«\u00a0{1}\u00a0».",
    .at_first_item = "C’est la première question.",
    .not_understood = "Je n’ai pas compris «\u00a0{1}\u00a0». Tapez ? pour l’aide.",
    .unknown_item = "Il n’y a pas de question {1}.",
    .line_prompt = "Réponse (de {1} à {2})\u00a0: ",
    .line_hint = "Entrée seule pour passer, b pour revenir, ? pour l’aide, q pour arrêter.",
    .answer_range = "{1} à {2}",
    .line_help =
        "Tapez le numéro de votre réponse puis Entrée.\n"
        "s passe la question, quand c’est permis\u00a0; une ligne vide garde la réponse déjà donnée.\n"
        "b revient à la question précédente\u00a0; q arrête (les réponses déjà données sont gardées).",
    .line_review = "Tapez le numéro d’une question pour modifier sa réponse, ou Entrée pour envoyer\u00a0: ",
    .saved = "Réponses enregistrées dans {1}",
    .scores_title = "Scores",
    .insufficient = "insuffisant (trop de réponses manquantes)",
    .total = "Total",
    .scores_hidden = "Les scores ne sont pas affichés. Pour les consulter plus tard\u00a0: {1}",
    .stopped =
        "Arrêt\u00a0: {1} {1:réponse donnée|réponse donnée|réponses données} sur {2} "
        "{2:question|question|questions}\u00a0; les réponses sont enregistrées dans {3}.",
    .end_of_input = "Fin de l’entrée avant la dernière question.",
    .interrupted = "Interrompu\u00a0: les réponses déjà données sont enregistrées dans {1}.",
    .resume_hint = "Pour reprendre\u00a0: {1}",
    .line_error = "ligne {1}\u00a0: {2}",
    .key_only =
        "«\u00a0{1}\u00a0» est une clé de cotation seule (sans texte des items)\u00a0: elle permet de coter, "
        "pas "
        "de "
        "faire passer le questionnaire. Si vous détenez une licence, fournissez le texte des items dans un "
        "fichier qui étend la clé (voir docs/definition-format.md, «\u00a0Supplying licensed item "
        "text\u00a0»), "
        "puis lancez\u00a0: alliance administer ./my-{1}.json --respondent ID",
    .no_labels =
        "«\u00a0{1}\u00a0» n’a pas de libellés pour son échelle et ne peut donc pas être administré\u00a0; "
        "ajoutez "
        "«\u00a0labels\u00a0» à son «\u00a0scale\u00a0» (docs/definition-format.md)",
    .terminal_too_small =
        "Fenêtre trop petite pour tout afficher\u00a0: agrandissez-la (au moins {1}\u00a0×\u00a0{2}). "
        "D’ici là, aucune réponse n’est prise en compte.",

    .typed_item = "Numéro de question\u00a0: {1}",
    .more_above = "↑ {1} au-dessus",
    .more_below = "↓ {1} en dessous",
    .not_all_seen =
        "Certaines réponses ne sont pas encore passées à l’écran\u00a0: remontez la liste (↑) pour les "
        "voir avant d’envoyer.",
    .needs_answer = "Cette question n’a pas encore de réponse\u00a0: répondez de {1} à {2}.",
    .needs_answer_or_skip =
        "Cette question n’a pas encore de réponse\u00a0: répondez de {1} à {2}, ou appuyez sur s pour la "
        "passer.",
    .quit_confirm =
        "Arrêter maintenant\u00a0?\n"
        "Entrée, o ou y\u00a0: arrêter\n"
        "Une autre touche\u00a0: continuer\n"
        "\n"
        "Les réponses déjà données sont enregistrées\u00a0; la passation pourra être reprise plus tard "
        "(la commande pour la reprendre s’affiche à l’arrêt).",
    .finish_offer =
        "Envoyer vos réponses maintenant et terminer\u00a0?\n"
        "Entrée, o ou y\u00a0: envoyer mes réponses\n"
        "q\u00a0: arrêter sans envoyer (la passation pourra être reprise)\n"
        "Une autre touche\u00a0: revenir à la vérification\n"
        "\n"
        "Toutes les questions ont une réponse (ou ont été passées).",
    .review_help_lines =
        "↑ ↓, k j\tchoisir une question, ou «\u00a0Envoyer mes réponses\u00a0»\n"
        "Entrée\tmodifier la réponse choisie, ou envoyer sur «\u00a0Envoyer mes réponses\u00a0»\n"
        "un numéro, Entrée\tmodifier la réponse à cette question\n"
        "←, b\trevenir à la dernière question\n"
        "?\tcette aide\n"
        "q\tarrêter (ou envoyer, quand toutes les questions ont une réponse)\n"
        "Chaque réponse est déjà enregistrée. L’envoi termine la passation\u00a0; d’ici là, chaque "
        "réponse peut être modifiée.",
    .plain_hint =
        "Tapez le numéro de votre réponse puis Entrée\u00a0; s pour passer, b pour revenir, ? pour "
        "l’aide, q pour arrêter.",
    .line_needs_answer = "Pas encore de réponse\u00a0: tapez un nombre de {1} à {2}.",
    .line_needs_answer_or_skip =
        "Pas encore de réponse\u00a0: tapez un nombre de {1} à {2}, ou s pour passer la question.",
    .line_quit_confirm =
        "Arrêter maintenant\u00a0? Les réponses déjà données sont enregistrées et la passation pourra "
        "être reprise. Entrée, o ou y pour arrêter\u00a0; autre chose pour continuer\u00a0: ",
    .line_finish_offer =
        "Toutes les questions ont une réponse (ou ont été passées). Entrée, o ou y pour envoyer vos "
        "réponses et terminer\u00a0; q pour arrêter sans envoyer\u00a0; autre chose pour revenir à la "
        "liste\u00a0: ",
    .line_review_help =
        "Tapez le numéro d’une question puis Entrée pour modifier sa réponse.\n"
        "Une ligne vide envoie vos réponses.\n"
        "b revient à la dernière question\u00a0; q arrête (les réponses déjà données sont gardées).",
    .score_items = "{1} {1:question|question|questions} sur {2}",
    .score_subscales = "{1} {1:sous-échelle|sous-échelle|sous-échelles} sur {2}",
};

}  // namespace

const Messages& messages(const std::string& lang) {
  return lang == "fr" ? kFrench : kEnglish;
}

namespace {

// {N:one|other} or {N:zero|one|other} (the part after ':' in `forms`) for the number `arg`.
std::string_view plural(std::string_view forms, std::string_view arg) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t bar = forms.find('|', start);
    parts.push_back(forms.substr(start, bar == std::string_view::npos ? bar : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  long n = -1;
  const auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), n);
  const bool number = ec == std::errc() && end == arg.data() + arg.size();
  if (parts.size() == 3 && number && n == 0) return parts[0];
  if (number && n == 1) return parts[parts.size() == 3 ? 1 : 0];
  return parts.back();
}

}  // namespace

std::string fill(std::string_view templ, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(templ.size() + 32);
  for (std::size_t i = 0; i < templ.size(); ++i) {
    if (templ[i] == '{' && i + 2 < templ.size() && templ[i + 1] >= '1' && templ[i + 1] <= '9' &&
        (templ[i + 2] == '}' || templ[i + 2] == ':')) {
      const auto index = static_cast<std::size_t>(templ[i + 1] - '1');
      const std::size_t close = templ.find('}', i + 2);
      if (index < args.size() && close != std::string_view::npos) {
        const std::string_view arg = *(args.begin() + index);
        out += templ[i + 2] == '}' ? arg : plural(templ.substr(i + 3, close - i - 3), arg);
        i = close;
        continue;
      }
    }
    out += templ[i];
  }
  return out;
}

}  // namespace alliance::admin
