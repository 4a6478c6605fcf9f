// The operating-system seam (io/env.hpp). The file cases run against the real
// Env, in a temporary directory, and against MemoryEnv: the fake keeps the
// real one's contracts (the FileError step and errno of each failure), so
// tests that use it test what production does.
#include "alliance/io/env.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cerrno>
#include <functional>
#include <memory>

#include "../common/temp_dir.hpp"
#include "alliance/io/bundled.hpp"
#include "alliance/io/byte_source.hpp"
#include "alliance/io/catalog.hpp"
#include "alliance/io/memory_env.hpp"
#include "alliance/io/response_reader.hpp"
#include "alliance/io/response_writer.hpp"

namespace alliance::io {
namespace {

namespace fs = std::filesystem;

// One Env and a directory of its own in it, with ways to make what the
// interface cannot (a FIFO, a symbolic link).
struct Place {
  Env* env;
  fs::path dir;
  std::function<void(const fs::path&)> make_fifo;
  std::function<void(const fs::path&, const fs::path&)> make_symlink;
  std::function<void(const fs::path&)> make_directory;
};

class EnvContract : public ::testing::TestWithParam<bool> {  // true: MemoryEnv
 protected:
  void SetUp() override {
    if (GetParam()) {
      place_ = {&memory_, "/data", [this](const fs::path& p) { memory_.add_special(p, FileKind::fifo); },
                [this](const fs::path& p, const fs::path& to) { memory_.add_symlink(p, to); },
                [this](const fs::path& p) { memory_.add_directory(p); }};
      memory_.add_directory("/data");
    } else {
      const fs::path dir =
          fs::path(testing::own_temp_dir()) /
          ("env-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
      fs::remove_all(dir);
      fs::create_directories(dir);
      place_ = {&real_env(), dir, [](const fs::path& p) { ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0); },
                [](const fs::path& p, const fs::path& to) { fs::create_symlink(to, p); },
                [](const fs::path& p) { fs::create_directories(p); }};
    }
  }
  Env& env() { return *place_.env; }
  fs::path at(const std::string& name) const { return place_.dir / name; }

  // The FileError thrown by `action`, or a test failure.
  static FileError error_of(const std::function<void()>& action) {
    try {
      action();
    } catch (const FileError& e) {
      return e;
    }
    ADD_FAILURE() << "no FileError";
    return FileError("", FileError::Step::open, 0);
  }

  MemoryEnv memory_;
  Place place_;
};

TEST_P(EnvContract, WritesReadsAndNeverReplacesWhenToldNot) {
  env().write_file_atomic(at("r.json"), "one", Overwrite::refuse);
  EXPECT_EQ(env().read_file(at("r.json")), "one");
  EXPECT_EQ(env().file_kind(at("r.json")), FileKind::regular);
  const FileError exists = error_of([&] { env().write_file_atomic(at("r.json"), "two", Overwrite::refuse); });
  EXPECT_EQ(exists.step(), FileError::Step::create);
  EXPECT_EQ(exists.error_number(), EEXIST);
  EXPECT_EQ(exists.path(), at("r.json"));
  EXPECT_EQ(env().read_file(at("r.json")), "one");
  env().write_file_atomic(at("r.json"), "three", Overwrite::allow);
  EXPECT_EQ(env().read_file(at("r.json")), "three");
}

TEST_P(EnvContract, ReplacesOnlyARegularFile) {
  place_.make_directory(at("d"));
  const FileError directory = error_of([&] { env().write_file_atomic(at("d"), "x", Overwrite::allow); });
  EXPECT_EQ(directory.step(), FileError::Step::replace);
  EXPECT_EQ(directory.error_number(), EISDIR);
  place_.make_fifo(at("fifo"));
  const FileError fifo = error_of([&] { env().write_file_atomic(at("fifo"), "x", Overwrite::allow); });
  EXPECT_EQ(fifo.step(), FileError::Step::not_regular);
  EXPECT_EQ(env().file_kind(at("fifo")), FileKind::fifo);
  env().write_file_atomic(at("target"), "kept", Overwrite::refuse);
  place_.make_symlink(at("link"), at("target"));
  const FileError link = error_of([&] { env().write_file_atomic(at("link"), "x", Overwrite::allow); });
  EXPECT_EQ(link.step(), FileError::Step::not_regular);
  EXPECT_EQ(env().read_file(at("target")), "kept");
  EXPECT_EQ(env().file_kind(at("link")), FileKind::symlink);
  EXPECT_EQ(env().target_kind(at("link")), FileKind::regular);
  EXPECT_EQ(env().link_target(at("link")), at("target"));
  EXPECT_EQ(env().link_target(at("target")), std::nullopt);
  place_.make_symlink(at("dangling"), at("nowhere"));  // there, though what it points to is not
  EXPECT_EQ(env().target_kind(at("dangling")), FileKind::missing);
  const FileError dangling =
      error_of([&] { env().write_file_atomic(at("dangling"), "x", Overwrite::refuse); });
  EXPECT_EQ(dangling.step(), FileError::Step::create);
  EXPECT_EQ(dangling.error_number(), EEXIST);
  EXPECT_EQ(env().file_kind(at("nowhere")), FileKind::missing);
}

TEST_P(EnvContract, MissingThingsSayWhichStepFailed) {
  const FileError read = error_of([&] { env().read_file(at("none.json")); });
  EXPECT_EQ(read.step(), FileError::Step::open);
  EXPECT_EQ(read.error_number(), ENOENT);
  const FileError no_dir =
      error_of([&] { env().write_file_atomic(at("no/r.json"), "x", Overwrite::refuse); });
  EXPECT_EQ(no_dir.step(), FileError::Step::create);
  EXPECT_EQ(no_dir.error_number(), ENOENT);
  EXPECT_EQ(no_dir.path(), at("no/r.json"));
  EXPECT_EQ(env().file_kind(at("none.json")), FileKind::missing);
  EXPECT_EQ(env().target_kind(at("none.json")), FileKind::missing);
  EXPECT_TRUE(env().list_directory(at("no")).empty());
  EXPECT_THROW(env().read_file(place_.dir), Error);  // a directory is not read as a file
}

TEST_P(EnvContract, KeepsACopyUnderASecondNameButNeverOverAnother) {
  env().write_file_atomic(at("r.json"), "answers", Overwrite::refuse);
  env().keep_under_name(at("r.json"), at("r.json.replaced-1"));
  EXPECT_EQ(env().read_file(at("r.json.replaced-1")), "answers");
  env().write_file_atomic(at("r.json"), "new", Overwrite::allow);
  EXPECT_EQ(env().read_file(at("r.json.replaced-1")), "answers");  // a name of the old file, not of the path
  const FileError exists = error_of([&] { env().keep_under_name(at("r.json"), at("r.json.replaced-1")); });
  EXPECT_EQ(exists.error_number(), EEXIST);
  EXPECT_EQ(exists.path(), at("r.json.replaced-1"));
  EXPECT_EQ(env().read_file(at("r.json.replaced-1")), "answers");
}

TEST_P(EnvContract, ListsADirectorySortedSayingWhatIsARegularFile) {
  env().write_file_atomic(at("b.json"), "", Overwrite::refuse);
  env().write_file_atomic(at("a.json"), "", Overwrite::refuse);
  place_.make_directory(at("c.json"));
  place_.make_symlink(at("d.json"), at("a.json"));
  const std::vector<DirectoryEntry> entries = env().list_directory(place_.dir);
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].name, "a.json");
  EXPECT_TRUE(entries[0].regular);
  EXPECT_EQ(entries[1].name, "b.json");
  EXPECT_EQ(entries[2].name, "c.json");
  EXPECT_FALSE(entries[2].regular);
  EXPECT_EQ(entries[3].name, "d.json");
  EXPECT_TRUE(entries[3].regular);  // a link to a regular file
}

INSTANTIATE_TEST_SUITE_P(RealAndMemory, EnvContract, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& param_info) {
                           return param_info.param ? std::string("Memory") : std::string("Real");
                         });

TEST(MemoryEnv, RelativePathsAreTakenFromTheCurrentDirectory) {
  MemoryEnv env;
  env.set_current_directory("/home/clinic");
  env.write_file_atomic("r.json", "x", Overwrite::refuse);
  EXPECT_EQ(env.file("/home/clinic/r.json"), "x");
  EXPECT_EQ(env.read_file("./sub/../r.json"), "x");
  EXPECT_EQ(env.current_directory(), fs::path("/home/clinic"));
  EXPECT_EQ(env.target_kind("/home/clinic/"), FileKind::directory);
}

TEST(MemoryEnv, AFullDiskFailsEveryWriteThereAndChangesNothing) {
  MemoryEnv env;
  env.add_file("/work/r.json", "before");
  env.fail_writes_in("/work", ENOSPC);
  try {
    env.write_file_atomic("/work/r.json", "after", Overwrite::allow);
    FAIL() << "the write worked";
  } catch (const FileError& e) {
    EXPECT_EQ(e.step(), FileError::Step::create);
    EXPECT_EQ(e.error_number(), ENOSPC);
  }
  EXPECT_THROW(env.keep_under_name("/work/r.json", "/work/r.old"), FileError);
  EXPECT_EQ(env.files(), std::vector<fs::path>{"/work/r.json"});
  EXPECT_EQ(env.file("/work/r.json"), "before");
  env.write_file_atomic("/elsewhere.json", "saved", Overwrite::refuse);  // another directory still works
  env.fail_writes_in("/work", 0);
  env.write_file_atomic("/work/r.json", "after", Overwrite::allow);
  EXPECT_EQ(env.file("/work/r.json"), "after");
}

// Times worked out by hand: 2026-01-05 is day 20458 after 1970-01-01
// (56 years with 14 leap days: 56 * 365 + 14 = 20454, plus 4 days of 2026),
// and 20458 * 86400 + 14 * 3600 + 22 * 60 + 33 = 1767622953.
constexpr std::int64_t kJan5At142233 = 20458LL * 86400 + 14 * 3600 + 22 * 60 + 33;

TEST(EnvClock, TimeStampsFromTheClock) {
  EXPECT_EQ(kJan5At142233, 1767622953);
  EXPECT_EQ(utc_timestamp(0), "1970-01-01T00:00:00Z");
  MemoryEnv env;
  env.set_time(kJan5At142233);
  EXPECT_EQ(utc_now(env), "2026-01-05T14:22:33Z");
  EXPECT_EQ(file_stamp(env), "20260105T142233Z");
  EXPECT_EQ(local_date(env), "2026-01-05");
  env.advance(60);
  EXPECT_EQ(utc_now(env), "2026-01-05T14:23:33Z");
}

TEST(EnvClock, TheDateIsTheLocalOneAndTheStampsUtc) {
  MemoryEnv env;
  // 23:30 UTC is already the 6th in Paris (UTC+1), still the 5th in Montréal (UTC-5).
  const std::int64_t late = 20458LL * 86400 + 23 * 3600 + 30 * 60;
  env.set_time(late, 3600);
  EXPECT_EQ(local_date(env), "2026-01-06");
  EXPECT_EQ(utc_now(env), "2026-01-05T23:30:00Z");
  env.set_time(20459LL * 86400 + 2 * 3600, -5 * 3600);  // 02:00 UTC on the 6th
  EXPECT_EQ(local_date(env), "2026-01-05");
}

TEST(EnvVariables, TheLocaleLanguage) {
  MemoryEnv env;
  EXPECT_EQ(locale_language(env), "en");
  env.set_variable("LANG", "fr_FR.UTF-8");
  EXPECT_EQ(locale_language(env), "fr");
  env.set_variable("LC_MESSAGES", "");  // set but empty: not looked at
  EXPECT_EQ(locale_language(env), "fr");
  env.set_variable("LC_ALL", "C.UTF-8");  // before LANG
  EXPECT_EQ(locale_language(env), "en");
  env.unset_variable("LC_ALL");
  env.set_variable("LC_MESSAGES", "fr_CA");
  env.set_variable("LANG", "en_GB");
  EXPECT_EQ(locale_language(env), "fr");
  EXPECT_EQ(nonempty_variable(env, "LC_ALL"), std::nullopt);
}

// GNU's LANGUAGE, a colon list, comes first: its first entry that is French
// or English, unless the locale is C or POSIX (as gettext does).
TEST(EnvVariables, LanguageComesBeforeTheLocaleUnlessTheLocaleIsC) {
  MemoryEnv env;
  env.set_variable("LANGUAGE", "fr");
  EXPECT_EQ(locale_language(env), "en");  // no locale at all: C, LANGUAGE ignored
  env.set_variable("LANG", "en_US.UTF-8");
  EXPECT_EQ(locale_language(env), "fr");
  env.set_variable("LANGUAGE", "de_DE:fr_CA:en");  // the first known one
  EXPECT_EQ(locale_language(env), "fr");
  env.set_variable("LANGUAGE", "en_GB:fr");
  env.set_variable("LANG", "fr_FR.UTF-8");
  EXPECT_EQ(locale_language(env), "en");
  env.set_variable("LANGUAGE", "de:it");  // none known: the locale
  EXPECT_EQ(locale_language(env), "fr");
  env.set_variable("LANGUAGE", "");
  EXPECT_EQ(locale_language(env), "fr");
  env.set_variable("LANGUAGE", "fr");
  env.set_variable("LC_ALL", "C");
  EXPECT_EQ(locale_language(env), "en");
  env.set_variable("LC_ALL", "POSIX");
  EXPECT_EQ(locale_language(env), "en");
  env.set_variable("LC_ALL", "C.UTF-8");
  EXPECT_EQ(locale_language(env), "en");
  env.set_variable("LC_ALL", "en_US.UTF-8");
  EXPECT_EQ(locale_language(env), "fr");
}

TEST(EnvVariables, TheFlagWinsOverTheEnvironment) {
  MemoryEnv env;
  env.set_variable("LANG", "fr_FR.UTF-8");
  EXPECT_EQ(choose_language("en", env), "en");
  EXPECT_EQ(choose_language("", env), "fr");
  env.set_variable("LANG", "en_US.UTF-8");
  EXPECT_EQ(choose_language("fr", env), "fr");
  EXPECT_EQ(choose_language("", env), "en");
}

std::string bundled_text(std::string_view file_name) {
  for (const BundledDefinition& def : bundled_definitions())
    if (def.file_name == file_name) return std::string(def.text);
  ADD_FAILURE() << "no bundled " << file_name;
  return "";
}

TEST(EnvCatalog, AlliancePathIsSearchedAfterThePathFlags) {
  MemoryEnv env;
  // gtb-12 in a directory of ALLIANCE_PATH (an empty entry and a missing
  // directory are passed over); a file that is not JSON and a directory
  // named like one are not definitions.
  env.set_variable("ALLIANCE_PATH", "/missing::/shared/defs");
  env.add_file("/shared/defs/gtb-12.json", bundled_text("gtb-12.json"));
  env.add_file("/shared/defs/notes.txt", "not a definition");
  env.add_directory("/shared/defs/old.json");
  const std::vector<fs::path> path = Catalog::search_path({"/mine"}, env);
  EXPECT_EQ(path, (std::vector<fs::path>{"/mine", "/missing", "/shared/defs"}));
  const Catalog catalog(path, env);
  const LoadedQuestionnaire loaded = catalog.load("gtb-12");
  EXPECT_EQ(loaded.origin, "/shared/defs/gtb-12.json");  // before the bundled one
  ASSERT_FALSE(catalog.entries().empty());
  EXPECT_EQ(catalog.entries().front().origin, "/shared/defs/gtb-12.json");
  EXPECT_TRUE(catalog.entries().front().id == "gtb-12");
  EXPECT_EQ(catalog.entries()[1].bundled, true);  // nothing else was listed from the directory
  // A file named by path is read through the Env too.
  env.add_file("/work/copy.json", bundled_text("gtb-12.json"));
  EXPECT_EQ(catalog.load("copy.json").origin, "copy.json");
  EXPECT_THROW(catalog.load("/work/absent.json"), FileError);

  MemoryEnv unset;
  EXPECT_EQ(Catalog::search_path({}, unset), std::vector<fs::path>{});
}

TEST(EnvResponses, AResponseDocumentIsReadThroughTheEnv) {
  const core::Questionnaire q = Catalog({}).load("gtb-12").questionnaire;
  ResponseDocument doc;
  doc.response.respondent = "P017";
  doc.response.date = "2026-01-05";
  doc.response.answers.assign(q.items.size(), std::nullopt);
  doc.response.answers[0] = 4;
  doc.settled.assign(q.items.size(), false);
  doc.settled[0] = true;
  doc.started_at = "2026-01-05T14:22:33Z";
  MemoryEnv env;
  env.add_file("/work/P017.json", response_to_json(q, doc));
  const ResponseDocument read = read_response_document(q, "P017.json", env);
  EXPECT_EQ(read.status, ResponseStatus::in_progress);
  EXPECT_EQ(read.response.respondent, "P017");
  EXPECT_EQ(read.response.answers[0], 4);
  EXPECT_EQ(read.started_at, "2026-01-05T14:22:33Z");
  EXPECT_TRUE(read.settled[0]);
  EXPECT_FALSE(read.settled[1]);
  env.add_file("/work/bad.json", "{\"respondent\": \"P017\", \"answers\": {\"1\": 9}}");
  try {
    read_response_document(q, "bad.json", env);
    FAIL() << "an answer out of the scale was read";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.json"), std::string::npos) << e.what();
  }
}

// A reader given bytes already in memory: the format told from the name, a
// byte-order mark skipped, problems located with the name given.
TEST(EnvResponses, AReaderReadsBytesInMemoryAsAFile) {
  const core::Questionnaire q = Catalog({}).load("gtb-12").questionnaire;
  std::string csv = "\xEF\xBB\xBFrespondent,1,2,3,4,5,6,7,8,9,10,11,12\n";
  csv += "P1,4,4,4,4,4,4,4,4,4,4,4,4\n";
  csv += "P2,4,4,4,4,4,4,4,4,4,4,4,9\n";
  std::unique_ptr<ResponseReader> reader =
      open_response_reader(std::make_unique<ByteSource>(ByteSource::InMemory{}, "mem.csv", csv), q, {});
  ResponseRecord record;
  ASSERT_TRUE(reader->next(record));
  EXPECT_TRUE(record.valid());
  EXPECT_EQ(record.response.respondent, "P1");  // not "\xEF\xBB\xBFrespondent"'s first column mangled
  EXPECT_EQ(record.response.answers[11], 4);
  ASSERT_TRUE(reader->next(record));
  ASSERT_EQ(record.problems.size(), 1u);
  EXPECT_TRUE(record.problems[0].starts_with("mem.csv:3: ")) << record.problems[0];
  EXPECT_FALSE(reader->next(record));
}

}  // namespace
}  // namespace alliance::io
