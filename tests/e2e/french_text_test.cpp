// The last English a French user met (--lang fr): a row that is not text, a
// CSV row's stray quote, the system's reason for a failed read or write,
// trend's advice on an input not grouped by respondent (worded for each
// input format, in English too), and the columns of the French --help.
// Expected texts are written by hand from the catalogue's wording; English
// is checked byte for byte where it must not change.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <locale.h>
#include <clocale>
#include <cwchar>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "process.hpp"

// A namespace of its own: the unity build puts this file with others whose
// helpers have the same names (kNbsp, in_dir, write_file...).
namespace alliance::testing::french_text {
namespace {

using Outcome = alliance::testing::Run;  // Run alone is gtest's, inside a TEST

const std::string kNbsp = "\u00a0";
const std::string kGtbHeader = "respondent,session,1,2,3,4,5,6,7,8,9,10,11,12\n";
const std::string kGtbAnswers = ",4,4,5,4,3,5,2,1,4,5,3,1\n";

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

Outcome in_dir(const std::string& dir, const std::vector<std::string>& args) {
  return run_alliance(args, {.cwd = dir});
}

// ---- a row that is not text ---------------------------------------------------

const std::string kFrenchWayOut =
    kNbsp +
    ": indiquez l’encodage du fichier, par exemple --encoding windows-1252 (CSV "
    "d’Excel sous Windows), ou enregistrez-le en UTF-8";

TEST(FrenchRows, ACsvRowNotUtf8IsReportedInFrenchAndTheMachineOutputStaysEnglish) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/export.csv",
             kGtbHeader + "P1,1" + kGtbAnswers + "H\xE9l\xE8ne,1" + kGtbAnswers + "P3,1" + kGtbAnswers);
  const std::vector<std::string> args = {"score", "gtb-12",     "export.csv", "--format",
                                         "csv",   "--encoding", "utf-8"};
  std::vector<std::string> fr_args = args;
  fr_args.insert(fr_args.end(), {"--lang", "fr"});
  const Outcome fr = in_dir(dir, fr_args);
  EXPECT_EQ(fr.status, 1);
  EXPECT_EQ(fr.err, "export.csv:3:2" + kNbsp + ": l’octet 0xE9 n’est pas de l’UTF-8 («" + kNbsp + "é" +
                        kNbsp + "» en Windows-1252)" + kFrenchWayOut + "\nalliance" + kNbsp +
                        ": 1 réponse sur 3 est invalide\n");
  std::vector<std::string> en_args = args;
  en_args.insert(en_args.end(), {"--lang", "en"});
  const Outcome en = in_dir(dir, en_args);
  EXPECT_EQ(en.err,
            "export.csv:3:2: byte 0xE9 is not UTF-8 ('é' in Windows-1252): name the file's encoding, e.g. "
            "--encoding windows-1252 (Excel's CSV on Windows), or save it as UTF-8\n"
            "alliance: 1 of 3 responses is invalid\n");
  EXPECT_EQ(fr.out, en.out);  // the problems column of a machine format is English
  EXPECT_NE(fr.out.find("byte 0xE9 is not UTF-8"), std::string::npos) << fr.out;
}

TEST(FrenchRows, ANulByteAndABadHeaderAreReportedInFrench) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/nul.csv", kGtbHeader + "P1,1" + kGtbAnswers + std::string("P\0,1", 4) + kGtbAnswers);
  const Outcome nul = in_dir(dir, {"score", "gtb-12", "nul.csv", "--format", "csv", "--lang", "fr"});
  EXPECT_EQ(nul.status, 1);
  EXPECT_EQ(nul.err,
            "nul.csv:3:2" + kNbsp + ": octet NUL (0x00)" + kNbsp + ": ce n’est pas du texte" + kNbsp +
                "; si le fichier est en UTF-16 sans marque d’ordre des octets (BOM), indiquez-le avec "
                "--encoding utf-16le (ou utf-16be)\nalliance" +
                kNbsp + ": 1 réponse sur 2 est invalide\n");

  // The header itself: the file cannot be read at all (an error, not a row's problem).
  write_file(dir + "/header.csv",
             "respondent,s\xE9"
             "ance,1,2,3,4,5,6,7,8,9,10,11,12\n"
             "P1,1" +
                 kGtbAnswers);
  const Outcome header =
      in_dir(dir, {"score", "gtb-12", "header.csv", "--encoding", "utf-8", "--lang", "fr"});
  EXPECT_EQ(header.status, 1);
  EXPECT_EQ(header.err, "alliance" + kNbsp + ": header.csv:1:13" + kNbsp +
                            ": l’octet 0xE9 n’est pas de l’UTF-8 («" + kNbsp + "é" + kNbsp +
                            "» en Windows-1252)" + kFrenchWayOut + "\n");
  const Outcome english =
      in_dir(dir, {"score", "gtb-12", "header.csv", "--encoding", "utf-8", "--lang", "en"});
  EXPECT_EQ(
      english.err,
      "alliance: header.csv:1:13: byte 0xE9 is not UTF-8 ('é' in Windows-1252): name the file's encoding, "
      "e.g. --encoding windows-1252 (Excel's CSV on Windows), or save it as UTF-8\n");
}

TEST(FrenchRows, AnNdjsonLineAndADefinitionNotUtf8AreReportedInFrench) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/s.ndjson",
             "{\"respondent\":\"P1\",\"answers\":{\"1\":4}}\n"
             "{\"respondent\":\"H\xE9l\xE8ne\",\"answers\":{\"1\":4}}\n");
  const Outcome run = in_dir(dir, {"score", "gtb-12", "s.ndjson", "--format", "csv", "--lang", "fr"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "s.ndjson:2:17" + kNbsp + ": l’octet 0xE9 n’est pas de l’UTF-8 («" + kNbsp + "é" +
                         kNbsp + "» en Windows-1252)" + kFrenchWayOut + "\nalliance" + kNbsp +
                         ": 1 réponse sur 2 est invalide\n");

  // A definition can only be UTF-8: what the byte is, then the definition's own advice.
  write_file(dir + "/latin1.json", "{\"id\": \"t\xE2\"}\n");
  const Outcome definition = in_dir(dir, {"validate", "latin1.json", "--format", "table", "--lang", "fr"});
  EXPECT_EQ(definition.status, 1);
  EXPECT_EQ(definition.out, "latin1.json:1:10" + kNbsp + ": l’octet 0xE2 n’est pas de l’UTF-8 («" + kNbsp +
                                "â" + kNbsp + "» en Windows-1252)" + kNbsp +
                                ": une définition est en UTF-8 (enregistrez-la en UTF-8)\n");
}

// ---- a CSV row's stray quote ----------------------------------------------------

std::string srs_row(const std::string& id, int a, const std::string& rest) {
  const std::string v = std::to_string(a);
  return id + "," + v + "," + v + "," + v + "," + v + rest + "\n";
}

const std::vector<std::string> kSrsScore = {"score", "srs", "x.csv", "--format", "csv"};

Outcome srs_score(const std::string& csv, const std::string& lang) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/x.csv", csv);
  std::vector<std::string> args = kSrsScore;
  args.insert(args.end(), {"--lang", lang});
  return in_dir(dir, args);
}

const std::string kFrenchStray =
    kNbsp +
    ": pris pour un guillemet égaré, la première ligne est une réponse invalide et "
    "les lignes suivantes sont lues chacune comme une réponse\n";

TEST(FrenchRows, AStrayQuoteIsExplainedInFrench) {
  // Text after the closing quote, in a column alliance does not read.
  const std::string after = "respondent,1,2,3,4,comment\n" + srs_row("P1", 1, ",\"oops") +
                            srs_row("P2", 2, ",fine") + srs_row("P3", 3, ",said \"no\"") +
                            srs_row("P4", 4, ",end");
  const Outcome run = srs_score(after, "fr");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err,
            "x.csv:2-4" + kNbsp + ": le guillemet qui ouvre la colonne «" + kNbsp + "comment" + kNbsp +
                "» sur la première de ces lignes se fermerait sur la dernière, mais du texte y suit le "
                "guillemet fermant" +
                kFrenchStray + "alliance" + kNbsp + ": 1 réponse sur 4 est invalide\n");

  // Line breaks in an item's column.
  const std::string item =
      "respondent,1,2,3,4,comment\nP1,1,2,3,\"4,ok\n" + srs_row("P2", 2, ",fine") + "P3,3,3,3,3\",x\n";
  const Outcome breaks = srs_score(item, "fr");
  EXPECT_EQ(breaks.status, 1);
  EXPECT_EQ(
      breaks.err.substr(0, breaks.err.find('\n') + 1),
      "x.csv:2-4" + kNbsp + ": le guillemet qui ouvre la colonne «" + kNbsp + "4" + kNbsp +
          "» (item 4) sur la première de ces lignes se fermerait sur la dernière, ce qui mettrait des sauts "
          "de ligne dans cette colonne, alors que seul du texte libre, qu’alliance ne lit pas, peut en "
          "contenir" +
          kFrenchStray);

  // Never closed, on the last line: that row alone is invalid. English as it was, word for word.
  const std::string unclosed =
      "respondent,1,2,3,4,comment\n" + srs_row("P1", 1, ",fine") + srs_row("P2", 2, ",\"oops");
  const Outcome fr = srs_score(unclosed, "fr");
  EXPECT_EQ(fr.err, "x.csv:3" + kNbsp + ": le guillemet qui ouvre la colonne «" + kNbsp + "comment" + kNbsp +
                        "» n’est jamais fermé" + kNbsp +
                        ": pris pour un guillemet égaré, cette ligne est invalide\nalliance" + kNbsp +
                        ": 1 réponse sur 2 est invalide\n");
  const Outcome en = srs_score(unclosed, "en");
  EXPECT_EQ(
      en.err,
      "x.csv:3: the quote opening column \"comment\" is never closed: taken as a stray quote, this row is "
      "invalid\nalliance: 1 of 2 responses is invalid\n");
  // score's problems column, a machine format, keeps the English.
  EXPECT_NE(fr.out.find("\"x.csv:3: the quote opening column \"\"comment\"\" is never closed"),
            std::string::npos)
      << fr.out;
}

// ---- refusals worded in core or in an output writer ---------------------------------------

TEST(FrenchRefusals, CompareAndOutputColumnsRefuseInFrench) {
  const std::string root = source_path("");
  const std::vector<std::string> compare = {"compare",
                                            "--client",
                                            "gtb-12",
                                            "examples/gtb-12-sessions.ndjson",
                                            "--therapist",
                                            "wai-t",
                                            "examples/gtb-12-t-sessions.csv"};
  std::vector<std::string> args = compare;
  args.insert(args.end(), {"--lang", "fr"});
  const Outcome fr = in_dir(root, args);
  EXPECT_EQ(fr.status, 2);
  EXPECT_EQ(fr.err, "alliance" + kNbsp + ": comparaison impossible" + kNbsp +
                        ": gtb-12 et wai-t ne sont pas des formes d’une même famille (familles «" + kNbsp +
                        "gtb" + kNbsp + "» et «" + kNbsp + "wai" + kNbsp + "»)\n");
  args = compare;
  args.insert(args.end(), {"--lang", "en"});
  EXPECT_EQ(
      in_dir(root, args).err,
      "alliance: cannot compare: gtb-12 and wai-t are not forms of one family (family 'gtb' and 'wai')\n");

  const Outcome table = in_dir(root, {"score", "gtb-12", "examples/gtb-12-sessions.ndjson",
                                      "--output-columns", "total", "--format", "table", "--lang", "fr"});
  EXPECT_EQ(table.status, 2);
  EXPECT_EQ(table.err,
            "alliance" + kNbsp +
                ": --output-columns ne vaut que pour les sorties csv et tsv, pas pour un tableau (le "
                "format par défaut sur un terminal)" +
                kNbsp + "; ajoutez --format csv ou --format tsv\n");
  const Outcome json = in_dir(root, {"score", "gtb-12", "examples/gtb-12-sessions.ndjson", "--output-columns",
                                     "total", "--format", "json", "--lang", "en"});
  EXPECT_EQ(
      json.err,
      "alliance: --output-columns applies to csv and tsv output only, not JSON; to keep some fields of JSON, "
      "use jq (e.g. jq -c '{respondent, total: .scores.total.score}' on --format ndjson)\n");
}

// ---- the system's reasons ---------------------------------------------------------

std::string shell_word(const std::string& word) {
  std::string out = "'";
  for (const char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// alliance (ALLIANCE_TEST_BIN, else this build's) with its standard output on
// /dev/full: every write fails with ENOSPC, as on a full disk.
Outcome to_full_disk(const std::vector<std::string>& args) {
  const char* other = std::getenv("ALLIANCE_TEST_BIN");
  std::string command = shell_word(other && *other ? other : ALLIANCE_BIN);
  for (const std::string& arg : args) command += " " + shell_word(arg);
  return run_program("/bin/sh", {"-c", command + " > /dev/full"}, {.cwd = source_path("")});
}

TEST(FrenchSystem, AFullDiskIsSaidInFrench) {
  struct stat st {};
  if (::stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
    GTEST_SKIP() << "SKIPPED: /dev/full is not a character device here";
  const Outcome score = to_full_disk({"score", "gtb-12", "examples/gtb-12-sessions.ndjson", "--lang", "fr"});
  EXPECT_EQ(score.status, 3);
  EXPECT_EQ(score.err, "alliance" + kNbsp + ": impossible d’écrire la sortie" + kNbsp +
                           ": plus de place sur le disque\n");
  const Outcome english =
      to_full_disk({"score", "gtb-12", "examples/gtb-12-sessions.ndjson", "--lang", "en"});
  EXPECT_EQ(english.err, "alliance: cannot write the output: No space left on device\n");

  // --help is written by the command line itself, then checked.
  const Outcome help = to_full_disk({"list", "--help", "--lang", "fr"});
  EXPECT_EQ(help.status, 3);
  EXPECT_EQ(help.err, "alliance" + kNbsp + ": impossible d’écrire sur la sortie standard" + kNbsp +
                          ": plus de place sur le disque\n");
  const Outcome help_en = to_full_disk({"list", "--help", "--lang", "en"});
  EXPECT_EQ(help_en.err, "alliance: cannot write to standard output: No space left on device\n");
}

TEST(FrenchSystem, AReasonWithoutPlainerWordsIsTheSystemsInFrench) {
  // A symbolic link to itself: ELOOP, which the command line has no plainer words for.
  const std::string dir = make_temp_dir();
  std::filesystem::create_symlink("loop.csv", dir + "/loop.csv");
  const Outcome fr = in_dir(dir, {"score", "gtb-12", "loop.csv", "--lang", "fr"});
  EXPECT_EQ(fr.status, 3);
  EXPECT_EQ(fr.err, "alliance" + kNbsp + ": loop.csv" + kNbsp + ": lecture impossible" + kNbsp +
                        ": erreur système " + std::to_string(ELOOP) +
                        " (trop de niveaux de liens symboliques)\n");
  const Outcome en = in_dir(dir, {"score", "gtb-12", "loop.csv", "--lang", "en"});
  EXPECT_EQ(en.err, "alliance: loop.csv: cannot open: Too many levels of symbolic links\n");
}

// ---- ReadStat's rarer reasons ----------------------------------------------------------

TEST(FrenchSystem, ReadStatsRarerReasonsAreInFrench) {
  // An SPSS file whose creation date (9 characters at byte 92 of its header) is not a date.
  const std::string dir = make_temp_dir();
  std::string sav = slurp(source_path("examples/gtb-12-study.sav"));
  ASSERT_GT(sav.size(), 101u);
  sav.replace(92, 9, "xx yyy zz");
  write_file(dir + "/t.sav", sav);
  const Outcome fr = in_dir(dir, {"score", "gtb-12", "t.sav", "--lang", "fr"});
  EXPECT_EQ(fr.status, 1);
  EXPECT_EQ(fr.err,
            "alliance" + kNbsp + ": t.sav" + kNbsp + ": illisible au format SPSS" + kNbsp +
                ": l’horodatage écrit dans le fichier est invalide (Invalid date string (length=9): xx yyy "
                "zz)" +
                kNbsp +
                "; vérifiez que le fichier est complet (une copie tronquée ne se lit pas) ou "
                "enregistrez-le de nouveau depuis SPSS" +
                kNbsp + "; indiquez --input-format si l’extension du nom est fausse\n");
  const Outcome en = in_dir(dir, {"score", "gtb-12", "t.sav", "--lang", "en"});
  EXPECT_EQ(
      en.err,
      "alliance: t.sav: cannot be read in the SPSS format: The file's timestamp string is invalid (Invalid "
      "date string (length=9): xx yyy zz); check that the file is complete (a copy cut short cannot be read) "
      "or save it again from SPSS; give --input-format if the name's extension is wrong\n");
}

// ---- trend: an input not grouped by respondent ----------------------------------------

// Respondent A (sessions 1-3), B, then A again: with --hold 2, trend streams
// from A's third session on and cannot take A back on the last record.
const char* const kSrsAnswers[] = {"9", "9", "9", "9"};

std::string ndjson_record(const std::string& who, int session) {
  std::string out =
      "{\"respondent\":\"" + who + "\",\"session\":" + std::to_string(session) + ",\"answers\":{";
  for (int i = 0; i < 4; ++i)
    out += std::string(i ? "," : "") + "\"" + std::to_string(i + 1) + "\":" + kSrsAnswers[i];
  return out + "}}";
}

const std::vector<std::pair<std::string, int>> kVShape = {{"A", 1}, {"A", 2}, {"A", 3}, {"B", 1}, {"A", 4}};

std::string trend_error(const std::string& dir, const std::string& file, const std::string& lang) {
  const Outcome run =
      run_alliance({"trend", "srs", file, "--format", "csv", "--hold", "2", "--lang", lang}, {.cwd = dir});
  EXPECT_EQ(run.status, 1) << run.err;
  return run.err;
}

const std::string kEnglishNotGrouped =
    "A's responses start again here after other respondents', and there are more than 2 sessions to hold to "
    "put them back together: ";
const std::string kFrenchNotGrouped =
    kNbsp +
    ": les réponses de A reprennent ici après celles d’autres répondants, et il "
    "y a plus de 2 séances à garder pour les regrouper" +
    kNbsp + ": ";

TEST(TrendNotGrouped, TheAdviceFitsTheInputFormat) {
  const std::string dir = make_temp_dir();
  std::string ndjson, csv = "respondent,session,1,2,3,4\n", json = "[";
  for (const auto& [who, session] : kVShape) {
    ndjson += ndjson_record(who, session) + "\n";
    csv += who + "," + std::to_string(session) + ",9,9,9,9\n";
    json += std::string(json.size() > 1 ? ",\n" : "") + ndjson_record(who, session);
  }
  write_file(dir + "/v.ndjson", ndjson);
  write_file(dir + "/v.csv", csv);
  write_file(dir + "/v.json", json + "]\n");

  // NDJSON has no header: the lines are sorted.
  EXPECT_EQ(trend_error(dir, "v.ndjson", "en"), "alliance: v.ndjson:5: " + kEnglishNotGrouped +
                                                    "sort the lines by respondent, or raise --hold\n");
  EXPECT_EQ(trend_error(dir, "v.ndjson", "fr"), "alliance" + kNbsp + ": v.ndjson:5" + kFrenchNotGrouped +
                                                    "triez les lignes par répondant, ou augmentez --hold\n");
  // CSV: the rows under the header, as ever.
  EXPECT_EQ(trend_error(dir, "v.csv", "en"),
            "alliance: v.csv:6: " + kEnglishNotGrouped +
                "sort the input by respondent (the header first), or raise --hold\n");
  EXPECT_EQ(trend_error(dir, "v.csv", "fr"),
            "alliance" + kNbsp + ": v.csv:6" + kFrenchNotGrouped +
                "triez l’entrée par répondant (l’en-tête en premier), ou augmentez --hold\n");
  // A JSON array: its elements (located by the line each starts on).
  EXPECT_EQ(trend_error(dir, "v.json", "en"),
            "alliance: v.json:5: " + kEnglishNotGrouped +
                "sort the responses of the array by respondent, or raise --hold\n");
  EXPECT_EQ(trend_error(dir, "v.json", "fr"),
            "alliance" + kNbsp + ": v.json:5" + kFrenchNotGrouped +
                "triez les réponses du tableau par répondant, ou augmentez --hold\n");
}

// ---- the French --help's columns ---------------------------------------------------------

// Columns `text` takes on a terminal, counted by the C library (mbrtowc and
// wcwidth in a UTF-8 locale), not by the program's own helper.
std::size_t terminal_columns(const std::string& text) {
  const locale_t utf8 = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  if (utf8 == static_cast<locale_t>(nullptr)) throw std::runtime_error("no C.UTF-8 locale");
  const locale_t before = ::uselocale(utf8);
  std::mbstate_t state{};
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size();) {
    wchar_t wide = 0;
    const std::size_t n = std::mbrtowc(&wide, text.data() + i, text.size() - i, &state);
    if (n == static_cast<std::size_t>(-1) || n == static_cast<std::size_t>(-2) || n == 0) {
      ::uselocale(before);
      ::freelocale(utf8);
      throw std::runtime_error("not UTF-8: " + text);
    }
    const int w = ::wcwidth(wide);
    columns += w > 0 ? static_cast<std::size_t>(w) : 0;
    i += n;
  }
  ::uselocale(before);
  ::freelocale(utf8);
  return columns;
}

// The first `columns` display columns of `line` (terminal_columns), and the rest.
std::pair<std::string, std::string> split_at_column(const std::string& line, std::size_t columns) {
  for (std::size_t bytes = 0; bytes <= line.size(); ++bytes) {
    if (bytes < line.size() && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80) continue;
    if (terminal_columns(line.substr(0, bytes)) == columns)
      return {line.substr(0, bytes), line.substr(bytes)};
  }
  return {line, ""};
}

struct HelpColumns {
  std::vector<std::string> wrong;  // option lines whose description does not start at the column
  int beside = 0;                  // option lines with their description beside the name
  int beside_beyond_ascii = 0;     // of which, lines with characters beyond ASCII before it
};

// Checks every option line of `help` (those starting "  -", and those under
// the heading of the positionals, "Positionals:" or "Arguments :"): either
// its description starts at display column `column`, after a space, or the
// name takes the whole column and more, alone on its line (its description
// on the next). A name narrower than the column with its description on the
// next line is wrong too.
HelpColumns check_help_columns(const std::string& help, std::size_t column) {
  HelpColumns out;
  bool positionals = false;
  for (const std::string& line : lines(help)) {
    if (!line.empty() && line[0] != ' ')
      positionals = line.starts_with("Positionals") || line.starts_with("Arguments");
    if (line.size() < 3 || line.compare(0, 2, "  ") != 0 || line[2] == ' ') continue;
    if (line[2] != '-' && !positionals) continue;
    const auto [before, after] = split_at_column(line, column);
    if (after.empty()) {  // the name alone: it must fill the column (CLI11 then goes to the next line)
      if (terminal_columns(line) < column) out.wrong.push_back(line);
    } else if (before.back() == ' ' && after[0] != ' ') {
      ++out.beside;
      if (terminal_columns(before) != before.size()) ++out.beside_beyond_ascii;
    } else if (line.find("  ", 2) != std::string::npos) {  // a description, elsewhere
      out.wrong.push_back(line);
    }
  }
  return out;
}

TEST(FrenchHelp, EveryDescriptionStartsInTheSameColumn) {
  int beyond_ascii = 0;
  for (const char* command :
       {"score", "stats", "trend", "compare", "report", "norms", "administer", "list"}) {
    SCOPED_TRACE(command);
    const Outcome english = run_alliance({command, "--help", "--lang", "en"});
    ASSERT_EQ(english.status, 0);
    // The column: where "-h,--help"'s description starts in English (ASCII: a byte a column).
    std::size_t column = 0;
    for (const std::string& line : lines(english.out))
      if (line.starts_with("  -h,--help"))
        column = line.find_first_not_of(' ', std::string("  -h,--help").size());
    ASSERT_GT(column, 10u) << english.out;
    const HelpColumns en = check_help_columns(english.out, column);
    for (const std::string& line : en.wrong) ADD_FAILURE() << line;
    EXPECT_GE(en.beside, 2);

    const Outcome french = run_alliance({command, "--help", "--lang", "fr"});
    ASSERT_EQ(french.status, 0);
    const HelpColumns fr = check_help_columns(french.out, column);
    for (const std::string& line : fr.wrong) ADD_FAILURE() << line;
    EXPECT_GE(fr.beside, 2);  // French names are longer: more of them take the whole column
    beyond_ascii += fr.beside_beyond_ascii;
  }
  EXPECT_GT(beyond_ascii, 5) << "few option lines with a letter beyond ASCII: the test would show little";
}

}  // namespace
}  // namespace alliance::testing::french_text
