// `alliance administer` without a terminal: answers one per line on standard
// input, prompts on standard error, the response file on disk; the file model
// (never a complete response lost, one file per respondent id), failed saves,
// messages in the session's language, and the commands printed for what next.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "process.hpp"

namespace alliance::testing {
namespace {

// process.hpp's Run, named so that gtest's Test::Run does not hide it inside TEST bodies.
using Outcome = alliance::testing::Run;

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kTwelve = "4\n4\n5\n4\n3\n5\n2\n1\n4\n5\n3\n1\n";
constexpr const char* kTwelveJson =
    R"({"1": 4, "2": 4, "3": 5, "4": 4, "5": 3, "6": 5, "7": 2, "8": 1, "9": 4, "10": 5, "11": 3, "12": 1})";

// Standard input (and the working directory) for a run.
RunOptions given(std::string input, std::string cwd = "") {
  RunOptions options;
  options.input = std::move(input);
  options.cwd = std::move(cwd);
  return options;
}

json read_json(const std::string& path) {
  return json::parse(slurp(path));
}

unsigned mode_of(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return 0;
  return info.st_mode & 0777;
}

std::vector<std::string> gtb(const std::string& file, std::vector<std::string> more = {}) {
  std::vector<std::string> args{"administer", "gtb-12", "--respondent", "P01", "--session",
                                "2",          "--lang", "en",           "-o",  file};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(Administer, ScriptedSessionIsSavedCompleteAndScored) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/r.json";
  const Outcome run = run_alliance(gtb(file), given(kTwelve));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("Question 1 of 12"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("Question 12 of 12"), std::string::npos);
  EXPECT_EQ(run.err.find("Review"), std::string::npos);  // no review without a terminal
  EXPECT_NE(run.err.find("Answers saved in " + file), std::string::npos);
  EXPECT_EQ(run.out.rfind("Scores — ", 0), 0u) << run.out;
  EXPECT_NE(run.out.find("Total"), std::string::npos);
  EXPECT_EQ(mode_of(file), 0600u);

  const json saved = read_json(file);
  EXPECT_EQ(saved["format"], "alliance-response/1");
  EXPECT_EQ(saved["questionnaire"]["id"], "gtb-12");
  EXPECT_EQ(saved["respondent"], "P01");
  EXPECT_EQ(saved["form"], "client");
  EXPECT_EQ(saved["session"], 2);
  EXPECT_EQ(saved["language"], "en");
  EXPECT_EQ(saved["status"], "complete");
  EXPECT_TRUE(saved.contains("started_at") && saved.contains("completed_at"));
  EXPECT_FALSE(saved.contains("updated_at"));
  EXPECT_EQ(saved["answers"], json::parse(kTwelveJson));
  // What administer wrote, `score` reads.
  const Outcome score = run_alliance({"score", "gtb-12", file, "--format", "csv"});
  EXPECT_EQ(score.status, 0) << score.err;
  fs::remove_all(dir);
}

TEST(Administer, EmptyLineSkipsWhereTheDefinitionAllows) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/m.json";
  const std::string definition = source_path("tests/data/valid/minimal.json");
  const Outcome run = run_alliance(
      {"administer", definition, "--respondent", "P02", "--lang", "fr", "-o", file}, given("3\n\n2\n1\n"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("Question 2 sur 4"), std::string::npos) << run.err;
  EXPECT_EQ(read_json(file)["answers"], json::parse(R"({"1": 3, "2": null, "3": 2, "4": 1})"));
  // goals: the mean of the one answer left (3), 1 of 2 items, on 1-3; bond: 2 + 2x1 = 4, on
  // 1x(1-3) + 2x(1-3) = 3-9; total: mean of subscales 3.5, with the range `alliance score` gives it in
  // its column headers (1-9, from the lowest to the highest subscale bound). French decimal commas.
  EXPECT_EQ(run.out,
            "Scores — Minimal\n"
            "  Objectifs  3,00  (1–3)  1 question sur 2\n"
            "  Lien       4,00  (3–9)  2 questions sur 2\n"
            "  Total      3,50  (1–9)  2 sous-échelles sur 2\n");

  // A second empty line in goals would leave it insufficient: refused, the line named.
  const Outcome refused =
      run_alliance({"administer", definition, "--respondent", "P02", "--lang", "en", "-o", dir + "/m2.json"},
                   given("\n\n"));
  EXPECT_EQ(refused.status, 1) << refused.err;
  EXPECT_NE(
      refused.err.find("alliance: line 2: This question cannot be skipped: too many answers would be missing "
                       "for 'Goals'."),
      std::string::npos)
      << refused.err;
  EXPECT_EQ(read_json(dir + "/m2.json")["status"], "in_progress");
  fs::remove_all(dir);
}

TEST(Administer, EndOfInputStopsThenResumeFinishes) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/r.json";
  const Outcome first = run_alliance(gtb(file), given("4\n4\n5\n"));
  EXPECT_EQ(first.status, 5) << first.err;
  EXPECT_NE(first.err.find("End of input before the last question."), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("Stopped: 3 of 12 questions answered; the answers are saved in " + file),
            std::string::npos);
  EXPECT_NE(
      first.err.find("To continue: alliance administer gtb-12 --respondent P01 --session 2 --lang en -o " +
                     file + " --resume"),
      std::string::npos)
      << first.err;
  EXPECT_EQ(first.out, "");
  json partial = read_json(file);
  EXPECT_EQ(partial["status"], "in_progress");
  EXPECT_TRUE(partial.contains("updated_at"));
  EXPECT_EQ(partial["answers"], json::parse(R"({"1": 4, "2": 4, "3": 5})"));
  EXPECT_EQ(mode_of(file), 0600u);

  // Nothing at all: stops at once, never waits.
  EXPECT_EQ(run_alliance(gtb(file, {"--resume"})).status, 5);

  const Outcome second = run_alliance(gtb(file, {"--resume"}), given("4\n3\n5\n2\n1\n4\n5\n3\n1\n"));
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("Question 4 of 12"), std::string::npos);
  EXPECT_EQ(second.err.find("Question 3 of 12"), std::string::npos);
  const json saved = read_json(file);
  EXPECT_EQ(saved["status"], "complete");
  EXPECT_EQ(saved["started_at"], partial["started_at"]);
  EXPECT_EQ(saved["answers"], json::parse(kTwelveJson));
  fs::remove_all(dir);
}

// --- The file model (docs/administration.md, "Files"): nothing is ever lost.

// Standard input, with the built alliance first on PATH, for the printed commands run as printed.
RunOptions with_path(RunOptions options) {
  const std::string bin_dir = fs::path(ALLIANCE_BIN).parent_path().string();
  const char* path = std::getenv("PATH");
  options.env["PATH"] = bin_dir + ":" + (path ? path : "/usr/bin:/bin");
  return options;
}

Outcome shell(const std::string& command, const RunOptions& options) {
  return run_program("/bin/sh", {"-c", command}, options);
}

// The command printed after `lead` in `text`: from "alliance" to the end of that line.
std::string command_after(const std::string& text, const std::string& lead) {
  const std::size_t at = text.find(lead);
  if (at == std::string::npos) return "<no '" + lead + "' in: " + text + ">";
  const std::size_t start = text.find("alliance", at + lead.size());
  return text.substr(start, text.find('\n', start) - start);
}

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A POSIX shell word, quoted as a person would: as is when only safe characters, else in single quotes.
std::string quoted(const std::string& word) {
  if (word.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./=:,+@%") ==
      std::string::npos)
    return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

TEST(Administer, CompleteResponseIsNeverOverwrittenNotEvenWithForce) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/r.json";
  ASSERT_EQ(run_alliance(gtb(file), given(kTwelve)).status, 0);
  const std::string before = slurp(file);
  const Outcome again = run_alliance(gtb(file), given(kTwelve));
  EXPECT_EQ(again.status, 3);
  EXPECT_EQ(again.err,
            "alliance: " + file +
                ": holds a complete response, which is never overwritten (not even with --force). To give "
                "the questionnaire again, save it under another name, e.g.: alliance administer gtb-12 "
                "--respondent P01 --session 2 --lang en -o " +
                dir + "/r-2.json\n");
  // --force, then the session stops at once (as with q): earlier versions left "answers": {} here.
  const Outcome forced = run_alliance(gtb(file, {"--force"}), given("1\n"));
  EXPECT_EQ(forced.status, 3) << forced.err;
  EXPECT_NE(forced.err.find("never overwritten (not even with --force)"), std::string::npos) << forced.err;
  EXPECT_EQ(slurp(file), before);
  EXPECT_EQ(read_json(file)["answers"], json::parse(kTwelveJson));
  // The way out it prints works, and leaves the first response as it was.
  const Outcome other = shell(command_after(again.err, "e.g.: "), with_path(given(kTwelve)));
  EXPECT_EQ(other.status, 0) << other.err;
  EXPECT_EQ(read_json(dir + "/r-2.json")["status"], "complete");
  EXPECT_EQ(slurp(file), before);
  // Nothing to resume in a complete file: the command for its scores.
  const Outcome resume = run_alliance(gtb(file, {"--resume"}), given(kTwelve));
  EXPECT_EQ(resume.status, 2);
  EXPECT_EQ(resume.err,
            "alliance: " + file +
                ": this session is complete, there is nothing to resume. Its scores: alliance score "
                "gtb-12 " +
                file + " --lang en\n");
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{"r-2.json", "r.json"}));  // no temporary file left
  fs::remove_all(dir);
}

TEST(Administer, ForceReplacesOnlyAnUnfinishedSessionAndKeepsIt) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/u.json";
  ASSERT_EQ(run_alliance(gtb(file), given("3\n")).status, 5);
  const std::string unfinished = slurp(file);
  const Outcome again = run_alliance(gtb(file), given(kTwelve));
  EXPECT_EQ(again.status, 3);
  EXPECT_EQ(again.err,
            "alliance: " + file +
                ": an unfinished session is saved here (questions answered: 1 of 12). To continue it: "
                "alliance administer gtb-12 --respondent P01 --session 2 --lang en -o " +
                file +
                " --resume\nTo start again instead, add --force: the unfinished session is then kept as " +
                file + ".replaced-….\n");
  EXPECT_EQ(slurp(file), unfinished);

  const Outcome forced = run_alliance(gtb(file, {"--force"}), given("5\n"));
  EXPECT_EQ(forced.status, 5) << forced.err;
  const std::vector<std::string> names = names_in(dir);
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[1].rfind("u.json.replaced-", 0), 0u) << names[1];
  const std::string kept = dir + "/" + names[1];
  EXPECT_NE(forced.err.find("--force: the unfinished session of " + file + " is kept as " + kept +
                            "; a new session starts in " + file + "."),
            std::string::npos)
      << forced.err;
  EXPECT_EQ(slurp(kept), unfinished);
  EXPECT_EQ(mode_of(kept), 0600u);
  EXPECT_EQ(read_json(file)["answers"], json::parse(R"({"1": 5})"));

  // A file that is not a response to this questionnaire is never replaced, not even with --force.
  const std::string notes = dir + "/notes.json";
  std::ofstream(notes) << "my notes\n";
  for (const bool force : {false, true}) {
    const Outcome refused = run_alliance(force ? gtb(notes, {"--force"}) : gtb(notes), given(kTwelve));
    EXPECT_EQ(refused.status, 3);
    EXPECT_EQ(refused.err,
              "alliance: " + notes +
                  ": the file exists and is not a response to 'gtb-12'; it is never overwritten: "
                  "choose another file with -o\n");
  }
  EXPECT_EQ(slurp(notes), "my notes\n");
  fs::remove_all(dir);
}

TEST(Administer, SecondAdministrationOfTheDayGetsItsOwnFile) {
  const std::string dir = make_temp_dir();
  const std::vector<std::string> args{"administer", "gtb-12", "--respondent", "P01", "--lang", "en"};
  ASSERT_EQ(run_alliance(args, given(kTwelve, dir)).status, 0);
  const std::string first = names_in(dir).at(0);
  const std::string before = slurp(dir + "/" + first);
  const Outcome second = run_alliance(args, given("1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n", dir));
  ASSERT_EQ(second.status, 0) << second.err;
  const std::string numbered = first.substr(0, first.size() - 5) + "-2.json";  // P01-gtb-12-DATE-2.json
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{numbered, first}));       // '-' sorts before '.'
  EXPECT_NE(second.err.find(
                first + " already holds a complete response from today: this administration is saved as " +
                numbered + ".\n"),
            std::string::npos)
      << second.err;
  EXPECT_NE(second.err.find("Answers saved in " + numbered), std::string::npos);
  EXPECT_EQ(read_json(dir + "/" + numbered)["answers"]["12"], 1);
  EXPECT_EQ(slurp(dir + "/" + first), before);
  // --force changes nothing: there is no unfinished session to replace.
  std::vector<std::string> forced = args;
  forced.push_back("--force");
  ASSERT_EQ(run_alliance(forced, given(kTwelve, dir)).status, 0);
  EXPECT_EQ(names_in(dir).size(), 3u);
  EXPECT_EQ(slurp(dir + "/" + first), before);
  EXPECT_EQ(read_json(dir + "/" + numbered)["answers"]["12"], 1);
  fs::remove_all(dir);
}

TEST(Administer, DistinctIdsNeverShareAFile) {
  const std::string dir = make_temp_dir();
  // Zoé and Zoë, a/b and a_b: one file each (earlier versions gave Zo__ and a_b to both of each pair).
  const std::vector<std::string> ids{"Zo\xC3\xA9", "Zo\xC3\xAB", "a/b", "a_b", "P 01", "P%2001"};
  for (const std::string& id : ids) {
    const Outcome run =
        run_alliance({"administer", "gtb-12", "--respondent", id, "--lang", "en"}, given(kTwelve, dir));
    EXPECT_EQ(run.status, 0) << id << ": " << run.err;
  }
  const std::vector<std::string> names = names_in(dir);
  ASSERT_EQ(names.size(), ids.size());
  std::set<std::string> respondents;
  for (const std::string& name : names) respondents.insert(read_json(dir + "/" + name)["respondent"]);
  EXPECT_EQ(respondents, std::set<std::string>(ids.begin(), ids.end()));
  // Readable names: letters of every script as they are, the rest written %XX.
  const std::string date = names[0].substr(names[0].size() - 15, 10);
  for (const char* name : {"Zo\xC3\xA9-gtb-12-", "Zo\xC3\xAB-gtb-12-", "a%2Fb-gtb-12-", "a_b-gtb-12-",
                           "P%2001-gtb-12-", "P%252001-gtb-12-"})
    EXPECT_TRUE(fs::exists(dir + "/" + std::string(name) + date + ".json")) << name;

  // The same name typed two ways (é precomposed, or e and a combining accent) is the same respondent.
  const std::string other = make_temp_dir();
  ASSERT_EQ(run_alliance({"administer", "gtb-12", "--respondent", "Zo\xC3\xA9", "--lang", "en"},
                         given("4\n", other))
                .status,
            5);
  const Outcome resumed =
      run_alliance({"administer", "gtb-12", "--respondent", "Zoe\xCC\x81", "--lang", "en", "--resume"},
                   given("4\n5\n4\n3\n5\n2\n1\n4\n5\n3\n1\n", other));
  EXPECT_EQ(resumed.status, 0) << resumed.err;
  ASSERT_EQ(names_in(other).size(), 1u);
  const json saved = read_json(other + "/" + names_in(other)[0]);
  EXPECT_EQ(saved["respondent"], "Zo\xC3\xA9");
  EXPECT_EQ(saved["answers"], json::parse(kTwelveJson));
  fs::remove_all(dir);
  fs::remove_all(other);
}

TEST(Administer, RespondentIdsAreCheckedUpFront) {
  const std::string dir = make_temp_dir();
  const std::vector<std::pair<std::string, std::string>> cases{
      {"  ", "--respondent: the id is blank; give the respondent's pseudonymous id, such as P017"},
      {"", "--respondent: the id is blank; give the respondent's pseudonymous id, such as P017"},
      {std::string(300, 'x'),
       "--respondent: the id is 300 characters long, at most 64 are allowed; use a shorter pseudonymous id"},
      {"P\t01",
       "--respondent: the id holds a control or invisible character (a tab, a line break, a zero-width "
       "space…); use "
       "a pseudonymous id such as P017"},
      {" P01", "--respondent ' P01': the id begins or ends with a space; did you mean 'P01'?"},
      {"P\xFF",
       "--respondent: the id is not valid UTF-8 text; type it again, or use a pseudonymous id such as P017"},
  };
  for (const auto& [id, message] : cases) {
    const Outcome run =
        run_alliance({"administer", "gtb-12", "--respondent", id, "--lang", "en"}, given(kTwelve, dir));
    EXPECT_EQ(run.status, 2) << id;
    EXPECT_EQ(run.err, "alliance: " + message + "\n");
  }
  EXPECT_TRUE(fs::is_empty(dir));  // nothing written
  fs::remove_all(dir);
}

TEST(Administer, AnIdStartingWithADashIsSafeToPassOn) {
  const std::string dir = make_temp_dir();
  const Outcome first =
      run_alliance({"administer", "gtb-12", "--respondent=-x 1", "--lang", "en", "--hide-scores"},
                   given("4\n4\n5\n", dir));
  ASSERT_EQ(first.status, 5) << first.err;
  const std::string name = names_in(dir).at(0);
  EXPECT_EQ(name.rfind("%2Dx%201-gtb-12-", 0), 0u) << name;  // never taken for an option
  const std::string resume = command_after(first.err, "To continue: ");
  EXPECT_EQ(resume, "alliance administer gtb-12 --respondent='-x 1' --lang en --hide-scores -o " + name +
                        " --resume");
  const Outcome second = shell(resume, with_path(given("4\n3\n5\n2\n1\n4\n5\n3\n1\n", dir)));
  ASSERT_EQ(second.status, 0) << second.err;
  const std::string score = command_after(second.err, "Read them later with: ");
  EXPECT_EQ(score, "alliance score gtb-12 " + name + " --lang en");
  const Outcome scored = shell(score + " --format ndjson", with_path(given("", dir)));
  EXPECT_EQ(scored.status, 0) << scored.err;
  const json row = json::parse(scored.out);
  EXPECT_EQ(row["respondent"], "-x 1");
  EXPECT_EQ(row["scores"]["total"]["score"], 4.25);  // 51 / 12, as in ScriptedSessionIsSavedCompleteAndScored
  fs::remove_all(dir);
}

TEST(Administer, MissingOutputDirectoryIsSaidToBeMissing) {
  const std::string dir = make_temp_dir();
  const Outcome missing = run_alliance(gtb(dir + "/missing/r.json"), given(kTwelve));
  EXPECT_EQ(missing.status, 3);
  EXPECT_EQ(missing.err, "alliance: " + dir + "/missing/r.json: the directory " + dir +
                             "/missing does not exist; create it (mkdir -p " + dir +
                             "/missing) or choose another with -o\n");
  std::ofstream(dir + "/plain.txt") << "x\n";
  const Outcome file = run_alliance(gtb(dir + "/plain.txt/r.json"), given(kTwelve));
  EXPECT_EQ(file.status, 3);
  EXPECT_EQ(file.err, "alliance: " + dir + "/plain.txt/r.json: cannot write there: " + dir +
                          "/plain.txt is not a directory\n");
  fs::remove_all(dir);
}

// Run under timeout(1): earlier versions opened a FIFO to read it and waited for ever.
Outcome run_bounded(const std::vector<std::string>& args, const RunOptions& options) {
  std::vector<std::string> all{"10", ALLIANCE_BIN};
  all.insert(all.end(), args.begin(), args.end());
  return run_program("/usr/bin/timeout", all, options);
}

// Bug: -o naming something that is not a regular file was replaced by the
// atomic rename (as root, -o /dev/full became a regular file, "Answers saved
// in /dev/full", exit 0), a FIFO was opened and waited on for ever, and a
// symbolic link to an unfinished response was replaced by a file (the answers
// then in the link's place, its target left unfinished). Each is refused up
// front, in the session's language, exit 3, nothing written. Devices go the
// same way (lstat); no test points administer at a real one.
TEST(Administer, OutputThatIsNotARegularFileIsRefusedUpFront) {
  const std::string dir = make_temp_dir();
  const std::string fifo = dir + "/fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::vector<std::string> fr = gtb(fifo);
  fr[7] = "fr";  // --lang fr
  const Outcome to_fifo = run_bounded(fr, given(kTwelve));
  EXPECT_EQ(to_fifo.status, 3) << to_fifo.err;
  EXPECT_EQ(to_fifo.err, "alliance\u00a0: " + fifo +
                             "\u00a0: ce n’est pas un fichier ordinaire mais un tube nommé (FIFO)\u00a0; les "
                             "réponses ne sont enregistrées que dans des fichiers ordinaires, et " +
                             fifo + " est laissé tel quel\u00a0: choisissez un autre fichier avec -o\n");
  EXPECT_EQ(run_bounded(gtb(fifo, {"--resume"}), given(kTwelve)).status, 3);

  const std::string sock_path = dir + "/sock";
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(sock_path.size(), sizeof address.sun_path);
  sock_path.copy(address.sun_path, sock_path.size());
  ASSERT_EQ(::bind(sock, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  const Outcome to_socket = run_bounded(gtb(sock_path), given(kTwelve));
  EXPECT_EQ(to_socket.status, 3);
  EXPECT_EQ(to_socket.err, "alliance: " + sock_path +
                               ": not a regular file but a socket; answers are saved only in regular files, "
                               "and " +
                               sock_path + " is left as it is: choose another file with -o\n");
  ::close(sock);

  // A symbolic link to an unfinished response: neither resumed through the link nor replaced.
  const std::string target = dir + "/u.json";
  ASSERT_EQ(run_alliance(gtb(target), given("4\n4\n")).status, 5);
  const std::string unfinished = slurp(target);
  const std::string link = dir + "/link.json";
  fs::create_symlink("u.json", link);
  for (const char* flag : {"--resume", "--force"}) {
    SCOPED_TRACE(flag);
    const Outcome through = run_bounded(gtb(link, {flag}), given(kTwelve));
    EXPECT_EQ(through.status, 3) << through.err;
    EXPECT_EQ(through.err, "alliance: " + link +
                               ": a symbolic link (to u.json); answers are never written through a link, nor "
                               "in its place: name the file itself with -o, or choose another file\n");
  }
  fs::create_symlink("fifo", dir + "/to-fifo.json");
  fs::create_symlink("nowhere.json", dir + "/dangling.json");
  for (const char* name : {"/to-fifo.json", "/dangling.json"})
    EXPECT_EQ(run_bounded(gtb(dir + name), given(kTwelve)).status, 3) << name;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(slurp(target), unfinished);
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_TRUE(fs::is_socket(sock_path));
  EXPECT_FALSE(fs::exists(dir + "/nowhere.json"));
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{"dangling.json", "fifo", "link.json", "sock",
                                                     "to-fifo.json", "u.json"}));
  fs::remove_all(dir);
}

// A FIFO with today's default name in the directory is neither opened (it
// would wait for ever) nor replaced: the new administration takes the next
// number, and --resume finds nothing to resume.
TEST(Administer, AFifoWithTheDefaultNameIsLeftAlone) {
  const std::string probe = make_temp_dir();
  const std::vector<std::string> args{"administer", "gtb-12", "--respondent", "P01", "--lang", "en"};
  ASSERT_EQ(run_alliance(args, given("4\n", probe)).status, 5);
  const std::string name = names_in(probe).at(0);  // P01-gtb-12-<today>.json
  const std::string dir = make_temp_dir();
  ASSERT_EQ(::mkfifo((dir + "/" + name).c_str(), 0600), 0);
  const Outcome run = run_bounded(args, given(kTwelve, dir));
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string numbered = name.substr(0, name.size() - 5) + "-2.json";
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{numbered, name}));
  EXPECT_TRUE(fs::is_fifo(dir + "/" + name));
  EXPECT_EQ(read_json(dir + "/" + numbered)["answers"], json::parse(kTwelveJson));
  std::vector<std::string> resume = args;
  resume.push_back("--resume");
  const Outcome nothing = run_bounded(resume, given(kTwelve, dir));
  EXPECT_EQ(nothing.status, 3) << nothing.err;
  EXPECT_NE(nothing.err.find("nothing to resume"), std::string::npos) << nothing.err;
  fs::remove_all(probe);
  fs::remove_all(dir);
}

// A save that fails mid-session (here the file size limit, which fails a write
// as a full disk does) stops a script with the answers on disk, the one not
// saved named, and the command to continue.
TEST(Administer, ASaveThatFailsMidSessionLosesNothing) {
  if (!fs::exists("/usr/bin/prlimit"))
    GTEST_SKIP() << "SKIPPED: /usr/bin/prlimit (util-linux) is not installed";
  const std::string dir = make_temp_dir();
  // The size of the file holding three answers: the limit, so the fourth answer's save fails.
  ASSERT_EQ(run_alliance(gtb(dir + "/probe.json"), given("4\n4\n5\n")).status, 5);
  const auto limit = fs::file_size(dir + "/probe.json");
  const std::string file = dir + "/r.json";
  std::vector<std::string> args{"--fsize=" + std::to_string(limit), "--", ALLIANCE_BIN};
  for (const std::string& arg : gtb(file)) args.push_back(arg);
  const Outcome run = run_program("/usr/bin/prlimit", args, given(kTwelve));
  EXPECT_EQ(run.status, 3) << run.err;
  const std::string tail =
      "alliance: Saving to " + file +
      " failed: the file size limit of this session is reached (ulimit -f).\n"
      "Stopped: the answers could not be saved.\n"
      "Not saved, to be answered again when the session is resumed: question 4.\n"
      "On disk, " +
      file +
      " holds every other answer.\n"
      "To continue: alliance administer gtb-12 --respondent P01 --session 2 --lang en -o " +
      file + " --resume\n";
  ASSERT_GE(run.err.size(), tail.size()) << run.err;
  EXPECT_EQ(run.err.substr(run.err.size() - tail.size()), tail) << run.err;
  EXPECT_EQ(read_json(file)["answers"], json::parse(R"({"1": 4, "2": 4, "3": 5})"));
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{"probe.json", "r.json"}));  // no temporary file left
  // The printed command continues at question 4.
  const Outcome resumed =
      shell(command_after(run.err, "To continue: "), with_path(given("4\n3\n5\n2\n1\n4\n5\n3\n1\n")));
  EXPECT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("Question 4 of 12"), std::string::npos);
  EXPECT_EQ(read_json(file)["answers"], json::parse(kTwelveJson));
  fs::remove_all(dir);
}

TEST(Administer, FollowUpCommandsAreCompleteAndRunnableAsPrinted) {
  const std::string dir = make_temp_dir();
  const std::string sub = dir + "/l'\xC3\xA9t\xC3\xA9 2026";  // a quote, a space, non-ASCII: l'été 2026
  fs::create_directory(sub);
  const std::string file = sub + "/r \xC3\xA9.json";
  const std::string library = source_path("questionnaires");
  const std::vector<std::string> args{"--path",  library,     "administer", "gtb-12", "--respondent",
                                      "O'Brien", "--session", "3",          "--lang", "fr",
                                      "--plain", "-o",        file};
  const Outcome first = run_alliance(args, given("4\n4\n5\n"));
  ASSERT_EQ(first.status, 5) << first.err;
  const std::string resume = command_after(first.err, "Pour reprendre");
  EXPECT_EQ(resume, "alliance --path " + quoted(library) +
                        " administer gtb-12 --respondent 'O'\\''Brien' --session 3 --lang fr --plain -o " +
                        quoted(file) + " --resume");
  const Outcome second = shell(resume, with_path(given("4\n3\n5\n2\n1\n4\n5\n3\n1\n")));
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.out.find("Objectifs"), std::string::npos) << second.out;  // still in French
  EXPECT_EQ(read_json(file)["answers"], json::parse(kTwelveJson));

  // The score command of --hide-scores, and of "this session is complete".
  const std::string hidden = sub + "/h.json";
  std::vector<std::string> hide = args;
  hide.back() = hidden;
  hide.push_back("--hide-scores");
  const Outcome third = run_alliance(hide, given(kTwelve));
  ASSERT_EQ(third.status, 0) << third.err;
  const std::string score = command_after(third.err, "Pour les consulter plus tard");
  EXPECT_EQ(score, "alliance --path " + quoted(library) + " score gtb-12 " + quoted(hidden) + " --lang fr");
  const Outcome scored = shell(score + " --format table", with_path(given("")));
  EXPECT_EQ(scored.status, 0) << scored.err;
  EXPECT_NE(scored.out.find("Score global"), std::string::npos) << scored.out;
  std::vector<std::string> again = args;
  again.push_back("--resume");
  const Outcome complete = run_alliance(again, given(""));
  EXPECT_EQ(complete.status, 2);
  EXPECT_EQ(command_after(complete.err, "Ses scores"),
            "alliance --path " + quoted(library) + " score gtb-12 " + quoted(file) + " --lang fr");
  fs::remove_all(dir);
}

// Every message of administer in the session's language, errors included:
// --lang fr, or a French locale.
TEST(Administer, ErrorsAreInTheSessionLanguage) {
  const std::string dir = make_temp_dir();
  const std::string done = dir + "/done.json";
  ASSERT_EQ(run_alliance(gtb(done), given(kTwelve)).status, 0);
  const std::string nb = "\xC2\xA0";  // the no-break space French puts before : ; ? !
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"administer", "gtb-12"},
       "--respondent est obligatoire" + nb + ": l’identifiant pseudonyme de la personne, par exemple" + nb +
           ": alliance administer gtb-12 --respondent P017\n"},
      {{"administer", "gtb-12", "--respondent"},
       "--respondent attend une valeur\nPour l’aide" + nb + ": alliance administer --help\n"},
      {{"administer", "gtb-12", "--respondent", "--plain"},
       "--respondent --plain" + nb + ": ressemble à une option, pas à un identifiant" + nb +
           "; indiquez l’identifiant après --respondent (un identifiant commençant par «" + nb + "-" + nb +
           "» s’écrit --respondent=-X)\n"},
      {{"administer", "gtb-12", "--respondent", "P01", "--colour"},
       "inattendu sur la ligne de commande" + nb + ": --colour\nPour l’aide" + nb +
           ": alliance administer --help\n"},
      // Typed in the order they were typed (CLI11 lists them backwards), with the option meant.
      {{"administer", "gtb-12", "--respondent", "P01", "--sesion", "2"},
       "inattendu sur la ligne de commande" + nb + ": --sesion 2" + nb + "; vouliez-vous dire «" + nb +
           "--session" + nb + "»" + nb + "?\nPour l’aide" + nb + ": alliance administer --help\n"},
      {{"administer", "gtb12", "--respondent", "P01"},
       "questionnaire inconnu «" + nb + "gtb12" + nb + "»" + nb + "; vouliez-vous dire «" + nb + "gtb-12" +
           nb + "»" + nb + "? (pour la liste" + nb + ": alliance list)\n"},
      {{"administer", dir + "/nope.json", "--respondent", "P01"},
       dir + "/nope.json" + nb + ": lecture impossible" + nb + ": le fichier n’existe pas\n"},
      {{"administer", "gtb-12", "--respondent", "  "},
       "--respondent" + nb + ": l’identifiant est vide" + nb +
           "; indiquez l’identifiant pseudonyme de la personne, tel que P017\n"},
      {{"administer", "gtb-12", "--respondent", "P01", "--session", "2", "-o", done},
       done + nb +
           ": contient une passation complète, qui n’est jamais écrasée (pas même avec --force). Pour "
           "faire " +
           "passer le questionnaire de nouveau, enregistrez-le sous un autre nom, par exemple" + nb +
           ": alliance administer gtb-12 --respondent P01 --session 2 --lang fr -o " + dir +
           "/done-2.json\n"},
      {{"administer", "gtb-12", "--respondent", "P09", "--resume", "-o", dir},
       "rien à reprendre" + nb + ": aucune séance inachevée de «" + nb + "gtb-12" + nb + "» pour P09 dans " +
           dir + ". Pour en commencer une" + nb +
           ": alliance administer gtb-12 --respondent P09 --lang fr -o " + dir + "\n"},
      {{"administer", "gtb-12", "--respondent", "P01", "-o", dir + "/missing/r.json"},
       dir + "/missing/r.json" + nb + ": le dossier " + dir + "/missing n’existe pas" + nb +
           "; créez-le (mkdir -p " + dir + "/missing) ou choisissez-en un autre avec -o\n"},
  };
  for (const auto& [args, message] : cases) {
    std::vector<std::string> with_lang = args;
    with_lang.insert(with_lang.begin() + 2, {"--lang", "fr"});
    const Outcome flagged = run_alliance(with_lang, given(""));
    EXPECT_EQ(flagged.err, "alliance" + nb + ": " + message) << args[1];
    EXPECT_TRUE(flagged.status == 2 || flagged.status == 3) << flagged.status;
    RunOptions french = given("");
    french.env = {{"LC_ALL", ""}, {"LC_MESSAGES", ""}, {"LANG", "fr_FR.UTF-8"}};
    const Outcome located = run_alliance(args, french);
    // With the locale alone: the same message, the printed commands with --lang fr too.
    std::string expected = "alliance" + nb + ": " + message;
    EXPECT_EQ(located.err, expected) << args[1];
  }
  // A file that cannot be written before the first question (here: a file size limit of one byte).
  if (fs::exists("/usr/bin/prlimit")) {
    const std::string file = dir + "/w.json";
    const Outcome run = run_program("/usr/bin/prlimit",
                                    {"--fsize=1", "--", ALLIANCE_BIN, "administer", "gtb-12", "--respondent",
                                     "P01", "--lang", "fr", "-o", file},
                                    given(""));
    EXPECT_EQ(run.status, 3);
    EXPECT_EQ(run.err, "alliance" + nb + ": " + file + nb + ": impossible d’y écrire" + nb +
                           ": la taille de fichier permise à cette session est atteinte (ulimit -f)\n");
    EXPECT_FALSE(fs::exists(file));
  }
  fs::remove_all(dir);
}

TEST(Administer, ResumeFindsUnfinishedSessionsAcrossSessionNumbers) {
  const std::string dir = make_temp_dir();
  const auto args = [](std::vector<std::string> more) {
    std::vector<std::string> out{"administer", "gtb-12", "--respondent", "P01", "--lang", "en"};
    out.insert(out.end(), more.begin(), more.end());
    return out;
  };
  ASSERT_EQ(run_alliance(args({"--session", "1"}), given("4\n", dir)).status, 5);
  const std::string s1 = names_in(dir).at(0);
  // Without --session: found, and named.
  const Outcome resumed = run_alliance(args({"--resume"}), given("4\n5\n4\n3\n5\n2\n1\n4\n5\n3\n1\n", dir));
  EXPECT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_EQ(resumed.err.rfind("Resuming the session saved in " + s1 + " (questions answered: 1 of 12).\n", 0),
            0u)
      << resumed.err;
  EXPECT_EQ(read_json(dir + "/" + s1)["answers"], json::parse(kTwelveJson));

  // Two unfinished: each resume command is listed; --session chooses.
  ASSERT_EQ(run_alliance(args({"--session", "2"}), given("1\n", dir)).status, 5);
  ASSERT_EQ(run_alliance(args({"--session", "3"}), given("2\n", dir)).status, 5);
  const std::string date = s1.substr(s1.size() - 15, 10);
  const Outcome several = run_alliance(args({"--resume"}), given("", dir));
  EXPECT_EQ(several.status, 2);
  EXPECT_EQ(several.err,
            "alliance: several unfinished sessions of 'gtb-12' for P01 in " + fs::canonical(dir).string() +
                "; continue one of them:\n"
                "  alliance administer gtb-12 --respondent P01 --session 2 --lang en -o P01-gtb-12-s2-" +
                date +
                ".json --resume\n"
                "  alliance administer gtb-12 --respondent P01 --session 3 --lang en -o P01-gtb-12-s3-" +
                date + ".json --resume\n");
  const Outcome third = run_alliance(args({"--resume", "--session", "3"}), given("", dir));
  EXPECT_EQ(third.status, 5);
  EXPECT_NE(third.err.find("Resuming the session saved in P01-gtb-12-s3-" + date + ".json"),
            std::string::npos);

  // A numbered file (a second administration of the day) is found too.
  const std::string other = make_temp_dir();
  ASSERT_EQ(run_alliance(args({"--session", "5"}), given(kTwelve, other)).status, 0);
  ASSERT_EQ(run_alliance(args({"--session", "5"}), given("3\n", other)).status, 5);
  const Outcome numbered = run_alliance(args({"--resume"}), given("", other));
  EXPECT_NE(numbered.err.find("Resuming the session saved in P01-gtb-12-s5-" + date + "-2.json"),
            std::string::npos)
      << numbered.err;

  // And a file named as earlier versions named it ("P/03" was written P_03).
  const std::string legacy = make_temp_dir();
  ASSERT_EQ(run_alliance({"administer", "gtb-12", "--respondent", "P/03", "--session", "4", "--lang", "en",
                          "-o", legacy + "/P_03-gtb-12-s4-2026-01-05.json"},
                         given("2\n"))
                .status,
            5);
  const Outcome old =
      run_alliance({"administer", "gtb-12", "--respondent", "P/03", "--resume"}, given("", legacy));
  EXPECT_NE(old.err.find("Resuming the session saved in P_03-gtb-12-s4-2026-01-05.json"), std::string::npos)
      << old.err;
  fs::remove_all(dir);
  fs::remove_all(other);
  fs::remove_all(legacy);
}

TEST(Administer, DefaultNameInTheCurrentDirectoryAndResumeFindsIt) {
  const std::string dir = make_temp_dir();
  const Outcome first = run_alliance(
      {"administer", "gtb-12", "--respondent", "P/03", "--session", "4", "--lang", "en"}, given("2\n", dir));
  EXPECT_EQ(first.status, 5) << first.err;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].rfind("P%2F03-gtb-12-s4-", 0), 0u) << names[0];  // '/' written %2F: see DistinctIds...
  EXPECT_EQ(names[0].size(), std::string("P%2F03-gtb-12-s4-2026-01-01.json").size());
  const Outcome second =
      run_alliance({"administer", "gtb-12", "--respondent", "P/03", "--session", "4", "--resume"},
                   given("2\n2\n2\n2\n2\n2\n2\n2\n2\n2\n2\n", dir));
  EXPECT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(read_json(dir + "/" + names[0])["respondent"], "P/03");
  // -o DIR puts the default name there.
  const std::string sub = dir + "/out";
  fs::create_directory(sub);
  EXPECT_EQ(run_alliance({"administer", "gtb-12", "--respondent", "P04", "-o", sub}, given("1\n")).status, 5);
  ASSERT_FALSE(fs::is_empty(sub));
  EXPECT_EQ(fs::directory_iterator(sub)->path().filename().string().rfind("P04-gtb-12-2", 0), 0u);
  // Nothing to resume: said so.
  const Outcome none =
      run_alliance({"administer", "gtb-12", "--respondent", "P09", "--resume"}, given("", dir));
  EXPECT_EQ(none.status, 3);
  EXPECT_NE(none.err.find("alliance: nothing to resume: no unfinished session of 'gtb-12' for P09 in "),
            std::string::npos)
      << none.err;
  EXPECT_NE(none.err.find(". To start one: alliance administer gtb-12 --respondent P09 --lang en\n"),
            std::string::npos)
      << none.err;
  fs::remove_all(dir);
}

TEST(Administer, KeyOnlyDefinitionIsRefusedWithAWayOut) {
  const std::string dir = make_temp_dir();
  const Outcome run =
      run_alliance({"administer", "wai-sr", "--respondent", "P01", "--lang", "en"}, given("", dir));
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("'wai-sr' is a key-only definition"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("\"Supplying licensed item text\""), std::string::npos);
  EXPECT_NE(run.err.find("alliance administer ./my-wai-sr.json --respondent ID"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(dir));  // nothing written
  const Outcome fr =
      run_alliance({"administer", "wai-sr", "--respondent", "P01", "--lang", "fr"}, given("", dir));
  EXPECT_NE(fr.err.find("est une clé de cotation seule"), std::string::npos) << fr.err;
  fs::remove_all(dir);
}

// README's table says every code any command exits with (it used to omit 5, 129, 131 and 143).
TEST(Administer, EveryExitStatusIsInTheReadmeTable) {
  const std::string readme = slurp(source_path("README.md"));
  const std::size_t section = readme.find("## Exit status");
  ASSERT_NE(section, std::string::npos);
  const std::string table = readme.substr(section, readme.find("\n## ", section + 1) - section);
  for (const char* code : {"0", "1", "2", "3", "4", "5", "129", "130", "131", "141", "143"})
    EXPECT_NE(table.find(std::string("\n| ") + code + " | "), std::string::npos) << code;
  const Outcome help = run_alliance({"--help"});
  for (const char* code : {"5 stopped early", "129", "131", "143"})
    EXPECT_NE(help.out.find(code), std::string::npos) << code;
}

TEST(Administer, HelpAndUsage) {
  const Outcome help = run_alliance({"administer", "--help"});
  EXPECT_EQ(help.status, 0);
  for (const char* text : {"--respondent", "--resume", "--hide-scores", "--plain", "--force",
                           "<respondent>-<questionnaire>[-s<session>]-<YYYY-MM-DD>[-<n>].json", "130", "143",
                           "never overwritten"})
    EXPECT_NE(help.out.find(text), std::string::npos) << text;
  EXPECT_EQ(run_alliance({"administer", "gtb-12"}).status, 2);
  EXPECT_EQ(run_alliance({"administer", "gtb-12", "--respondent", "P1", "--lang", "de"}).status, 2);
}

}  // namespace
}  // namespace alliance::testing
