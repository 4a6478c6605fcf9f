// alliance __generate: the man pages and completion scripts, written by the build.
#include <cerrno>
#include <fstream>
#include <iostream>

#include "alliance/cli/command_spec.hpp"
#include "alliance/core/error.hpp"
#include "alliance/text/messages.hpp"
#include "alliance/version.hpp"
#include "commands.hpp"
#include "generate.hpp"

namespace alliance::cli {

int run_generate(const GenerateOptions& options) {
  // Completion scripts are English (option descriptions in zsh and fish); man pages in --lang.
  const std::string lang = options.what == "man" && options.lang == "fr" ? "fr" : "en";
  const CommandLineSpec spec = describe_command_line(lang);
  const std::vector<GeneratedFile> files = options.what == "man"
                                               ? man_pages(spec, kVersion, lang)
                                               : std::vector{completion_script(spec, options.what)};
  for (const GeneratedFile& file : files) {
    const std::string path = options.directory + "/" + file.name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << file.text;
    out.close();  // errno: why the file could not be made or written
    if (!out)
      throw Error(ExitCode::io, text::Message{text::Msg::cannot_write, {path, text::system_reason(errno)}});
  }
  return 0;
}

}  // namespace alliance::cli
