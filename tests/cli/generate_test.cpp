// The command line's description (describe_command_line) and what is made of
// it: the man pages and completion scripts (issue 18). The end-to-end checks —
// groff renders the pages without a warning, each shell completes with its
// script — are in tests/install/install_test.sh.
#include "../../src/cli/generate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "alliance/cli/command_spec.hpp"

namespace alliance::cli {
namespace {

const CommandSpec& command(const CommandLineSpec& spec, const std::string& name) {
  for (const CommandSpec& c : spec.commands)
    if (c.name == name) return c;
  ADD_FAILURE() << "no command " << name;
  return spec.program;
}

const OptionSpec& option(const CommandSpec& c, const std::string& name) {
  for (const OptionSpec& o : c.options)
    if (std::find(o.names.begin(), o.names.end(), name) != o.names.end()) return o;
  ADD_FAILURE() << c.name << ": no option " << name;
  return c.options.front();
}

const GeneratedFile& page(const std::vector<GeneratedFile>& pages, const std::string& name) {
  for (const GeneratedFile& p : pages)
    if (p.name == name) return p;
  ADD_FAILURE() << "no page " << name;
  return pages.front();
}

// How ASCII text is written in roff: every '-' as "\-", every backslash as "\e".
std::string roff_name(const std::string& name) {
  std::string out;
  for (char c : name)
    out += c == '-' ? std::string("\\-") : c == '\\' ? std::string("\\e") : std::string(1, c);
  return out;
}

TEST(CommandSpec, DescribesTheCommandsAndTheirValues) {
  const CommandLineSpec spec = describe_command_line();
  std::vector<std::string> names;
  for (const CommandSpec& c : spec.commands) names.push_back(c.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"list", "show", "validate", "score", "stats", "trend", "compare",
                                      "administer", "report", "norms", "help"}));  // __generate is hidden
  const CommandSpec& score = command(spec, "score");
  EXPECT_EQ(score.usage, "alliance score [OPTIONS] questionnaire [files...]");
  const OptionSpec& format = option(score, "--format");
  EXPECT_EQ(format.names, (std::vector<std::string>{"-f", "--format"}));
  EXPECT_EQ(format.kind, ValueKind::choice);
  EXPECT_EQ(format.choices,
            (std::vector<std::string>{"table", "json", "ndjson", "jsonl", "csv", "tsv", "sav", "dta"}));
  EXPECT_EQ(format.group, "Output");
  EXPECT_EQ(option(score, "questionnaire").kind, ValueKind::questionnaire);
  EXPECT_TRUE(option(score, "questionnaire").positional);
  EXPECT_TRUE(option(score, "questionnaire").required);
  EXPECT_EQ(option(score, "files").kind, ValueKind::file);
  EXPECT_EQ(option(score, "--input-format").default_value, "auto");
  EXPECT_EQ(option(score, "--long").kind, ValueKind::none);
  EXPECT_EQ(option(score, "--precision").kind, ValueKind::text);
  EXPECT_EQ(option(score, "--precision").range, "0 to 17");
  EXPECT_TRUE(option(score, "--fail-below").repeatable);
  EXPECT_EQ(option(command(spec, "administer"), "--lang").choices, (std::vector<std::string>{"fr", "en"}));
  EXPECT_EQ(option(command(spec, "administer"), "--respondent").kind, ValueKind::text);
  EXPECT_EQ(option(command(spec, "compare"), "--client").kind, ValueKind::questionnaire);
  EXPECT_EQ(option(command(spec, "help"), "command").kind, ValueKind::command);
  EXPECT_EQ(option(spec.program, "--path").kind, ValueKind::directory);
  EXPECT_EQ(option(spec.program, "-V").names, (std::vector<std::string>{"-V", "--version"}));
  for (const CommandSpec& c : spec.commands) EXPECT_GE(c.examples.size(), 2u) << c.name;
}

TEST(ManPages, OnePerCommandNamingEveryOptionInPlainAscii) {
  const CommandLineSpec spec = describe_command_line();
  const std::vector<GeneratedFile> pages = man_pages(spec, "9.8.7");
  ASSERT_EQ(pages.size(), spec.commands.size() + 1);
  EXPECT_EQ(pages[0].name, "alliance.1");
  for (const CommandSpec& c : spec.commands) {
    const std::string& text = page(pages, "alliance-" + c.name + ".1").text;
    EXPECT_NE(text.find("\"alliance 9.8.7\""), std::string::npos) << c.name;
    for (const OptionSpec& o : c.options)
      for (const std::string& name : o.names)
        EXPECT_NE(text.find((o.positional ? "\\fI" : "\\fB") + roff_name(name) + "\\fR"), std::string::npos)
            << c.name << " " << name;
    for (const Example& e : c.examples)
      EXPECT_NE(text.find(roff_name(e.command)), std::string::npos) << e.command;
  }
  const std::string& score = page(pages, "alliance-score.1").text;
  EXPECT_NE(score.find(".TH ALLIANCE-SCORE 1 "), std::string::npos);
  EXPECT_NE(score.find(".SH SYNOPSIS\n.B alliance score\n[OPTIONS] questionnaire [files...]"),
            std::string::npos)
      << score.substr(0, 400);
  EXPECT_NE(
      score.find("Decimals for scores (default: exact shortest form; 2 in tables). Accepted: 0 to 17.\n"),
      std::string::npos);
  for (const GeneratedFile& p : pages)
    EXPECT_TRUE(std::all_of(p.text.begin(), p.text.end(), [](char c) { return c > 0 && c != '\r'; }))
        << p.name;
  // "→" in administer's notes, "—" in alliance's description; a backslash and a leading dot escaped.
  EXPECT_NE(page(pages, "alliance-administer.1").text.find("Enter/\\[u2192]"), std::string::npos);
  EXPECT_NE(page(pages, "alliance-administer.1").text.find("printf '4\\en4\\en"), std::string::npos);
  const std::string& program = page(pages, "alliance.1").text;
  EXPECT_NE(program.find(".TP\n.B ALLIANCE_PATH\n"), std::string::npos);
  EXPECT_NE(program.find("\\fBalliance\\-score\\fR(1)"), std::string::npos);
}

TEST(Completions, EachScriptNamesEveryCommandAndOption) {
  const CommandLineSpec spec = describe_command_line();
  for (const std::string shell : {"bash", "zsh", "fish"}) {
    const GeneratedFile script = completion_script(spec, shell);
    EXPECT_EQ(script.name, shell == "bash" ? "alliance" : shell == "zsh" ? "_alliance" : "alliance.fish");
    for (const CommandSpec& c : spec.commands) {
      EXPECT_NE(script.text.find(c.name), std::string::npos) << shell << " " << c.name;
      for (const OptionSpec& o : c.options) {
        if (o.positional) continue;
        const std::string& name = o.names.back();
        const std::string written = shell != "fish"          ? name
                                    : name.starts_with("--") ? "-l " + name.substr(2)
                                                             : "-s " + name.substr(1);
        EXPECT_NE(script.text.find(written), std::string::npos) << shell << " " << c.name << " " << name;
      }
    }
    EXPECT_NE(script.text.find("list --format tsv"), std::string::npos)
        << shell;  // the ids, asked of alliance
  }
}

}  // namespace
}  // namespace alliance::cli
