// --help and the man pages in the user's language: every text of the command
// line is a catalogue entry (an English literal still works, and is listed
// here as not yet translated), CLI11's own words are translated, and the
// language reaches the parser (--lang anywhere, else the locale's).
#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "../../src/cli/generate.hpp"
#include "alliance/cli/command_line.hpp"
#include "alliance/cli/command_spec.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::cli {
namespace {

using text::Msg;

const std::vector<std::string> kCommands = {"",      "list",    "show",   "validate",   "score", "stats",
                                            "trend", "compare", "report", "administer", "help"};

std::set<std::string> catalogue_texts(const std::string& lang) {
  std::set<std::string> out;
  for (std::size_t n = 0; n < text::kMessageCount; ++n)
    out.insert(std::string(text::text(lang, static_cast<Msg>(n))));
  return out;
}

// What `alliance ARGS...` prints on standard output, the locale's language being `locale`.
std::string printed(std::vector<std::string> args, const std::string& locale = "en") {
  args.insert(args.begin(), "alliance");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  const ParsedCommandLine parsed = parse_command_line(static_cast<int>(argv.size()), argv.data(), locale);
  const Printout* printout = std::get_if<Printout>(&parsed);
  if (printout == nullptr) {
    ADD_FAILURE() << "not a printout";
    return "";
  }
  return printout->out + printout->err;
}

std::vector<std::string> help_of(const std::string& command, const std::string& lang) {
  return command.empty() ? std::vector<std::string>{"--lang", lang, "--help"}
                         : std::vector<std::string>{"--lang", lang, command, "--help"};
}

// Every help text the command line shows (summaries, options, groups, notes,
// examples, environment) is a catalogue entry: in French, the French text of
// one. A text listed here was written as an English literal in
// command_line.cpp; give it a catalogue entry (EN and FR) and use tr(Msg::...).
TEST(HelpText, EveryTextIsACatalogueEntry) {
  const std::set<std::string> french = catalogue_texts("fr");
  const CommandLineSpec spec = describe_command_line("fr");
  std::vector<std::string> untranslated;
  const auto check = [&](const std::string& where, const std::string& text) {
    if (!text.empty() && french.count(text) == 0) untranslated.push_back(where + ": " + text);
  };
  std::vector<CommandSpec> commands = spec.commands;
  commands.push_back(spec.program);
  for (const CommandSpec& c : commands) {
    if (c.name != "alliance") check(c.name, c.summary);
    check(c.name + " notes", c.notes);
    for (const OptionSpec& o : c.options) {
      check(c.name + " " + o.names.back(), o.description);
      check(c.name + " " + o.names.back() + " group", o.group);
    }
    for (const Example& e : c.examples) check(e.command, e.what);
  }
  check("alliance summary", spec.program.summary);
  for (const EnvironmentVariable& v : spec.environment) check(v.name, v.what);
  std::string list;
  for (const std::string& u : untranslated) list += "\n  " + u;
  EXPECT_TRUE(untranslated.empty()) << "not yet translated:" << list;
}

// Words that are English only (CLI11's and our help's common words), as whole words.
// (Plain loops, not std::regex: GCC 12's <regex> trips -Wmaybe-uninitialized
// in the sanitizer build.)
const std::set<std::string, std::less<>> kEnglishWords = {"the",
                                                          "of",
                                                          "and",
                                                          "with",
                                                          "when",
                                                          "from",
                                                          "default",
                                                          "each",
                                                          "every",
                                                          "or",
                                                          "is",
                                                          "are",
                                                          "to",
                                                          "for",
                                                          "Usage",
                                                          "Positionals",
                                                          "Subcommands",
                                                          "REQUIRED",
                                                          "Examples",
                                                          "Input",
                                                          "Output",
                                                          "Checks",
                                                          "Reference",
                                                          "Flags",
                                                          "Forms",
                                                          "TEXT",
                                                          "INT",
                                                          "FILE",
                                                          "DIR",
                                                          "files",
                                                          "Print",
                                                          "Show",
                                                          "List",
                                                          "Language",
                                                          "Exit",
                                                          "status",
                                                          "Questionnaire",
                                                          "Response",
                                                          "responses",
                                                          "session",
                                                          "sessions"};

bool is_ascii_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// `line` without option names (-f, --format) and the {a,b} lists of values
// they take: those are typed as they are, in both languages.
std::string without_option_names(const std::string& line) {
  std::string out;
  const std::size_t n = line.size();
  for (std::size_t i = 0; i < n;) {
    if (line[i] == '{') {
      if (const std::size_t close = line.find('}', i); close != std::string::npos) {
        out += ' ';
        i = close + 1;
        continue;
      }
    }
    if (line[i] == '-') {
      std::size_t j = i + 1;
      if (j < n && line[j] == '-') ++j;
      if (j < n && line[j] >= 'a' && line[j] <= 'z') {
        while (j < n &&
               ((line[j] >= 'a' && line[j] <= 'z') || (line[j] >= '0' && line[j] <= '9') || line[j] == '-'))
          ++j;
        out += ' ';
        i = j;
        continue;
      }
    }
    out += line[i++];
  }
  return out;
}

// The first whole word of `text` that is in kEnglishWords, or "".
std::string first_english_word(const std::string& text) {
  std::string word;
  for (const char c : text + " ") {
    if (is_ascii_word_char(c)) {
      word += c;
      continue;
    }
    if (kEnglishWords.count(word)) return word;
    word.clear();
  }
  return "";
}

// An example's command line is typed as it is, in both languages.
bool is_example_command(const std::string& line) {
  return line.starts_with("  alliance ") || line.starts_with("  printf ");
}

TEST(HelpText, FrenchHelpHasNoEnglishLine) {
  for (const std::string& command : kCommands) {
    const std::string help = printed(help_of(command, "fr"));
    SCOPED_TRACE("alliance --lang fr " + command + " --help");
    EXPECT_NE(help.find("Utilisation\u00a0: alliance"), std::string::npos) << help;
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);) {
      if (is_example_command(line)) continue;
      // Option names and the values they take are typed as they are, in both languages.
      const std::string found = first_english_word(without_option_names(line));
      EXPECT_EQ(found, "") << "'" << found << "' in: " << line;
    }
  }
}

// The English help is as CLI11 writes it (the examples' heading is what
// tests/e2e/help_test.cpp looks for).
TEST(HelpText, EnglishHelpKeepsCliElevensWords) {
  const std::string help = printed(help_of("score", "en"));
  EXPECT_NE(help.find("Usage: alliance score [OPTIONS] questionnaire [files...]"), std::string::npos) << help;
  EXPECT_NE(help.find("\nPositionals:\n"), std::string::npos);
  EXPECT_NE(help.find("  questionnaire ID|FILE REQUIRED"), std::string::npos);
  EXPECT_NE(help.find("\nInput:\n"), std::string::npos);
  EXPECT_NE(help.find("--precision INT:0 to 17"), std::string::npos);
  EXPECT_NE(help.find("\nExamples:\n"), std::string::npos);
}

TEST(HelpText, FrenchHelpTranslatesCliElevensWordsAndValueNames) {
  const std::string help = printed(help_of("score", "fr"));
  EXPECT_NE(help.find("Utilisation\u00a0: alliance score [OPTIONS] questionnaire [fichiers...]"),
            std::string::npos)
      << help;
  EXPECT_NE(help.find("\nArguments\u00a0:\n"), std::string::npos);
  EXPECT_NE(help.find("  questionnaire ID|FICHIER OBLIGATOIRE"), std::string::npos);
  EXPECT_NE(help.find("\nEntrée\u00a0:\n"), std::string::npos);
  EXPECT_NE(help.find("\nContrôles\u00a0:\n"), std::string::npos);
  EXPECT_NE(help.find("--precision ENTIER:0 à 17"), std::string::npos);
  EXPECT_NE(help.find("--fail-below ÉCHELLE=VALEUR"), std::string::npos);
  EXPECT_NE(help.find("Décimales des scores (par défaut\u00a0: la forme exacte la plus courte"),
            std::string::npos);
  EXPECT_NE(help.find("\nExemples\u00a0:\n"), std::string::npos);
  const std::string program = printed(help_of("", "fr"));
  EXPECT_NE(program.find("Utilisation\u00a0: alliance [OPTIONS] COMMANDE"), std::string::npos) << program;
  EXPECT_NE(program.find("\nCommandes\u00a0:\n"), std::string::npos);
  EXPECT_NE(program.find("Affiche cette aide et s’arrête"), std::string::npos);
}

// The language is chosen before help is printed: --lang before or after the
// command, `alliance help COMMAND`, the bare short help; else the locale's.
TEST(HelpText, TheLanguageReachesTheParser) {
  const std::string french_summary = std::string(text::text("fr", Msg::help_score));
  const std::string english_summary = std::string(text::text("en", Msg::help_score));
  EXPECT_TRUE(printed({"score", "--help"}, "fr").starts_with(french_summary));
  EXPECT_TRUE(printed({"score", "--help"}, "en").starts_with(english_summary));
  EXPECT_TRUE(printed({"--lang", "fr", "score", "--help"}, "en").starts_with(french_summary));
  EXPECT_TRUE(printed({"--lang=fr", "score", "--help"}, "en").starts_with(french_summary));
  EXPECT_TRUE(printed({"score", "--help", "--lang", "fr"}, "en").starts_with(french_summary));
  EXPECT_TRUE(printed({"--lang", "en", "score", "--help"}, "fr").starts_with(english_summary));
  EXPECT_TRUE(printed({"help", "score"}, "fr").starts_with(french_summary));
  const std::string bare = printed({}, "fr");
  EXPECT_NE(bare.find("Utilisation\u00a0: alliance [--path RÉP] COMMANDE"), std::string::npos) << bare;
  EXPECT_NE(bare.find("Coter des réponses"), std::string::npos);
}

// --lang before the command is the command's own --lang, unless it has one.
TEST(HelpText, GlobalLangIsTheCommandsLang) {
  const auto lang_of = [](std::vector<std::string> args) {
    args.insert(args.begin(), "alliance");
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    const ParsedCommandLine parsed = parse_command_line(static_cast<int>(argv.size()), argv.data(), "en");
    const ScoreOptions* score = std::get_if<ScoreOptions>(&std::get<Command>(parsed).options);
    return score ? score->lang : std::string("(not score)");
  };
  EXPECT_EQ(lang_of({"--lang", "fr", "score", "gtb-12", "x.csv"}), "fr");
  EXPECT_EQ(lang_of({"--lang", "fr", "score", "gtb-12", "x.csv", "--lang", "en"}), "en");
  EXPECT_EQ(lang_of({"score", "gtb-12", "x.csv"}), "");
}

// The French man pages: the same options, the pages' own words in French.
TEST(HelpText, FrenchManPages) {
  const std::vector<GeneratedFile> pages = man_pages(describe_command_line("fr"), "1.0", "fr");
  const GeneratedFile* score = nullptr;
  for (const GeneratedFile& p : pages)
    if (p.name == "alliance-score.1") score = &p;
  ASSERT_NE(score, nullptr);
  for (const char* expected :
       {".SH NOM\n", ".SH SYNOPSIS\n", ".SH ARGUMENTS\n", ".SH OPTIONS\n", ".SS Entr\\[u00E9]e\n",
        ".SH EXEMPLES\n", ".SH VOIR AUSSI\n", "\\fB\\-\\-precision\\fR",
        "Valeurs accept\\[u00E9]es\\[u00A0]: 0 \\[u00E0] 17.", "\\fIfichiers\\fR .\\|.\\|.",
        "D\\[u00E9]cimales des scores", "manuel d\\[u2019]alliance"})
    EXPECT_NE(score->text.find(expected), std::string::npos) << expected << "\n" << score->text;
  for (const char* english : {"Default:", "Accepted:", "Required.", "EXAMPLES", "SEE ALSO", "Examples"})
    EXPECT_EQ(score->text.find(english), std::string::npos) << english;
}

}  // namespace
}  // namespace alliance::cli
