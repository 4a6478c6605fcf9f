// The man pages and shell completion scripts of alliance, made from the
// description of its command line (alliance/cli/command_spec.hpp), so that
// they say what --help says. `alliance __generate` writes them at build time.
#pragma once

#include <string>
#include <vector>

#include "alliance/cli/command_spec.hpp"

namespace alliance::cli {

struct GeneratedFile {
  std::string name;  // "alliance-score.1", "_alliance"
  std::string text;
};

// alliance(1) and one alliance-<command>(1) per command, in man(7) roff:
// every option --help shows, its values and default, the notes and examples.
// Text outside ASCII is written as groff's \[uXXXX], so that any groff reads it.
// The pages' own words (section names, "Default:") are in `lang`, as the
// spec's texts should be (describe_command_line(lang)).
std::vector<GeneratedFile> man_pages(const CommandLineSpec& spec, const std::string& version,
                                     const std::string& lang = "en");

// The completion script for "bash", "zsh" or "fish": commands, options, the
// values of options with a list of them, files and directories, and
// questionnaire ids, which it asks the alliance being completed for
// (`alliance [--path DIR...] list --format tsv`), so that the user's own are offered too.
GeneratedFile completion_script(const CommandLineSpec& spec, const std::string& shell);

}  // namespace alliance::cli
