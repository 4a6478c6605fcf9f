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
        "The window is too small to show everything: enlarge it (at least {1}\u00a0×\u00a0{2}). Until "
        "then, no answer is taken.",
    .terminal_too_small_short = "Window too small: enlarge it (at least {1}\u00a0×\u00a0{2}).",

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
    .error_line = "alliance: {1}",
    .usage_hint = "For help: alliance administer --help",
    .missing_questionnaire =
        "which questionnaire? Name it first, e.g. alliance administer gtb-12 --respondent P017",
    .missing_respondent =
        "--respondent is required: the respondent's pseudonymous id, e.g. alliance administer {1} "
        "--respondent "
        "P017",
    .bad_lang = "--lang {1}: expected fr or en",
    .bad_session = "--session: '{1}' is not a whole number (expected a whole number, 0 or more)",
    .unexpected_arguments = "unexpected on the command line: {1}{2}",
    .missing_value = "{1} needs a value",
    .bad_command_line = "the command line cannot be read: {1}",
    .force_and_resume =
        "--force and --resume do not go together: --resume continues the unfinished session, --force sets it "
        "aside and starts a new one",
    .unknown_questionnaire = "unknown questionnaire '{1}'{2} (run 'alliance list' to see them all)",
    .did_you_mean = ", did you mean '{1}'?",
    .definition_problems = "{2}",
    .id_invalid_utf8 =
        "--respondent: the id is not valid UTF-8 text; type it again, or use a pseudonymous id such as P017",
    .id_control =
        "--respondent: the id holds a control or invisible character (a tab, a line break, a zero-width "
        "space…); use a pseudonymous id such as P017",
    .id_blank = "--respondent: the id is blank; give the respondent's pseudonymous id, such as P017",
    .id_edge_space = "--respondent '{1}': the id begins or ends with a space; did you mean '{2}'?",
    .id_option =
        "--respondent {1}: looks like an option, not an id; give the id after --respondent (an id that "
        "starts "
        "with '-' is written --respondent=-X)",
    .id_too_long =
        "--respondent: the id is {1} characters long, at most {2} are allowed; use a shorter pseudonymous id",
    .id_name_too_long =
        "--respondent: the id makes a file name of {1} bytes, more than file systems allow (255); use a "
        "shorter id, or name the file with -o FILE",
    .dir_missing =
        "{1}: the directory {2} does not exist; create it (mkdir -p {3}) or choose another with -o",
    .not_a_directory = "{1}: cannot write there: {2} is not a directory",
    .file_complete =
        "{1}: holds a complete response, which is never overwritten (not even with --force). To give the "
        "questionnaire again, save it under another name, e.g.: {2}",
    .file_unfinished =
        "{1}: an unfinished session is saved here (questions answered: {2} of {3}). To continue it: {4}\n"
        "To start again instead, add --force: the unfinished session is then kept as {5}.",
    .file_foreign =
        "{1}: the file exists and is not a response to '{2}'; it is never overwritten: choose another file "
        "with -o",
    .numbered_note = "{1} already holds a complete response from today: this administration is saved as {2}.",
    .replaced_note = "--force: the unfinished session of {1} is kept as {2}; a new session starts in {1}.",
    .resume_none = "nothing to resume: no unfinished session of '{1}' for {2} in {3}. To start one: {4}",
    .respondent_session = "{1}, session {2}",
    .resume_several = "several unfinished sessions of '{1}' for {2} in {3}; continue one of them:\n{4}",
    .resume_missing = "{1}: no such file, so there is nothing to resume. To start a session: {2}",
    .resume_complete = "{1}: this session is complete, there is nothing to resume. Its scores: {2}",
    .resume_respondent = "{1}: the respondent is '{2}', not '{3}'",
    .resume_session = "{1}: the session is {2}, not {3}",
    .session_none = "not given",
    .resume_foreign = "{1}: not an unfinished response to '{2}' that can be resumed:\n{3}",
    .resuming = "Resuming the session saved in {1} (questions answered: {2} of {3}).",
    .cannot_read = "{1}: cannot read it: {2}",
    .cannot_write = "{1}: cannot write there: {2}",
    .save_failed_title = "The answers could not be saved",
    .save_failed = "Saving to {1} failed: {2}.",
    .save_in_memory = "Nothing is lost: every answer is kept in memory while this program runs.",
    .save_not_saved = "Not saved yet: {1}.",
    .save_on_disk = "On disk, {1} holds every other answer.",
    .save_on_disk_all = "On disk, {1} holds every answer; only the end of the session is not recorded.",
    .save_file_gone = "{1} no longer exists: the answers are only in memory.",
    .save_retry_key = "r, Enter\ttry again (after freeing space, or putting the drive back)",
    .save_elsewhere_key = "a\tsave elsewhere: type a directory or a new file name",
    .save_stop_key = "q\tstop; what is not saved will have to be answered again",
    .save_place_prompt = "Save in (a directory or a new file; Enter to confirm, Esc to cancel): {1}",
    .save_place_empty = "Type a directory or a new file name, then Enter.",
    .save_place_exists = "{1} exists; choose a directory or a new file name.",
    .save_stop_confirm =
        "Stop now? What is not saved will have to be answered again when the session is resumed.\n"
        "y or o: stop\n"
        "Any other key: go back",
    .save_moved = "The answers are now saved in {1}.",
    .save_old_copy =
        "{1} holds an earlier, unfinished copy of this session (saving there failed); it can be deleted.",
    .save_abandoned = "Stopped: the answers could not be saved.",
    .save_unsaved_items = "Not saved, to be answered again when the session is resumed: {1}.",
    .save_start_again = "{1} no longer exists: no file holds the answers. To start again: {2}",
    .save_line_choice = "Enter to try again, a to save elsewhere, q to stop: ",
    .save_line_place = "Save in (a directory or a new file name): ",
    .interrupted_unsaved = "Interrupted while the answers could not be saved.",
    .item_one = "question {1}",
    .item_many = "questions {1}",
    .list_and = " and ",
    .reason_no_space = "the disk is full",
    .reason_quota = "the disk quota is used up",
    .reason_access = "permission denied",
    .reason_read_only = "the disk is read-only",
    .reason_no_file = "the file does not exist",
    .reason_no_directory = "the directory does not exist (any more)",
    .reason_not_directory = "a part of the path is not a directory",
    .reason_is_directory = "it is a directory",
    .reason_exists = "the file exists",
    .reason_too_big = "the file size limit of this session is reached (ulimit -f)",
    .reason_name_too_long = "the file name is too long",
    .reason_io = "input/output error: the disk or the network drive may be failing",
    .reason_other = "system error {1} ({2})",
    .reason_not_regular =
        "it is not a regular file (a device, a pipe, a socket or a symbolic link), and it is never replaced",
    .not_regular =
        "{1}: not a regular file but {2}; answers are saved only in regular files, and {1} is left as it "
        "is: choose another file with -o",
    .kind_device = "a device",
    .kind_fifo = "a named pipe (FIFO)",
    .kind_socket = "a socket",
    .is_symlink =
        "{1}: a symbolic link (to {2}); answers are never written through a link, nor in its place: name the "
        "file itself with -o, or choose another file",
    .save_line_stop_confirm =
        "Stop now? What is not saved will have to be answered again when the session is resumed. y or o to "
        "stop; anything else (or an empty line) to go back: ",
    .save_unknown_key = "Not understood: \"{1}\"; the choices are r, a and q.",
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
    .terminal_too_small_short = "Fenêtre trop petite\u00a0: agrandissez-la (au moins {1}\u00a0×\u00a0{2}).",

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
    .error_line = "alliance\u00a0: {1}",
    .usage_hint = "Pour l’aide\u00a0: alliance administer --help",
    .missing_questionnaire =
        "quel questionnaire\u00a0? Indiquez-le en premier, par exemple\u00a0: alliance administer gtb-12 "
        "--respondent P017",
    .missing_respondent =
        "--respondent est obligatoire\u00a0: l’identifiant pseudonyme de la personne, par exemple\u00a0: "
        "alliance administer {1} --respondent P017",
    .bad_lang = "--lang {1}\u00a0: attendu fr ou en",
    .bad_session =
        "--session\u00a0: «\u00a0{1}\u00a0» n’est pas un nombre entier (attendu\u00a0: un numéro de séance, "
        "0 ou "
        "plus)",
    .unexpected_arguments = "inattendu sur la ligne de commande\u00a0: {1}{2}",
    .missing_value = "{1} attend une valeur",
    .bad_command_line = "ligne de commande illisible (détail en anglais)\u00a0: {1}",
    .force_and_resume =
        "--force et --resume ne vont pas ensemble\u00a0: --resume continue la séance inachevée, --force la "
        "met "
        "de côté et en commence une nouvelle",
    .unknown_questionnaire =
        "questionnaire inconnu «\u00a0{1}\u00a0»{2} (pour la liste\u00a0: alliance list)",
    .did_you_mean = "\u00a0; vouliez-vous dire «\u00a0{1}\u00a0»\u00a0?",
    .definition_problems =
        "le questionnaire «\u00a0{1}\u00a0» ne peut pas être chargé (détails en anglais)\u00a0:\n{2}",
    .id_invalid_utf8 =
        "--respondent\u00a0: l’identifiant n’est pas un texte UTF-8 valide\u00a0; tapez-le de nouveau, ou "
        "utilisez un identifiant pseudonyme tel que P017",
    .id_control =
        "--respondent\u00a0: l’identifiant contient un caractère de contrôle ou invisible (tabulation, saut "
        "de "
        "ligne, espace sans chasse…)\u00a0; utilisez un identifiant pseudonyme tel que P017",
    .id_blank =
        "--respondent\u00a0: l’identifiant est vide\u00a0; indiquez l’identifiant pseudonyme de la personne, "
        "tel "
        "que P017",
    .id_edge_space =
        "--respondent «\u00a0{1}\u00a0»\u00a0: l’identifiant commence ou finit par une espace\u00a0; "
        "vouliez-vous dire «\u00a0{2}\u00a0»\u00a0?",
    .id_option =
        "--respondent {1}\u00a0: ressemble à une option, pas à un identifiant\u00a0; indiquez l’identifiant "
        "après --respondent (un identifiant commençant par «\u00a0-\u00a0» s’écrit --respondent=-X)",
    .id_too_long =
        "--respondent\u00a0: l’identifiant compte {1}\u00a0caractères, {2} au plus sont permis\u00a0; "
        "choisissez un identifiant pseudonyme plus court",
    .id_name_too_long =
        "--respondent\u00a0: l’identifiant donne un nom de fichier de {1}\u00a0octets, plus que les systèmes "
        "de fichiers ne permettent (255)\u00a0; choisissez un identifiant plus court, ou nommez le fichier "
        "avec "
        "-o FICHIER",
    .dir_missing =
        "{1}\u00a0: le dossier {2} n’existe pas\u00a0; créez-le (mkdir -p {3}) ou choisissez-en un autre "
        "avec "
        "-o",
    .not_a_directory = "{1}\u00a0: impossible d’y écrire\u00a0: {2} n’est pas un dossier",
    .file_complete =
        "{1}\u00a0: contient une passation complète, qui n’est jamais écrasée (pas même avec --force). Pour "
        "faire passer le questionnaire de nouveau, enregistrez-le sous un autre nom, par exemple\u00a0: {2}",
    .file_unfinished =
        "{1}\u00a0: une séance inachevée est enregistrée ici (réponses données\u00a0: {2} sur {3}). Pour la "
        "continuer\u00a0: {4}\n"
        "Pour recommencer plutôt, ajoutez --force\u00a0: la séance inachevée est alors gardée sous le nom "
        "{5}.",
    .file_foreign =
        "{1}\u00a0: ce fichier existe et n’est pas une réponse à «\u00a0{2}\u00a0»\u00a0; il n’est jamais "
        "écrasé\u00a0: choisissez un autre fichier avec -o",
    .numbered_note =
        "{1} contient déjà une passation complète d’aujourd’hui\u00a0: celle-ci est enregistrée dans {2}.",
    .replaced_note =
        "--force\u00a0: la séance inachevée de {1} est gardée sous le nom {2}\u00a0; une nouvelle séance "
        "commence dans {1}.",
    .resume_none =
        "rien à reprendre\u00a0: aucune séance inachevée de «\u00a0{1}\u00a0» pour {2} dans {3}. Pour en "
        "commencer une\u00a0: {4}",
    .respondent_session = "{1}, séance {2}",
    .resume_several =
        "plusieurs séances inachevées de «\u00a0{1}\u00a0» pour {2} dans {3}\u00a0; continuez l’une "
        "d’elles\u00a0:\n{4}",
    .resume_missing =
        "{1}\u00a0: ce fichier n’existe pas, il n’y a donc rien à reprendre. Pour commencer une "
        "séance\u00a0: "
        "{2}",
    .resume_complete =
        "{1}\u00a0: cette séance est terminée, il n’y a rien à reprendre. Ses scores\u00a0: {2}",
    .resume_respondent = "{1}\u00a0: la personne est «\u00a0{2}\u00a0», pas «\u00a0{3}\u00a0»",
    .resume_session = "{1}\u00a0: la séance est {2}, pas {3}",
    .session_none = "non précisée",
    .resume_foreign =
        "{1}\u00a0: ce n’est pas une réponse inachevée à «\u00a0{2}\u00a0» qui puisse être reprise (détails "
        "en "
        "anglais)\u00a0:\n{3}",
    .resuming = "Reprise de la séance enregistrée dans {1} (réponses données\u00a0: {2} sur {3}).",
    .cannot_read = "{1}\u00a0: lecture impossible\u00a0: {2}",
    .cannot_write = "{1}\u00a0: impossible d’y écrire\u00a0: {2}",
    .save_failed_title = "Les réponses n’ont pas pu être enregistrées",
    .save_failed = "L’enregistrement dans {1} a échoué\u00a0: {2}.",
    .save_in_memory =
        "Rien n’est perdu\u00a0: toutes les réponses sont gardées en mémoire tant que ce programme tourne.",
    .save_not_saved = "Pas encore enregistré\u00a0: {1}.",
    .save_on_disk = "Sur le disque, {1} contient toutes les autres réponses.",
    .save_on_disk_all =
        "Sur le disque, {1} contient toutes les réponses\u00a0; seule la fin de la séance n’est pas "
        "enregistrée.",
    .save_file_gone = "{1} n’existe plus\u00a0: les réponses ne sont qu’en mémoire.",
    .save_retry_key = "r, Entrée\tréessayer (après avoir libéré de la place, ou rebranché le disque)",
    .save_elsewhere_key = "a\tenregistrer ailleurs\u00a0: tapez un dossier ou un nouveau nom de fichier",
    .save_stop_key = "q\tarrêter\u00a0; ce qui n’est pas enregistré devra être redonné",
    .save_place_prompt =
        "Enregistrer dans (un dossier ou un nouveau fichier\u00a0; Entrée pour valider, Échap pour "
        "annuler)\u00a0: {1}",
    .save_place_empty = "Tapez un dossier ou un nouveau nom de fichier, puis Entrée.",
    .save_place_exists = "{1} existe déjà\u00a0; choisissez un dossier ou un nouveau nom de fichier.",
    .save_stop_confirm =
        "Arrêter maintenant\u00a0? Ce qui n’est pas enregistré devra être redonné à la reprise.\n"
        "o ou y\u00a0: arrêter\n"
        "Une autre touche\u00a0: revenir",
    .save_moved = "Les réponses sont désormais enregistrées dans {1}.",
    .save_old_copy =
        "{1} contient une copie antérieure et inachevée de cette séance (l’enregistrement y avait "
        "échoué)\u00a0; elle peut être supprimée.",
    .save_abandoned = "Arrêt\u00a0: les réponses n’ont pas pu être enregistrées.",
    .save_unsaved_items = "Non enregistré, à redonner à la reprise\u00a0: {1}.",
    .save_start_again =
        "{1} n’existe plus\u00a0: aucun fichier ne contient les réponses. Pour recommencer\u00a0: {2}",
    .save_line_choice = "Entrée pour réessayer, a pour enregistrer ailleurs, q pour arrêter\u00a0: ",
    .save_line_place = "Enregistrer dans (un dossier ou un nouveau nom de fichier)\u00a0: ",
    .interrupted_unsaved = "Interrompu alors que les réponses n’avaient pas pu être enregistrées.",
    .item_one = "question {1}",
    .item_many = "questions {1}",
    .list_and = " et ",
    .reason_no_space = "le disque est plein",
    .reason_quota = "le quota du disque est atteint",
    .reason_access = "permission refusée",
    .reason_read_only = "le disque est en lecture seule",
    .reason_no_file = "le fichier n’existe pas",
    .reason_no_directory = "le dossier n’existe pas (ou plus)",
    .reason_not_directory = "une partie du chemin n’est pas un dossier",
    .reason_is_directory = "c’est un dossier",
    .reason_exists = "le fichier existe",
    .reason_too_big = "la taille de fichier permise à cette session est atteinte (ulimit -f)",
    .reason_name_too_long = "le nom de fichier est trop long",
    .reason_io = "erreur d’entrée-sortie\u00a0: le disque ou le lecteur réseau est peut-être défaillant",
    .reason_other = "erreur système {1} ({2})",
    .reason_not_regular =
        "ce n’est pas un fichier ordinaire (périphérique, tube, socket ou lien symbolique), et il n’est "
        "jamais remplacé",
    .not_regular =
        "{1}\u00a0: ce n’est pas un fichier ordinaire mais {2}\u00a0; les réponses ne sont enregistrées que "
        "dans des fichiers ordinaires, et {1} est laissé tel quel\u00a0: choisissez un autre fichier avec -o",
    .kind_device = "un périphérique",
    .kind_fifo = "un tube nommé (FIFO)",
    .kind_socket = "une socket",
    .is_symlink =
        "{1}\u00a0: c’est un lien symbolique (vers {2})\u00a0; les réponses ne sont jamais écrites à "
        "travers un lien, ni à sa place\u00a0: indiquez le fichier lui-même avec -o, ou choisissez-en un "
        "autre",
    .save_line_stop_confirm =
        "Arrêter maintenant\u00a0? Ce qui n’est pas enregistré devra être redonné à la reprise. o ou y pour "
        "arrêter\u00a0; autre chose (ou une ligne vide) pour revenir\u00a0: ",
    .save_unknown_key = "Je n’ai pas compris «\u00a0{1}\u00a0»\u00a0; les choix sont r, a et q.",
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
