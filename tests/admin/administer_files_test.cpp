// Administer's file rules (alliance/admin/administer_files.hpp, through the
// command line's choose_target, cli/administer.hpp; docs/administration.md
// "Files") and its saves (response_store.hpp), on an in-memory Env: files in a map, a
// clock stopped at 2026-01-05T14:22:33Z, a disk that fills up on demand; and
// the full screen driven by scripted keys (FakeConsole), checked as text.
// No process, no pseudo-terminal, nothing written to disk.
#include <gtest/gtest.h>

#include <cerrno>

#include "../admin/fake_console.hpp"
#include "alliance/admin/runner.hpp"
#include "alliance/admin/save_failure.hpp"
#include "alliance/io/catalog.hpp"
#include "alliance/io/memory_env.hpp"
#include "cli/administer.hpp"
#include "cli/response_store.hpp"

namespace alliance::cli {
namespace {

namespace fs = std::filesystem;

// By hand: 2026-01-05 is day 20458 of the epoch (56 * 365 + 14 leap days + 4).
constexpr std::int64_t kJan5At142233 = 20458LL * 86400 + 14 * 3600 + 22 * 60 + 33;
constexpr const char* kToday = "P017-gtb-12-2026-01-05.json";

class AdministerFiles : public ::testing::Test {
 protected:
  AdministerFiles() {
    env_.set_time(kJan5At142233);
    o_.questionnaire = "gtb-12";
    o_.respondent = "P017";
    o_.respondent_given = true;
  }

  // A response of P017 with the first `answered` items answered 4.
  std::string response(io::ResponseStatus status, std::size_t answered,
                       const std::string& date = "2026-01-05") {
    io::ResponseDocument doc;
    doc.response.respondent = "P017";
    doc.response.date = date;
    doc.response.answers.assign(q_.items.size(), std::nullopt);
    for (std::size_t i = 0; i < answered; ++i) doc.response.answers[i] = 4;
    doc.status = status;
    if (status == io::ResponseStatus::in_progress) {
      doc.settled.assign(q_.items.size(), false);
      for (std::size_t i = 0; i < answered; ++i) doc.settled[i] = true;
    }
    return io::response_to_json(q_, doc);
  }

  Target choose() {
    return choose_target(o_, global_, q_, "en", io::local_date(env_), io::file_stamp(env_), env_);
  }

  // The message of the Error choose() throws, and its code.
  std::pair<ExitCode, std::string> refusal() {
    try {
      choose();
    } catch (const Error& e) {
      return {e.code(), e.what()};
    }
    ADD_FAILURE() << "nothing refused";
    return {ExitCode::ok, ""};
  }

  io::ResponseDocument new_document(const std::string& date) const {
    io::ResponseDocument doc;
    doc.response.respondent = o_.respondent;
    doc.response.date = date;
    doc.response.answers.assign(q_.items.size(), std::nullopt);
    doc.settled.assign(q_.items.size(), false);
    return doc;
  }

  ResponseStore store_for(const Target& target, const std::string& date) {
    return ResponseStore(
        q_, target.resume ? target.document : new_document(date), target.file,
        io::DefaultName{o_.respondent, q_.id, o_.session, date, 1}, "en",
        [](const std::optional<fs::path>&) { return std::string("alliance administer …"); }, env_);
  }

  core::Questionnaire q_ = io::Catalog({}).load("gtb-12").questionnaire;
  io::MemoryEnv env_;  // the current directory is /work
  AdministerOptions o_;
  GlobalOptions global_;
};

TEST_F(AdministerFiles, ANewSessionIsNamedWithTheLocalDateAndStampedInUtc) {
  // 23:30 UTC on the 5th is the 6th in Paris: the file and the response carry the local date.
  env_.set_time(20458LL * 86400 + 23 * 3600 + 30 * 60, 3600);
  const Target target = choose();
  EXPECT_EQ(target.file, fs::path("P017-gtb-12-2026-01-06.json"));
  EXPECT_FALSE(target.resume);
  EXPECT_FALSE(target.keep);
  EXPECT_EQ(target.note, "");
  ResponseStore store = store_for(target, "2026-01-06");
  store.start(io::Overwrite::refuse, std::nullopt);
  EXPECT_EQ(env_.files(), std::vector<fs::path>{"/work/P017-gtb-12-2026-01-06.json"});
  const io::ResponseDocument saved = io::read_response_document(q_, target.file, env_);
  EXPECT_EQ(saved.status, io::ResponseStatus::in_progress);
  EXPECT_EQ(saved.response.date, "2026-01-06");
  EXPECT_EQ(saved.updated_at, "2026-01-05T23:30:00Z");
}

TEST_F(AdministerFiles, ForceKeepsTheUnfinishedSessionAsReplacedAtTheClocksTime) {
  const std::string unfinished = response(io::ResponseStatus::in_progress, 3);
  env_.add_file(std::string("/work/") + kToday, unfinished);
  o_.force = true;
  const Target target = choose();
  EXPECT_EQ(target.file, fs::path(kToday));
  ASSERT_TRUE(target.keep);
  EXPECT_EQ(*target.keep, fs::path("P017-gtb-12-2026-01-05.json.replaced-20260105T142233Z"));
  EXPECT_EQ(target.note,
            "--force: the unfinished session of P017-gtb-12-2026-01-05.json is kept as "
            "P017-gtb-12-2026-01-05.json.replaced-20260105T142233Z; a new session starts in "
            "P017-gtb-12-2026-01-05.json.");
  env_.advance(2);  // the new file is stamped when it is written
  ResponseStore store = store_for(target, "2026-01-05");
  store.start(io::Overwrite::allow, target.keep);
  EXPECT_EQ(env_.file("/work/P017-gtb-12-2026-01-05.json.replaced-20260105T142233Z"), unfinished);
  const io::ResponseDocument fresh = io::read_response_document(q_, kToday, env_);
  EXPECT_EQ(fresh.status, io::ResponseStatus::in_progress);
  EXPECT_EQ(fresh.response.answers, core::Answers(q_.items.size(), std::nullopt));
  EXPECT_EQ(fresh.updated_at, "2026-01-05T14:22:35Z");
  EXPECT_EQ(env_.files().size(), 2u);
}

TEST_F(AdministerFiles, WithoutForceAnUnfinishedSessionIsRefusedWithTheCommandsToRun) {
  env_.add_file(std::string("/work/") + kToday, response(io::ResponseStatus::in_progress, 3));
  const auto [code, message] = refusal();
  EXPECT_EQ(code, ExitCode::io);
  EXPECT_EQ(message,
            "P017-gtb-12-2026-01-05.json: an unfinished session is saved here (questions answered: 3 of 12). "
            "To continue it: alliance administer gtb-12 --respondent P017 --lang en -o "
            "P017-gtb-12-2026-01-05.json --resume\n"
            "To start again instead, add --force: the unfinished session is then kept as "
            "P017-gtb-12-2026-01-05.json.replaced-….");
  EXPECT_EQ(env_.writes(), 0u);
}

TEST_F(AdministerFiles, ACompleteResponseIsNeverReplacedEvenWithForce) {
  const std::string complete = response(io::ResponseStatus::complete, 12);
  env_.add_file("/work/r.json", complete);
  env_.add_file("/work/r-2.json", "taken");  // the name suggested is one that is free
  o_.output = "/work/r.json";
  o_.force = true;
  const auto [code, message] = refusal();
  EXPECT_EQ(code, ExitCode::io);
  EXPECT_EQ(message,
            "/work/r.json: holds a complete response, which is never overwritten (not even with --force). To "
            "give the questionnaire again, save it under another name, e.g.: alliance administer gtb-12 "
            "--respondent P017 --lang en -o /work/r-3.json");
  EXPECT_EQ(env_.file("/work/r.json"), complete);
  EXPECT_EQ(env_.writes(), 0u);
}

TEST_F(AdministerFiles, ACompleteResponseOfTodayMakesTheNextOneNumberTwo) {
  env_.add_file(std::string("/work/") + kToday, response(io::ResponseStatus::complete, 12));
  env_.add_file("/work/P017-gtb-12-2026-01-04.json",
                response(io::ResponseStatus::complete, 12, "2026-01-04"));
  const Target target = choose();
  EXPECT_EQ(target.file, fs::path("P017-gtb-12-2026-01-05-2.json"));
  EXPECT_EQ(target.note,
            "P017-gtb-12-2026-01-05.json already holds a complete response from today: this administration "
            "is saved as P017-gtb-12-2026-01-05-2.json.");
  env_.advance(86400);  // the next day, yesterday's responses do not count
  EXPECT_EQ(choose().file, fs::path("P017-gtb-12-2026-01-06.json"));
}

TEST_F(AdministerFiles, ResumeFindsTheOneUnfinishedSessionWhateverItsDate) {
  env_.add_file(std::string("/work/") + kToday, response(io::ResponseStatus::complete, 12));
  env_.add_file("/work/P017-gtb-12-2026-01-03.json",
                response(io::ResponseStatus::in_progress, 5, "2026-01-03"));
  env_.add_file("/work/P018-gtb-12-2026-01-03.json",
                response(io::ResponseStatus::in_progress, 2, "2026-01-03"));
  o_.resume = true;
  const Target target = choose();
  EXPECT_TRUE(target.resume);
  EXPECT_EQ(target.file, fs::path("P017-gtb-12-2026-01-03.json"));
  EXPECT_EQ(target.document.response.date, "2026-01-03");
  EXPECT_EQ(target.document.response.answers[4], 4);
  EXPECT_EQ(target.document.response.answers[5], std::nullopt);
}

TEST_F(AdministerFiles, ADirectoryThatIsNotThereIsSaidBeforeAnyQuestion) {
  o_.output = "/media/usb/";
  const auto [code, message] = refusal();
  EXPECT_EQ(code, ExitCode::io);
  EXPECT_EQ(message,
            "/media/usb/P017-gtb-12-2026-01-05.json: the directory /media/usb/ does not exist; create it "
            "(mkdir -p /media/usb/) or choose another with -o");
}

TEST_F(AdministerFiles, AFirstSaveThatFailsLeavesNothingBehind) {
  env_.fail_writes_in("/work", ENOSPC);
  const Target target = choose();
  ResponseStore store = store_for(target, "2026-01-05");
  try {
    store.start(io::Overwrite::refuse, std::nullopt);
    FAIL() << "the save worked on a full disk";
  } catch (const io::FileError& e) {
    EXPECT_EQ(e.error_number(), ENOSPC);
    EXPECT_EQ(e.path(), fs::path(kToday));
    EXPECT_EQ(io::plain_reason(admin::messages("en"), e), "the disk is full");
  }
  EXPECT_TRUE(env_.files().empty());
}

// The whole loop without a terminal: keys typed on the full screen, a disk
// that fills up after the first answer, the failure screen, the answers
// saved elsewhere, the session going on.
TEST_F(AdministerFiles, ADiskFullMidSessionIsAskedOnScreenAndTheAnswersSavedElsewhere) {
  env_.add_directory("/backup");
  const Target target = choose();
  ResponseStore store = store_for(target, "2026-01-05");
  store.start(io::Overwrite::refuse, std::nullopt);

  admin::FakeConsole console(80, 24);
  console.type("4");  // item 1, saved
  console.type("3");  // item 2: the save fails, the failure screen is drawn
  console.type("a");  // save elsewhere
  console.type("/backup");
  console.press(admin::KeyKind::enter);
  std::vector<std::string> problems;
  store.set_asker([&](const admin::SaveProblem& problem) {
    problems.push_back(problem.what);
    return admin::ask_after_failed_save(console, problem, "en", false);
  });
  std::size_t saves = 0;
  const admin::Saver save = [&](const admin::Session& s) {
    std::string notice = store.save(s);
    if (++saves == 1) env_.fail_writes_in("/work", ENOSPC);
    return notice;
  };
  admin::Session session(q_, true, store.document().response.answers, store.document().settled);
  const admin::Ending ending = admin::run_full_screen(session, q_, {"en", false}, console, save);

  EXPECT_EQ(ending, admin::Ending::hangup);  // the keys ran out on item 3
  EXPECT_EQ(problems,
            std::vector<std::string>{"Saving to P017-gtb-12-2026-01-05.json failed: the disk is full."});
  EXPECT_EQ(store.file(), fs::path("/backup/P017-gtb-12-2026-01-05.json"));
  EXPECT_NE(console.flat().find("The answers are now saved in /backup/P017-gtb-12-2026-01-05.json."),
            std::string::npos)
      << console.screen();
  EXPECT_NE(console.flat().find("Question 3 of 12"), std::string::npos) << console.screen();
  const io::ResponseDocument moved = io::read_response_document(q_, store.file(), env_);
  EXPECT_EQ(moved.response.answers[0], 4);
  EXPECT_EQ(moved.response.answers[1], 3);
  // What the first file holds since its last save: the first answer alone.
  const io::ResponseDocument first = io::read_response_document(q_, kToday, env_);
  EXPECT_EQ(first.response.answers[0], 4);
  EXPECT_EQ(first.response.answers[1], std::nullopt);
  EXPECT_EQ(store.earlier_copies(), std::vector<fs::path>{fs::path(kToday)});
}

}  // namespace
}  // namespace alliance::cli
