#include "alliance/admin/messages.hpp"

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
        "↑ ↓ to choose, Enter to change the chosen answer or to submit; or type a question number "
        "then Enter. ← or b goes back, q stops.",
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
        "An empty line (or s) skips the question, where that is allowed.\n"
        "b goes back to the previous question; q stops (the answers given so far are kept).",
    .line_review = "Type a question number to change its answer, or press Enter to submit: ",
    .saved = "Answers saved in {1}",
    .scores_title = "Scores",
    .insufficient = "insufficient (too many missing answers)",
    .total = "Total",
    .scores_hidden = "Scores are not shown. Read them later with: {1}",
    .stopped = "Stopped: {1} of {2} questions answered; the answers are saved in {3}.",
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
    .terminal_too_small = "Enlarge the window (at least {1}×{2}).",
};

const Messages kFrench = {
    .question_of = "Question {1} sur {2}",
    .answer_keys = "Appuyez sur {1} à {2} pour répondre",
    .answer_number = "Tapez un nombre de {1} à {2}, puis Entrée",
    .keep_key = "Entrée garde la réponse",
    .back_key = "← ou b pour revenir",
    .skip_key = "s pour passer",
    .help_key = "? pour l'aide",
    .quit_key = "q pour arrêter",
    .current_answer = "Réponse actuelle : {1}",
    .no_answer = "sans réponse",
    .typed = "Votre réponse : {1}",
    .review_title = "Vérifiez vos réponses",
    .review_keys =
        "↑ ↓ pour choisir, Entrée pour modifier la réponse choisie ou pour envoyer ; ou tapez le numéro "
        "d'une question puis Entrée. ← ou b pour revenir, q pour arrêter.",
    .submit_row = "Envoyer mes réponses",
    .help_title = "Touches",
    .help_lines =
        "{1}\trépondre et passer à la question suivante\n"
        "Entrée, →\tgarder la réponse déjà donnée, passer à la suivante\n"
        "←, b\trevenir à la question précédente\n"
        "s\tpasser la question, quand c'est permis\n"
        "?\tcette aide\n"
        "q\tarrêter ; les réponses déjà données sont gardées\n"
        "Chaque réponse est enregistrée dès qu'elle est donnée. Avant d'envoyer, vous pouvez "
        "relire toutes vos réponses et modifier chacune d'elles.",
    .any_key = "Appuyez sur une touche pour continuer.",
    .invalid_answer = "Répondez par un nombre de {1} à {2}.",
    .skip_not_allowed =
        "Cette question ne peut pas être passée : il manquerait trop de réponses pour «\u00a0{1}\u00a0».",
    .at_first_item = "C'est la première question.",
    .not_understood = "Je n'ai pas compris «\u00a0{1}\u00a0». Tapez ? pour l'aide.",
    .unknown_item = "Il n'y a pas de question {1}.",
    .line_prompt = "Réponse (de {1} à {2}) : ",
    .line_hint = "Entrée seule pour passer, b pour revenir, ? pour l'aide, q pour arrêter.",
    .answer_range = "{1} à {2}",
    .line_help =
        "Tapez le numéro de votre réponse puis Entrée.\n"
        "Une ligne vide (ou s) passe la question, quand c'est permis.\n"
        "b revient à la question précédente ; q arrête (les réponses déjà données sont gardées).",
    .line_review = "Tapez le numéro d'une question pour modifier sa réponse, ou Entrée pour envoyer : ",
    .saved = "Réponses enregistrées dans {1}",
    .scores_title = "Scores",
    .insufficient = "insuffisant (trop de réponses manquantes)",
    .total = "Total",
    .scores_hidden = "Les scores ne sont pas affichés. Pour les consulter plus tard : {1}",
    .stopped = "Arrêt : {1} question(s) sur {2} répondue(s) ; les réponses sont enregistrées dans {3}.",
    .end_of_input = "Fin de l'entrée avant la dernière question.",
    .interrupted = "Interrompu : les réponses déjà données sont enregistrées dans {1}.",
    .resume_hint = "Pour reprendre : {1}",
    .line_error = "ligne {1} : {2}",
    .key_only =
        "«\u00a0{1}\u00a0» est une clé de cotation seule (sans texte des items) : elle permet de coter, pas "
        "de "
        "faire passer le questionnaire. Si vous détenez une licence, fournissez le texte des items dans un "
        "fichier qui étend la clé (voir docs/definition-format.md, « Supplying licensed item text »), puis "
        "lancez : alliance administer ./my-{1}.json --respondent ID",
    .no_labels =
        "«\u00a0{1}\u00a0» n'a pas de libellés pour son échelle et ne peut donc pas être administré ; "
        "ajoutez "
        "« labels » à son « scale » (docs/definition-format.md)",
    .terminal_too_small = "Agrandissez la fenêtre (au moins {1}×{2}).",
};

}  // namespace

const Messages& messages(const std::string& lang) {
  return lang == "fr" ? kFrench : kEnglish;
}

std::string fill(std::string_view templ, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(templ.size() + 32);
  for (std::size_t i = 0; i < templ.size(); ++i) {
    if (templ[i] == '{' && i + 2 < templ.size() && templ[i + 2] == '}' && templ[i + 1] >= '1' &&
        templ[i + 1] <= '9') {
      const auto index = static_cast<std::size_t>(templ[i + 1] - '1');
      if (index < args.size()) {
        out += *(args.begin() + index);
        i += 2;
        continue;
      }
    }
    out += templ[i];
  }
  return out;
}

}  // namespace alliance::admin
