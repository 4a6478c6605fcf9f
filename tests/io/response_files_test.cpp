// Response file names (io/response_files.hpp) and the no-replace atomic write
// they rely on (io/files.hpp). Expected names are written out by hand.
#include "alliance/io/response_files.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "../common/temp_dir.hpp"
#include "alliance/io/files.hpp"

namespace alliance::io {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir() {
  std::string dir = alliance::testing::own_temp_dir() + "/alliance-names-XXXXXX";
  if (!::mkdtemp(dir.data())) throw std::runtime_error("mkdtemp failed");
  return dir;
}

void touch(const fs::path& file, const std::string& content = "{}") {
  std::ofstream(file) << content;
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// An independent decoder of the file-name encoding: %XX is the byte XX,
// everything else is itself. decode(id_in_file_name(id)) == id shows the
// encoding is one-to-one.
std::string decode(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '%' && i + 2 < name.size()) {
      out += static_cast<char>(std::stoi(name.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += name[i];
    }
  }
  return out;
}

TEST(RespondentId, IsNormalisedToNfc) {
  const RespondentId composed = check_respondent_id("Zo\xC3\xA9");    // é, U+00E9
  const RespondentId combining = check_respondent_id("Zoe\xCC\x81");  // e + U+0301
  EXPECT_EQ(composed.problem, IdProblem::none);
  EXPECT_EQ(combining.problem, IdProblem::none);
  EXPECT_EQ(combining.id, "Zo\xC3\xA9");
  EXPECT_EQ(combining.length, 3u);
  EXPECT_EQ(check_respondent_id("P017").id, "P017");
}

TEST(RespondentId, RefusesWhatCannotBeAnId) {
  const std::vector<std::pair<std::string, IdProblem>> cases{
      {"", IdProblem::blank},
      {"  ", IdProblem::blank},
      {"\xC2\xA0", IdProblem::blank},  // a no-break space alone
      {" P01", IdProblem::edge_space},
      {"P01 ", IdProblem::edge_space},
      {"P\t01", IdProblem::control_character},
      {"P01\n", IdProblem::control_character},
      {"P\xE2\x80\x8B"
       "01",
       IdProblem::control_character},  // zero-width space U+200B
      {"\xE2\x80\xAE"
       "10P",
       IdProblem::control_character},  // right-to-left override U+202E
      {"P\xFF"
       "01",
       IdProblem::invalid_utf8},
      {"\xED\xA0\x80", IdProblem::invalid_utf8},  // a UTF-16 surrogate, not UTF-8
      {std::string(65, 'a'), IdProblem::too_long},
      {std::string(64, 'a'), IdProblem::none},
      {"P 01", IdProblem::none},
      {"-x", IdProblem::none},
  };
  for (const auto& [text, problem] : cases) EXPECT_EQ(check_respondent_id(text).problem, problem) << text;
  // 64 characters of two bytes each: characters are counted, not bytes.
  std::string accented;
  for (int i = 0; i < 64; ++i) accented += "\xC3\xA9";
  EXPECT_EQ(check_respondent_id(accented).problem, IdProblem::none);
  EXPECT_EQ(check_respondent_id(accented + "e").problem, IdProblem::too_long);
}

TEST(FileNames, KeepLettersOfEveryScriptAndEscapeTheRest) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"P017", "P017"},
      {"Zo\xC3\xA9", "Zo\xC3\xA9"},  // Zoé
      {"Zo\xC3\xAB", "Zo\xC3\xAB"},  // Zoë
      {"a/b", "a%2Fb"},
      {"a_b", "a_b"},
      {"a%2Fb", "a%252Fb"},
      {"P 01", "P%2001"},
      {"-x", "%2Dx"},
      {".x", "%2Ex"},
      {"x-.y", "x-.y"},
      {"O'Brien", "O%27Brien"},
      {"\xE6\x9D\x8E\xE9\x9B\xB7", "\xE6\x9D\x8E\xE9\x9B\xB7"},  // 李雷: letters
      {"\xF0\x9F\x98\x80", "%F0%9F%98%80"},                      // 😀: a symbol
      {"\xD9\xA3", "\xD9\xA3"},                                  // ٣, an Arabic-Indic digit
  };
  for (const auto& [id, name] : cases) {
    EXPECT_EQ(id_in_file_name(id), name) << id;
    EXPECT_EQ(decode(id_in_file_name(id)), id) << id;
  }
  EXPECT_NE(id_in_file_name("Zo\xC3\xA9"), id_in_file_name("Zo\xC3\xAB"));
  EXPECT_NE(id_in_file_name("a/b"), id_in_file_name("a_b"));
  // Earlier versions' names, kept for finding old files, were not one-to-one.
  EXPECT_EQ(legacy_id_in_file_name("a/b"), legacy_id_in_file_name("a_b"));
  EXPECT_EQ(legacy_id_in_file_name(".x"), "_x");
}

TEST(FileNames, AreOneToOneOnRandomIds) {
  // Ids drawn from an alphabet of the characters that collided before
  // (/, _, é, ë, space, %, ., -) and some that are escaped.
  const std::vector<std::string> alphabet{"a", "/", "_", "\xC3\xA9", "\xC3\xAB", " ",           "%",
                                          ".", "-", "2", "F",        "'",        "\xE2\x82\xAC" /* € */};
  std::mt19937 random(13);
  std::set<std::string> names;
  std::set<std::string> ids;
  for (int n = 0; n < 20000; ++n) {
    std::string id;
    const int length = 1 + static_cast<int>(random() % 6);
    for (int i = 0; i < length; ++i) id += alphabet[random() % alphabet.size()];
    if (!ids.insert(id).second) continue;
    const std::string name = id_in_file_name(id);
    ASSERT_EQ(decode(name), id);
    ASSERT_TRUE(names.insert(name).second) << id;
    ASSERT_NE(name.front(), '-');
    ASSERT_NE(name.front(), '.');
    ASSERT_EQ(name.find('/'), std::string::npos);
  }
}

TEST(FileNames, DefaultNamesAndTheirSequence) {
  DefaultName name{"P017", "gtb-12", 3, "2026-01-05", 1};
  EXPECT_EQ(default_file_name(name), "P017-gtb-12-s3-2026-01-05.json");
  name.sequence = 2;
  EXPECT_EQ(default_file_name(name), "P017-gtb-12-s3-2026-01-05-2.json");
  EXPECT_EQ(default_file_name({"a/b", "gtb-12", std::nullopt, "2026-01-05", 1}),
            "a%2Fb-gtb-12-2026-01-05.json");
}

TEST(FileNames, FindsTheFilesOfOneRespondentAndQuestionnaire) {
  const fs::path dir = temp_dir();
  for (const char* file :
       {"P01-gtb-12-2026-01-05.json", "P01-gtb-12-s1-2026-01-05.json", "P01-gtb-12-s1-2026-01-05-2.json",
        "P01-gtb-12-s1-2026-01-06-3.json", "P01-gtb-12-2026-01-05.json.replaced-20260105T101010Z",
        "P011-gtb-12-2026-01-05.json", "P01-gtb-12-t-2026-01-05.json", "P01-gtb-12-notes.json",
        "P01-gtb-12-2026-01-05-1.json", "P01-gtb-12-s-2026-01-05.json", "P01-gtb-12-2026-1-05.json"})
    touch(dir / file);
  const std::vector<NamedFile> found = default_named_files(dir, "P01", "gtb-12");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].path, dir / "P01-gtb-12-2026-01-05.json");
  EXPECT_EQ(found[0].session, std::nullopt);
  EXPECT_EQ(found[1].path, dir / "P01-gtb-12-s1-2026-01-05-2.json");
  EXPECT_EQ(found[1].session, 1);
  EXPECT_EQ(found[1].sequence, 2);
  EXPECT_EQ(found[2].path, dir / "P01-gtb-12-s1-2026-01-05.json");
  EXPECT_EQ(found[3].date, "2026-01-06");
  EXPECT_EQ(next_sequence(found, 1, "2026-01-05"), 3);
  EXPECT_EQ(next_sequence(found, 1, "2026-01-06"), 4);
  EXPECT_EQ(next_sequence(found, std::nullopt, "2026-01-05"), 2);
  EXPECT_EQ(next_sequence(found, 2, "2026-01-05"), 1);

  // A file named as earlier versions named it is found, and marked legacy.
  touch(dir / "P_03-gtb-12-s4-2026-01-05.json");
  const std::vector<NamedFile> legacy = default_named_files(dir, "P/03", "gtb-12");
  ASSERT_EQ(legacy.size(), 1u);
  EXPECT_TRUE(legacy[0].legacy);
  EXPECT_EQ(next_sequence(legacy, 4, "2026-01-05"), 1);  // its name is not the one P/03 gets now
  EXPECT_TRUE(default_named_files(dir / "missing", "P01", "gtb-12").empty());
  EXPECT_EQ(replaced_name(dir / "r.json", "20260105T101010Z"), dir / "r.json.replaced-20260105T101010Z");
  fs::remove_all(dir);
}

TEST(Files, RefusingToOverwriteLeavesTheFileAsItWas) {
  const fs::path dir = temp_dir();
  const fs::path file = dir / "r.json";
  write_file_atomic(file, "first\n", Overwrite::refuse);
  try {
    write_file_atomic(file, "second\n", Overwrite::refuse);
    FAIL() << "overwrote";
  } catch (const FileError& e) {
    EXPECT_EQ(e.error_number(), EEXIST);
    EXPECT_EQ(e.path(), file);
  }
  EXPECT_EQ(slurp(file), "first\n");
  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);

  // A second name for the file: the same content, and never over another file.
  keep_under_name(file, dir / "kept");
  EXPECT_EQ(slurp(dir / "kept"), "first\n");
  EXPECT_THROW(keep_under_name(file, dir / "kept"), FileError);
  write_file_atomic(file, "second\n", Overwrite::allow);
  EXPECT_EQ(slurp(dir / "kept"), "first\n");  // replacing the file leaves the kept name as it was

  // A failed write names the file the user knows, not the temporary one, and leaves no temporary file.
  try {
    write_file_atomic(dir / "gone" / "r.json", "x", Overwrite::allow);
    FAIL() << "wrote into a missing directory";
  } catch (const FileError& e) {
    EXPECT_EQ(e.path(), dir / "gone" / "r.json");
    EXPECT_EQ(e.error_number(), ENOENT);
    EXPECT_EQ(e.step(), FileError::Step::create);
  }
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++count;
  EXPECT_EQ(count, 2u);
  fs::remove_all(dir);
}

// Bug: the atomic rename replaced whatever was at the path — as root, `-o
// /dev/full` left a regular file in the device's place. Only a regular file is
// replaced; a FIFO, a socket, a symbolic link (even to a regular file: the
// rename would put a file in the link's place and leave the target as it was)
// are left as they are, and nothing else is created. Devices take the same
// path (lstat: not a regular file); no test touches a real one.
TEST(Files, OnlyARegularFileIsReplaced) {
  const fs::path dir = temp_dir();
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string sock_path = (dir / "sock").string();
  ASSERT_LT(sock_path.size(), sizeof address.sun_path);
  sock_path.copy(address.sun_path, sock_path.size());
  ASSERT_EQ(::bind(sock, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  touch(dir / "target.json", "target\n");
  fs::create_symlink("target.json", dir / "link");
  fs::create_symlink("fifo", dir / "link-to-fifo");
  fs::create_symlink("nowhere.json", dir / "dangling");
  EXPECT_EQ(file_kind(dir / "fifo"), FileKind::fifo);
  EXPECT_EQ(file_kind(dir / "sock"), FileKind::socket);
  EXPECT_EQ(file_kind(dir / "link"), FileKind::symlink);
  EXPECT_EQ(file_kind(dir / "dangling"), FileKind::symlink);
  EXPECT_EQ(file_kind(dir / "target.json"), FileKind::regular);
  EXPECT_EQ(file_kind(dir), FileKind::directory);
  EXPECT_EQ(file_kind(dir / "missing"), FileKind::missing);
  for (const char* name : {"fifo", "sock", "link", "link-to-fifo", "dangling"}) {
    SCOPED_TRACE(name);
    for (const Overwrite overwrite : {Overwrite::allow, Overwrite::refuse}) {
      try {
        write_file_atomic(dir / name, "answers\n", overwrite);
        ADD_FAILURE() << "wrote over " << name;
      } catch (const FileError& e) {
        EXPECT_EQ(e.path(), dir / name);
        if (overwrite == Overwrite::allow) {
          EXPECT_EQ(e.step(), FileError::Step::not_regular);
          EXPECT_EQ(std::string(e.what()), (dir / name).string() + ": not a regular file, never replaced");
        }
      }
    }
  }
  try {
    write_file_atomic(dir, "answers\n", Overwrite::allow);
    ADD_FAILURE() << "wrote over a directory";
  } catch (const FileError& e) {
    EXPECT_EQ(e.error_number(), EISDIR);
  }
  ::close(sock);
  EXPECT_EQ(file_kind(dir / "fifo"), FileKind::fifo);
  EXPECT_EQ(file_kind(dir / "sock"), FileKind::socket);
  EXPECT_EQ(file_kind(dir / "link"), FileKind::symlink);
  EXPECT_EQ(fs::read_symlink(dir / "link"), "target.json");
  EXPECT_EQ(slurp(dir / "target.json"), "target\n");
  EXPECT_FALSE(fs::exists(dir / "nowhere.json"));
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  EXPECT_EQ(names,
            (std::set<std::string>{"dangling", "fifo", "link", "link-to-fifo", "sock", "target.json"}));
  // A regular file is still replaced.
  write_file_atomic(dir / "target.json", "new\n", Overwrite::allow);
  EXPECT_EQ(slurp(dir / "target.json"), "new\n");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace alliance::io
