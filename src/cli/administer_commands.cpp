// The commands administer prints for what comes next, and admin's file rules
// for its options (administer.hpp).
#include "administer.hpp"

namespace alliance::cli {

namespace {

// A path or a questionnaire argument that a command does not take for an option.
std::string path_argument(const std::string& path) {
  return shell_quote(path.starts_with('-') ? "./" + path : path);
}

}  // namespace

std::string administer_command(const AdministerOptions& o, const GlobalOptions& global,
                               const std::string& lang, const std::string& output, bool resume) {
  std::string out = "alliance";
  for (const std::string& path : global.paths) out += " --path " + path_argument(path);
  out += " administer " + path_argument(o.questionnaire);
  // An id starting with '-' would be read as an option: glued to its flag.
  out += o.respondent.starts_with('-') ? " --respondent=" + shell_quote(o.respondent)
                                       : " --respondent " + shell_quote(o.respondent);
  if (o.session) out += " --session " + std::to_string(*o.session);
  out += " --lang " + lang;
  if (o.plain) out += " --plain";
  if (o.hide_scores) out += " --hide-scores";
  if (!output.empty()) out += " -o " + path_argument(output);
  if (resume) out += " --resume";
  return out;
}

std::string score_command(const AdministerOptions& o, const GlobalOptions& global, const std::string& lang,
                          const std::filesystem::path& file) {
  std::string out = "alliance";
  for (const std::string& path : global.paths) out += " --path " + path_argument(path);
  return out + " score " + path_argument(o.questionnaire) + " " + path_argument(file.string()) + " --lang " +
         lang;
}

Target choose_target(const AdministerOptions& o, const GlobalOptions& global, const core::Questionnaire& q,
                     const std::string& lang, const std::string& today, const std::string& stamp,
                     io::Env& env) {
  admin::FileRequest request;
  request.respondent = o.respondent;
  request.session = o.session;
  request.output = o.output;
  request.resume = o.resume;
  request.force = o.force;
  request.lang_given = !o.lang.empty();
  admin::SuggestedCommands commands;
  commands.administer = [&o, &global](const admin::FileRequest& r, const std::string& in,
                                      const std::string& output, bool resume) {
    AdministerOptions its = o;
    its.respondent = r.respondent;
    its.session = r.session;
    return administer_command(its, global, in, output, resume);
  };
  commands.score = [&o, &global](const std::string& in, const std::filesystem::path& file) {
    return score_command(o, global, in, file);
  };
  return admin::choose_target(request, commands, q, lang, today, stamp, env);
}

}  // namespace alliance::cli
