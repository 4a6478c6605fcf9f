// Every command family under --lang fr and --lang en (issue 14, item 4):
// tables with French headings and a decimal comma, notes, errors and a
// reader's problems in French, located as in English; machine formats never
// translated; the language taken from LANGUAGE as gettext does. Expected
// texts are written by hand from the catalogue's wording; the numbers are
// worked out below or are the README's (checked against R there).
//
// bad.csv (GTB-12: goals 1 4 7R 10, tasks 2 5 8R 11, bond 3 6 9 12R; reverse
// = 6 − answer; subscales and total are means, the total of items):
//   A: item 1 = 5, every other item 4 → goals (5 + 4 + 2 + 4) / 4 = 3.75,
//      tasks (4 + 4 + 2 + 4) / 4 = 3.50, bond (4 + 4 + 4 + 2) / 4 = 3.50,
//      total 43 / 12 = 3.5833… → 3.58.
//   B (line 3): item 1 = 9, outside the scale 1..5: invalid.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "process.hpp"

namespace alliance::testing {
namespace {

const std::string kNbsp = "\u00a0";

std::string write_bad_csv() {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/bad.csv") << "respondent,1,2,3,4,5,6,7,8,9,10,11,12\n"
                                     "A,5,4,4,4,4,4,4,4,4,4,4,4\n"
                                     "B,9,4,4,4,4,4,4,4,4,4,4,4\n";
  return dir;
}

using Outcome = alliance::testing::Run;  // Run alone is gtest's, inside a TEST

Outcome in_dir(const std::string& dir, std::vector<std::string> args,
               std::map<std::string, std::string> env = {}) {
  return run_alliance(args, {.env = env, .cwd = dir});
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// ---- score -----------------------------------------------------------------

TEST(French, ScoreTableHasADecimalCommaAndReaderProblemsAreFrench) {
  const std::string dir = write_bad_csv();
  const Outcome run = in_dir(dir, {"score", "gtb-12", "bad.csv", "--format", "table", "--lang", "fr"});
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(has(run.out, "RÉPONDANT")) << run.out;
  EXPECT_TRUE(has(run.out, "3,75")) << run.out;
  EXPECT_TRUE(has(run.out, "3,58")) << run.out;
  EXPECT_FALSE(has(run.out, "3.75")) << run.out;
  EXPECT_TRUE(has(run.out, "2 réponses" + kNbsp + ": 1 complète, 0 avec des scores insuffisants, 1 invalide"))
      << run.out;
  EXPECT_EQ(run.err, "bad.csv:3" + kNbsp + ": item 1 = 9" + kNbsp + ": hors de l’échelle 1 à 5\n" +
                         "alliance" + kNbsp + ": 1 réponse sur 2 est invalide\n");
}

TEST(English, ScoreTableAndReaderProblemsUnchanged) {
  const std::string dir = write_bad_csv();
  const Outcome run = in_dir(dir, {"score", "gtb-12", "bad.csv", "--format", "table", "--lang", "en"});
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(has(run.out, "RESPONDENT")) << run.out;
  EXPECT_TRUE(has(run.out, "3.75")) << run.out;
  EXPECT_TRUE(has(run.out, "2 responses: 1 ok, 0 with insufficient scores, 1 invalid")) << run.out;
  EXPECT_EQ(run.err,
            "bad.csv:3: item 1 = 9 is outside the scale 1..5\nalliance: 1 of 2 responses is invalid\n");
}

TEST(French, MachineFormatsAreNeverTranslated) {
  const std::string dir = write_bad_csv();
  for (const char* format : {"csv", "tsv", "json", "ndjson"}) {
    SCOPED_TRACE(format);
    const Outcome fr = in_dir(dir, {"score", "gtb-12", "bad.csv", "--format", format, "--lang", "fr"});
    const Outcome en = in_dir(dir, {"score", "gtb-12", "bad.csv", "--format", format, "--lang", "en"});
    EXPECT_EQ(fr.out, en.out);
    EXPECT_TRUE(has(fr.out, "3.75")) << fr.out;
    EXPECT_TRUE(has(fr.out, "item 1 = 9 is outside the scale 1..5")) << fr.out;  // the problems column
  }
}

// ---- stats -----------------------------------------------------------------

TEST(French, StatsTableShowsTitlesAndDecimalCommas) {
  const Outcome run =
      run_alliance({"stats", "gtb-12", "examples/gtb-12-batch.csv", "--format", "table", "--lang", "fr"},
                   {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "gtb-12 1.0.0 — 40 réponses" + kNbsp + "; réponses manquantes" + kNbsp +
                               ": par paires (pairwise)"))
      << run.out;
  EXPECT_TRUE(has(run.out, "FIDÉLITÉ")) << run.out;
  // The README's English figures (goals: alpha 0.863, CI [0.777, 0.921]), in French.
  EXPECT_TRUE(has(run.out, "Objectifs     4      40  0,863  [0,777" + kNbsp + "; 0,921]")) << run.out;
  EXPECT_TRUE(has(run.out, "Score global")) << run.out;
  EXPECT_FALSE(has(run.out, "goals")) << run.out;
  EXPECT_TRUE(
      has(run.out, "Signalements" + kNbsp +
                       ": 1 réponse toute identique, 1 sans variance, 1 série de 7+ (voir --quality)"))
      << run.out;
}

TEST(English, StatsTableUnchanged) {
  const Outcome run =
      run_alliance({"stats", "gtb-12", "examples/gtb-12-batch.csv", "--format", "table", "--lang", "en"},
                   {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "goals        4      40  0.863  [0.777, 0.921]")) << run.out;
  EXPECT_TRUE(has(run.out, "Quality flags: 1 straight-lining, 1 no variance, 1 run of 7+ (see --quality)"))
      << run.out;
}

// ---- trend -----------------------------------------------------------------

TEST(French, TrendTableAndNotes) {
  const Outcome run =
      run_alliance({"trend", "srs", "examples/srs-sessions.ndjson", "--sd", "total=4", "--retest-r",
                    "total=0.8", "--format", "table", "--precision", "1", "--lang", "fr"},
                   {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "C01, séances 1–6\n")) << run.out;
  EXPECT_TRUE(has(run.out, "SÉANCES")) << run.out;
  EXPECT_TRUE(has(run.out, "38,0")) << run.out;  // the README's 38.0
  EXPECT_TRUE(has(run.out, "3 répondants, 18 réponses\n")) << run.out;
  EXPECT_TRUE(has(run.out, "Pas d’indice de changement fiable pour ")) << run.out;
}

// ---- compare ---------------------------------------------------------------

TEST(French, CompareAgreementTable) {
  const Outcome run = run_alliance(
      {"compare", "--client", "gtb-12", "examples/gtb-12-sessions.ndjson", "--therapist", "gtb-12-t",
       "examples/gtb-12-t-sessions.csv", "--section", "agreement", "--format", "table", "--lang", "fr"},
      {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "Accord — client (gtb-12) − thérapeute (gtb-12-t)\n")) << run.out;
  // The README's English row "Goals  9  3  0  3.61  3.53  0.08 [-1.55, 1.72]  0.68  -1.25 [-7.64, 0.45]…".
  EXPECT_TRUE(has(run.out, "3,61")) << run.out;
  EXPECT_TRUE(has(run.out, "-1,25 [-7,64\u00a0; 0,45]")) << run.out;
  EXPECT_TRUE(has(run.out, "limites d’accord = diff. moy. ± 1,96 ÉT")) << run.out;
}

// ---- show, list, validate --------------------------------------------------

TEST(French, ShowIsFrenchThroughout) {
  const Outcome run = run_alliance({"show", "gtb-12", "--format", "table", "--lang", "fr"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "Forme" + kNbsp + ": client · famille gtb · 12 items · administrable\n"))
      << run.out;
  EXPECT_TRUE(has(run.out, "Échelle" + kNbsp + ": 1 à 5\n")) << run.out;
  EXPECT_TRUE(has(run.out, "au plus 1 réponse manquante" + kNbsp + "; étendue 1–5")) << run.out;
  EXPECT_TRUE(has(run.out, "5 exemples intégrés concordent avec la cotation.")) << run.out;
  // The definition's note, given in both languages (source.notes).
  EXPECT_TRUE(has(run.out, "Instrument non validé.\n")) << run.out;
  EXPECT_TRUE(has(run.out, "Instrument non validé" + kNbsp + ": il n’a ni normes ni seuils.")) << run.out;
  EXPECT_FALSE(has(run.out, "Not a validated instrument")) << run.out;
  EXPECT_FALSE(has(run.out, "(s)")) << run.out;
}

TEST(English, ShowUnchanged) {
  const Outcome run = run_alliance({"show", "gtb-12", "--format", "table", "--lang", "en"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "Form: client · family gtb · 12 items · administrable\n")) << run.out;
  EXPECT_TRUE(has(run.out, "Scale: 1..5\n")) << run.out;
  EXPECT_TRUE(has(run.out, "Not a validated instrument: it has no norms and no cutoffs.")) << run.out;
  EXPECT_TRUE(has(run.out, "at most 1 missing; range 1–5")) << run.out;
}

TEST(French, ListHeadings) {
  const Outcome run = run_alliance({"list", "--format", "table", "--lang", "fr"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "SOUS-ÉCHELLES")) << run.out;
  EXPECT_TRUE(has(run.out, "intégré")) << run.out;
  EXPECT_TRUE(has(run.out, "passation+cotation")) << run.out;
}

TEST(French, ValidateLocatesDefinitionProblemsInFrench) {
  const Outcome run = run_alliance({"validate", "tests/data/invalid/semantic.json",
                                    "questionnaires/gtb-12.json", "--format", "table", "--lang", "fr"},
                                   {.cwd = source_path("")});
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(has(run.out, "semantic.json:13:5" + kNbsp + ": /subscales/1" + kNbsp + ": la sous-échelle «" +
                               kNbsp + "e" + kNbsp + "» n’a aucun item\n"))
      << run.out;
  EXPECT_TRUE(has(run.out, "questionnaires/gtb-12.json" + kNbsp + ": valide (5 exemples vérifiés)\n"))
      << run.out;
}

// Without --lang (which validate did not have), in an English locale.
TEST(English, ValidateUnchanged) {
  const Outcome run = run_alliance(
      {"validate", "tests/data/invalid/semantic.json", "questionnaires/gtb-12.json", "--format", "table"},
      {.env = {{"LANGUAGE", ""}, {"LC_ALL", "en_GB.UTF-8"}}, .cwd = source_path("")});
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(has(run.out, "semantic.json:13:5: /subscales/1: subscale \"e\" has no items\n")) << run.out;
  EXPECT_TRUE(has(run.out, "questionnaires/gtb-12.json: ok (5 examples checked)\n")) << run.out;
}

// ---- errors ----------------------------------------------------------------

TEST(French, CommandErrors) {
  Outcome run = run_alliance({"score", "gtb-13", "--lang", "fr"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "alliance" + kNbsp + ": questionnaire inconnu «" + kNbsp + "gtb-13" + kNbsp + "»" +
                         kNbsp + "; vouliez-vous dire «" + kNbsp + "gtb-12" + kNbsp + "»" + kNbsp +
                         "? (pour les voir tous" + kNbsp + ": alliance list)\n");
  run = run_alliance({"score", "gtb-12", "--fail-below", "goal=3", "--lang", "fr"}, {.input = ""});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "alliance" + kNbsp + ": --fail-below «" + kNbsp + "goal=3" + kNbsp + "»" + kNbsp +
                         ": gtb-12 n’a pas de sous-échelle «" + kNbsp + "goal" + kNbsp + "»" + kNbsp +
                         "; vouliez-vous dire «" + kNbsp + "goals" + kNbsp + "»" + kNbsp + "?\n");
  run = run_alliance({"score", "gtb-12", "--bogus", "--lang", "fr"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "alliance" + kNbsp + ": argument inattendu" + kNbsp + ": --bogus\nPour l’aide" + kNbsp +
                         ": alliance score --help\n");
  run = run_alliance({"score", "gtb-12", "absent.csv", "--lang", "fr"});
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err, "alliance" + kNbsp + ": absent.csv" + kNbsp + ": lecture impossible" + kNbsp +
                         ": le fichier n’existe pas\n");
  // The same words whichever command met the file (FileError words itself).
  run = run_alliance({"validate", "absent.json", "--format", "table", "--lang", "fr"});
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.out + run.err,
            "absent.json" + kNbsp + ": lecture impossible" + kNbsp + ": le fichier n’existe pas\n");
  run = run_alliance({"stats", "gtb-12", "--format", "xml", "--lang", "fr"});
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(has(run.err, "--format" + kNbsp + ": xml n’est pas une valeur possible")) << run.err;
}

TEST(English, CommandErrorsUnchanged) {
  Outcome run = run_alliance({"score", "gtb-13", "--lang", "en"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err,
            "alliance: unknown questionnaire 'gtb-13', did you mean 'gtb-12'? (run 'alliance list' to see "
            "them all)\n");
  run = run_alliance({"score", "gtb-12", "--fail-below", "goal=3", "--lang", "en"}, {.input = ""});
  EXPECT_EQ(run.err,
            "alliance: --fail-below 'goal=3': gtb-12 has no subscale 'goal', did you mean 'goals'?\n");
  run = run_alliance({"score", "gtb-12", "--bogus", "--lang", "en"});
  EXPECT_EQ(
      run.err,
      "alliance: The following argument was not expected: --bogus\nRun 'alliance score --help' for usage.\n");
  run = run_alliance({"score", "gtb-12", "absent.csv", "--lang", "en"});
  EXPECT_EQ(run.status, 3);
  EXPECT_EQ(run.err, "alliance: absent.csv: cannot open: No such file or directory\n");
  run = run_alliance({"stats", "gtb-12", "--format", "xml", "--lang", "en"});
  EXPECT_EQ(run.err,
            "alliance: --format: xml not in {table,json,ndjson,jsonl,csv,tsv}\nRun 'alliance stats --help' "
            "for usage.\n");
}

// A CSV header naming no item: the whole file refused, located, in French.
TEST(French, CsvHeaderErrorIsFrench) {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/h.csv") << "a,b\n1,2\n";
  const Outcome fr = in_dir(dir, {"score", "gtb-12", "h.csv", "--lang", "fr"});
  EXPECT_EQ(fr.status, 1);
  EXPECT_EQ(fr.err,
            "alliance" + kNbsp + ": h.csv:1" + kNbsp + ": aucune colonne ne contient un item de gtb-12 " +
                "(les colonnes d’items sont nommées «" + kNbsp + "{id}" + kNbsp + "»" + kNbsp +
                "; utilisez --columns «" + kNbsp + "MOTIF" + kNbsp + "» avec {id}, ou --map COLONNE=ITEM)\n");
  const Outcome en = in_dir(dir, {"score", "gtb-12", "h.csv", "--lang", "en"});
  EXPECT_EQ(
      en.err,
      "alliance: h.csv:1: no column holds an item of gtb-12 (item columns are named by '{id}'; use --columns "
      "'PATTERN' with {id}, or --map COLUMN=ITEM)\n");
}

// administer: a definition that cannot be loaded, its problems located in French.
TEST(French, AdministerReportsADefinitionsProblemsInFrench) {
  const Outcome run =
      run_alliance({"administer", "tests/data/invalid/semantic.json", "--respondent", "P017", "--lang", "fr"},
                   {.input = "", .cwd = source_path("")});
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(has(run.err, "alliance" + kNbsp + ": ce questionnaire ne peut pas être chargé" + kNbsp + ":\n"))
      << run.err;
  EXPECT_TRUE(has(run.err, "semantic.json:13:5" + kNbsp + ": /subscales/1" + kNbsp + ": la sous-échelle «" +
                               kNbsp + "e" + kNbsp + "» n’a aucun item"))
      << run.err;
  EXPECT_FALSE(has(run.err, "has no items")) << run.err;
}

// ---- the language from the environment --------------------------------------

TEST(Language, LanguageVariableAsGettextReadsIt) {
  const std::map<std::string, std::string> french_first = {
      {"LANGUAGE", "fr:en"}, {"LANG", "en_US.UTF-8"}, {"LC_ALL", ""}, {"LC_MESSAGES", ""}};
  Outcome run = run_alliance({"show", "gtb-12", "--format", "table"}, {.env = french_first});
  EXPECT_TRUE(has(run.out, "Échelle" + kNbsp + ": 1 à 5")) << run.out;
  run = run_alliance({"show", "gtb-12", "--format", "table", "--lang", "en"}, {.env = french_first});
  EXPECT_TRUE(has(run.out, "Scale: 1..5")) << run.out;  // --lang wins
  const std::map<std::string, std::string> c_locale = {{"LANGUAGE", "fr"}, {"LC_ALL", "C"}};
  run = run_alliance({"show", "gtb-12", "--format", "table"}, {.env = c_locale});
  EXPECT_TRUE(has(run.out, "Scale: 1..5")) << run.out;  // LANGUAGE is ignored in the C locale
}

// --help in the user's language (issue 14): the locale's, LANGUAGE's, or --lang before or after the
// command; CLI11's own words too. (It was English whatever the language.)
TEST(Language, HelpIsInTheUsersLanguage) {
  const std::map<std::string, std::string> french_locale = {
      {"LANGUAGE", ""}, {"LC_ALL", ""}, {"LC_MESSAGES", ""}, {"LANG", "fr_FR.UTF-8"}};
  const std::map<std::string, std::string> english_locale = {{"LANGUAGE", ""}, {"LC_ALL", "C.UTF-8"}};
  const std::string french_summary = "Coter des réponses" + kNbsp + ": sous-échelles et total";
  const std::string french_usage =
      "Utilisation" + kNbsp + ": alliance score [OPTIONS] questionnaire [fichiers...]";
  for (const auto& [args, env] :
       std::vector<std::pair<std::vector<std::string>, std::map<std::string, std::string>>>{
           {{"score", "--help"}, french_locale},
           {{"--lang", "fr", "score", "--help"}, english_locale},
           {{"score", "--help", "--lang", "fr"}, english_locale},
           {{"help", "score"}, {{"LANGUAGE", "fr:en"}, {"LC_ALL", ""}, {"LANG", "en_US.UTF-8"}}},
       }) {
    const Outcome run = run_alliance(args, {.env = env});
    SCOPED_TRACE(args[0] + " " + args[1]);
    EXPECT_EQ(run.status, 0);
    EXPECT_TRUE(run.out.starts_with(french_summary)) << run.out;
    EXPECT_TRUE(has(run.out, french_usage)) << run.out;
    EXPECT_TRUE(has(run.out, "\nContrôles" + kNbsp + ":\n")) << run.out;
    EXPECT_TRUE(has(run.out, "\nExemples" + kNbsp + ":\n")) << run.out;
    EXPECT_FALSE(has(run.out, "Usage:")) << run.out;
  }
  const Outcome english = run_alliance({"score", "--help"}, {.env = english_locale});
  EXPECT_TRUE(english.out.starts_with("Score responses: subscales and total")) << english.out;
  const Outcome bare = run_alliance({}, {.env = french_locale});
  EXPECT_EQ(bare.status, 2);
  EXPECT_TRUE(has(bare.out, "Utilisation" + kNbsp + ": alliance [--path RÉP] COMMANDE")) << bare.out;
  // --lang before the command is the command's: a French table.
  const Outcome show =
      run_alliance({"--lang", "fr", "show", "gtb-12", "--format", "table"}, {.env = english_locale});
  EXPECT_TRUE(has(show.out, "Échelle" + kNbsp + ": 1 à 5")) << show.out;
}

// A number option's check in French, where it was English after "(détail en anglais)".
TEST(Language, NumberOptionChecksInFrench) {
  const Outcome run = run_alliance({"score", "gtb-12", "--precision", "abc", "--lang", "fr"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "alliance" + kNbsp + ": --precision" + kNbsp + ": «" + kNbsp + "abc" + kNbsp +
                         "» n’est pas un nombre entier (un nombre entier est attendu, 0 à 17)\nPour l’aide" +
                         kNbsp + ": alliance score --help\n");
}

// The readers' remaining messages in French (issue 14): a JSON response's structural problems, a
// JSON syntax error (its location kept), a definition's "expected …, got …", a CSV file's warnings.
// The machine output's problems column keeps its English.
TEST(Language, ReaderMessagesInFrench) {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/r.ndjson") << "{\"respondent\":\"A\",\"sesion\":2,\"session\":\"x\",\"answers\":{}}\n"
                                      "{\"respondent\":\"B\",}\n";
  Outcome run = in_dir(dir, {"score", "gtb-12", "r.ndjson", "--lang", "fr", "--format", "csv"});
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(has(run.err, "r.ndjson:1" + kNbsp + ": /sesion" + kNbsp + ": clé inconnue «" + kNbsp +
                               "sesion" + kNbsp + "»" + kNbsp + "; vouliez-vous dire «" + kNbsp + "session" +
                               kNbsp + "»" + kNbsp + "?\n"))
      << run.err;
  EXPECT_TRUE(has(run.err, "r.ndjson:1" + kNbsp + ": /session" + kNbsp + ": attendu" + kNbsp +
                               ": un nombre entier" + kNbsp + "; trouvé" + kNbsp + ": la chaîne \"x\"\n"))
      << run.err;
  EXPECT_TRUE(has(run.err, "r.ndjson:2:19" + kNbsp + ": JSON invalide" + kNbsp +
                               ": erreur de syntaxe en lisant une clé d’objet − '}' inattendu" + kNbsp +
                               "; attendu" + kNbsp + ": une clé entre guillemets\n"))
      << run.err;
  EXPECT_FALSE(has(run.err, "expected")) << run.err;
  EXPECT_TRUE(has(run.out, "unknown key \"\"sesion\"\", did you mean 'session'?"))
      << run.out;  // CSV: English
  // A definition's "expected …, got …".
  std::string definition = slurp(source_path("questionnaires/gtb-12.json"));
  definition.replace(definition.find("\"title\""), 7, "\"titel\": 3, \"title\"");
  std::ofstream(dir + "/d.json") << definition;
  run = in_dir(dir, {"validate", "d.json", "--lang", "fr", "--format", "table"});
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(has(run.out + run.err, "/titel" + kNbsp + ": clé inconnue «" + kNbsp + "titel" + kNbsp + "»"))
      << run.out;
  // A CSV file's warning.
  std::ofstream(dir + "/c.csv") << "id,1,2,3,4,5,6,7,8,9,10,11\nA,4,4,4,4,4,4,4,4,4,4,4\n";
  run = in_dir(dir, {"score", "gtb-12", "c.csv", "--columns", "{id}", "--lang", "fr", "--format", "csv"});
  EXPECT_TRUE(has(run.err, "c.csv:1" + kNbsp + ": aucune colonne pour l’item 12" + kNbsp +
                               ": il reste sans réponse dans chaque ligne"))
      << run.err;
  run = in_dir(dir, {"score", "gtb-12", "c.csv", "--columns", "{id}", "--lang", "en", "--format", "csv"});
  EXPECT_TRUE(has(run.err, "c.csv:1: no column for item 12: it is unanswered in every row")) << run.err;
}

// The French man pages, as the build writes them for share/man/fr/man1.
TEST(Language, FrenchManPages) {
  const std::string dir = make_temp_dir();
  const Outcome run = run_alliance({"__generate", "man", dir, "--lang", "fr"});
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string page = slurp(dir + "/alliance-score.1");
  EXPECT_TRUE(has(page, ".SH EXEMPLES\n")) << page;
  EXPECT_TRUE(has(page, "D\\[u00E9]cimales des scores")) << page;
  EXPECT_FALSE(has(page, "Decimals")) << page;
  // Without --lang, English whatever the builder's locale.
  const Outcome english =
      run_alliance({"__generate", "man", dir}, {.env = {{"LANG", "fr_FR.UTF-8"}, {"LC_ALL", ""}}});
  ASSERT_EQ(english.status, 0) << english.err;
  EXPECT_TRUE(has(slurp(dir + "/alliance-score.1"), ".SH EXAMPLES\n"));
}

// ---- the last English-only messages (issue 14, item 4) -----------------------
// Each in French with --lang fr and, with --lang en, in the English it always
// had (the English texts are those main printed; the French, the catalogue's).

// gtb-12.json with one change: `from` (its first occurrence) replaced by `to`.
std::string gtb12_with(const std::string& dir, const std::string& name, const std::string& from,
                       const std::string& to) {
  std::string definition = slurp(source_path("questionnaires/gtb-12.json"));
  definition.replace(definition.find(from), from.size(), to);
  std::ofstream(dir + "/" + name) << definition;
  return name;
}

TEST(Language, DefinitionProblemsInFrench) {
  const std::string dir = make_temp_dir();
  // The reader's own check (io/definition_reader.cpp), line 61 column 17 of the file.
  const std::string method = gtb12_with(dir, "m.json", "\"method\": \"mean\"", "\"method\": \"median\"");
  Outcome run = in_dir(dir, {"validate", method, "--format", "table", "--lang", "fr"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "m.json:61:17" + kNbsp + ": /subscales/0/method" + kNbsp + ": «" + kNbsp + "sum" +
                         kNbsp + "» ou «" + kNbsp + "mean" + kNbsp + "» attendu, «" + kNbsp + "median" +
                         kNbsp + "» trouvé\n");
  run = in_dir(dir, {"validate", method, "--format", "table", "--lang", "en"});
  EXPECT_EQ(run.out, "m.json:61:17: /subscales/0/method: expected \"sum\" or \"mean\", got \"median\"\n");
  // A check of the whole definition (core/check.cpp): 9 missing answers allowed of goals' 4 items.
  const std::string missing = gtb12_with(dir, "x.json", "\"max_missing\": 1", "\"max_missing\": 9");
  run = in_dir(dir, {"validate", missing, "--format", "table", "--lang", "fr"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "x.json:63:24" + kNbsp + ": /subscales/0/missing/max_missing" + kNbsp +
                         ": de 0 à 4 attendu, 9 trouvé\n");
  run = in_dir(dir, {"validate", missing, "--format", "table", "--lang", "en"});
  EXPECT_EQ(run.out, "x.json:63:24: /subscales/0/missing/max_missing: expected 0..4, got 9\n");
  // An empty file.
  std::ofstream(dir + "/empty.json").flush();
  run = in_dir(dir, {"validate", "empty.json", "--format", "table", "--lang", "fr"});
  EXPECT_EQ(run.out, "empty.json:1:1" + kNbsp + ": le fichier est vide" + kNbsp +
                         ": un objet JSON (une définition de questionnaire) est attendu\n");
  run = in_dir(dir, {"validate", "empty.json", "--format", "table", "--lang", "en"});
  EXPECT_EQ(run.out,
            "empty.json:1:1: the file is empty: expected a JSON object (a questionnaire definition)\n");
}

TEST(Language, CsvHeaderErrorsInFrench) {
  const std::string dir = make_temp_dir();
  // "1" and "01" both name item 1 (a numeric id may carry leading zeros).
  std::ofstream(dir + "/two.csv")
      << "respondent,1,01,2,3,4,5,6,7,8,9,10,11,12\nA,4,4,4,4,4,4,4,4,4,4,4,4,4\n";
  Outcome run = in_dir(dir, {"score", "gtb-12", "two.csv", "--lang", "fr"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "alliance" + kNbsp + ": two.csv:1" + kNbsp + ": deux colonnes contiennent l’item 1 " +
                         "(la seconde est «" + kNbsp + "01" + kNbsp + "»)\n");
  run = in_dir(dir, {"score", "gtb-12", "two.csv", "--lang", "en"});
  EXPECT_EQ(run.err, "alliance: two.csv:1: two columns hold item 1 (the second is \"01\")\n");
  // Two patterns, neither covering every item: q{id} misses item 12, r{id} names 4 items.
  std::ofstream(dir + "/pat.csv") << "respondent,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,r12,r1,r2,r3\n"
                                     "A,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4\n";
  run = in_dir(dir, {"score", "gtb-12", "pat.csv", "--lang", "fr"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "alliance" + kNbsp + ": pat.csv:1" + kNbsp +
                         ": aucun motif de noms de colonnes ne couvre tous les items de gtb-12" + kNbsp +
                         ": «" + kNbsp + "q{id}" + kNbsp + "» en nomme 11 sur 12 (q1, q2, q3, …, q11" +
                         kNbsp + "; aucune colonne pour l’item 12)" + kNbsp + "; «" + kNbsp + "r{id}" +
                         kNbsp + "» en nomme 4 sur 12 (r12, r1, r2, r3" + kNbsp +
                         "; aucune colonne pour les items 4, 5, 6, … (8 en tout))" + kNbsp +
                         "; pour en lire un malgré tout, --columns «" + kNbsp + "MOTIF" + kNbsp +
                         "» (un item sans colonne reste alors sans réponse dans chaque ligne), ou --map "
                         "COLONNE=ITEM\n");
  run = in_dir(dir, {"score", "gtb-12", "pat.csv", "--lang", "en"});
  EXPECT_EQ(
      run.err,
      "alliance: pat.csv:1: no one pattern of column names covers every item of gtb-12: 'q{id}' names 11 of "
      "the 12 (q1, q2, q3, …, q11; no column for item 12); 'r{id}' names 4 of the 12 (r12, r1, r2, r3; no "
      "column for items 4, 5, 6, … (8 in all)); to read one anyway, --columns 'PATTERN' (an item without a "
      "column is then unanswered in every row), or --map COLUMN=ITEM\n");
  // A row of labels the definition does not have, under the header.
  std::ofstream(dir + "/lab.csv") << "respondent,1,2,3,4,5,6,7,8,9,10,11,12\n"
                                     "A,Oftn,Oftn,Oftn,Oftn,Oftn,Oftn,Oftn,Oftn,Oftn,Oftn,Oftn,Oftn\n";
  run = in_dir(dir, {"score", "gtb-12", "lab.csv", "--lang", "fr"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "alliance" + kNbsp + ": lab.csv:2" + kNbsp + ": 1" + kNbsp +
                         "ligne contient du texte dans chaque colonne d’item (l’item 1 vaut «" + kNbsp +
                         "Oftn" + kNbsp + "», pas un nombre)" + kNbsp +
                         ": les réponses sont-elles exportées comme des libellés que la définition n’a pas" +
                         kNbsp + "? nommez-les avec --recode «" + kNbsp + "LIBELLÉ=VALEUR,…" + kNbsp +
                         "» (docs/data-sources.md), ou exportez des nombres" + kNbsp +
                         "; --skip-rows N saute des lignes sous l’en-tête\n");
  run = in_dir(dir, {"score", "gtb-12", "lab.csv", "--lang", "en"});
  EXPECT_EQ(
      run.err,
      "alliance: lab.csv:2: the 1 row holds text in every item column (item 1 is \"Oftn\", not a number): "
      "are the answers exported as labels that the definition does not have? name them with --recode "
      "'LABEL=VALUE,…' (docs/data-sources.md), or export numbers; --skip-rows N skips rows under the "
      "header\n");
  // A warning: two columns could each be the respondent id.
  std::ofstream(dir + "/ids.csv") << "respondent,participant,1,2,3,4,5,6,7,8,9,10,11,12\n"
                                     "A,B,4,4,4,4,4,4,4,4,4,4,4,4\n";
  run = in_dir(dir, {"score", "gtb-12", "ids.csv", "--format", "csv", "--lang", "fr"});
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "attention" + kNbsp + ": ids.csv:1" + kNbsp + ": les colonnes «" + kNbsp + "respondent" +
                         kNbsp + "» et «" + kNbsp + "participant" + kNbsp +
                         "» pourraient chacune être l’identifiant du répondant" + kNbsp + ": «" + kNbsp +
                         "respondent" + kNbsp + "» est utilisée" + kNbsp + "; choisissez avec --id-column\n");
  run = in_dir(dir, {"score", "gtb-12", "ids.csv", "--format", "csv", "--lang", "en"});
  EXPECT_EQ(run.err,
            "warning: ids.csv:1: columns \"respondent\" and \"participant\" could each be the respondent id: "
            "\"respondent\" is used; choose with --id-column\n");
}

// An SPSS file: a column an option names that is not there, and a file cut short.
TEST(Language, StatFileErrorsInFrench) {
  const std::string dir = make_temp_dir();
  const std::string sav = source_path("examples/gtb-12-study.sav");
  Outcome run = in_dir(dir, {"score", "gtb-12", sav, "--id-column", "bogus", "--lang", "fr"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "alliance" + kNbsp + ": " + sav + kNbsp + ": --id-column" + kNbsp +
                         ": l’en-tête n’a pas de colonne «" + kNbsp + "bogus" + kNbsp + "» (ses colonnes" +
                         kNbsp + ": respondent, session, date, gtb_1, gtb_2, gtb_3, … (16 en tout))\n");
  run = in_dir(dir, {"score", "gtb-12", sav, "--id-column", "bogus", "--lang", "en"});
  EXPECT_EQ(run.err,
            "alliance: " + sav +
                ": --id-column: the header has no column \"bogus\" (its columns: respondent, session, date, "
                "gtb_1, gtb_2, gtb_3, … (16 in all))\n");
  // The first 600 bytes: ReadStat cannot read the file's dictionary.
  std::ofstream(dir + "/cut.sav") << slurp(sav).substr(0, 600);
  run = in_dir(dir, {"score", "gtb-12", "cut.sav", "--lang", "fr"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "alliance" + kNbsp + ": cut.sav" + kNbsp + ": illisible au format SPSS" + kNbsp +
                         ": impossible de lire le fichier" + kNbsp +
                         "; vérifiez que le fichier est complet (une copie tronquée ne se lit pas) ou "
                         "enregistrez-le de nouveau depuis SPSS" +
                         kNbsp + "; indiquez --input-format si l’extension du nom est fausse\n");
  run = in_dir(dir, {"score", "gtb-12", "cut.sav", "--lang", "en"});
  EXPECT_EQ(
      run.err,
      "alliance: cut.sav: cannot be read in the SPSS format: Unable to read from file; check that the file "
      "is complete (a copy cut short cannot be read) or save it again from SPSS; give --input-format if the "
      "name's extension is wrong\n");
}

// The report page's words come from the catalogue: French headings with --lang fr.
TEST(Language, ReportPageInFrench) {
  const std::string dir = make_temp_dir();
  const std::string sessions = source_path("examples/gtb-12-sessions.ndjson");
  Outcome run = in_dir(dir, {"report", "gtb-12", sessions, "--lang", "fr", "-o", "r.html"});
  EXPECT_EQ(run.status, 0) << run.err;
  const std::string fr = slurp(dir + "/r.html");
  EXPECT_TRUE(has(fr, "Alliance au fil des séances")) << fr.substr(0, 2000);
  EXPECT_TRUE(has(fr, "Paramètres et provenance"));
  EXPECT_FALSE(has(fr, "Parameters and provenance"));
  run = in_dir(dir, {"report", "gtb-12", sessions, "--lang", "en", "-o", "e.html"});
  EXPECT_EQ(run.status, 0) << run.err;
  const std::string en = slurp(dir + "/e.html");
  EXPECT_TRUE(has(en, "Alliance over sessions"));
  EXPECT_TRUE(has(en, "Parameters and provenance"));
}

}  // namespace
}  // namespace alliance::testing
