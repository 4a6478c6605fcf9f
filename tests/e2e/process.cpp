#include "process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace alliance::testing {

namespace {

void drain(int fds[2], std::string* targets[2], const std::string& input, int in_fd) {
  std::size_t written = 0;
  if (input.empty()) {
    ::close(in_fd);
    in_fd = -1;
  }
  int open_count = 2;
  while (open_count > 0 || in_fd >= 0) {
    pollfd polls[3];
    int n = 0;
    for (int i = 0; i < 2; ++i)
      if (fds[i] >= 0) polls[n++] = {fds[i], POLLIN, 0};
    if (in_fd >= 0) polls[n++] = {in_fd, POLLOUT, 0};
    if (::poll(polls, static_cast<nfds_t>(n), -1) < 0) throw std::runtime_error("poll failed");
    for (int p = 0; p < n; ++p) {
      if (!polls[p].revents) continue;
      if (polls[p].fd == in_fd) {
        const ssize_t w = ::write(in_fd, input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        if (w < 0 || written == input.size()) {
          ::close(in_fd);
          in_fd = -1;
        }
        continue;
      }
      for (int i = 0; i < 2; ++i) {
        if (polls[p].fd != fds[i]) continue;
        char buffer[65536];
        const ssize_t r = ::read(fds[i], buffer, sizeof buffer);
        if (r > 0) {
          targets[i]->append(buffer, static_cast<std::size_t>(r));
        } else {
          ::close(fds[i]);
          fds[i] = -1;
          --open_count;
        }
      }
    }
  }
}

}  // namespace

// ALLIANCE_TEST_BIN runs the tests against another build (an older one, to
// see a test fail where a bug is not fixed yet).
Run run_alliance(const std::vector<std::string>& args, const RunOptions& options) {
  const char* other = std::getenv("ALLIANCE_TEST_BIN");
  return run_program(other && *other ? other : ALLIANCE_BIN, args, options);
}

Run run_program(const std::string& program, const std::vector<std::string>& args, const RunOptions& options) {
  std::signal(SIGPIPE, SIG_IGN);  // a child that exits before reading stdin must not kill the test
  int in[2], out[2], err[2];
  if (::pipe(in) || ::pipe(out) || ::pipe(err)) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(126);
    // Hermetic: questionnaires installed on this machine (/usr/share/alliance, ~/.local/share/alliance)
    // are not the tests' business; a test that wants them sets these itself.
    ::setenv("XDG_DATA_HOME", "/nonexistent/alliance-tests/data-home", 1);
    ::setenv("XDG_DATA_DIRS", "/nonexistent/alliance-tests/data-dirs", 1);
    for (const auto& [name, value] : options.env) ::setenv(name.c_str(), value.c_str(), 1);
    std::vector<char*> argv;
    std::string bin = program;
    argv.push_back(bin.data());
    std::vector<std::string> copies = args;
    for (std::string& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  Run run;
  int fds[2] = {out[0], err[0]};
  std::string* targets[2] = {&run.out, &run.err};
  drain(fds, targets, options.input, in[1]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

std::string source_path(const std::string& relative) {
  return std::string(ALLIANCE_SOURCE_DIR) + "/" + relative;
}

namespace {

// The directories make_temp_dir made, removed when the test program ends
// (each test runs in its own process under ctest) unless
// ALLIANCE_KEEP_TEST_DIRS is set, to look at what a failing test left.
class TempDirs {
 public:
  void add(const std::string& dir) {
    const std::lock_guard<std::mutex> lock(mutex_);
    dirs_.push_back(dir);
  }
  ~TempDirs() {
    const char* keep = std::getenv("ALLIANCE_KEEP_TEST_DIRS");
    if (keep && *keep) return;
    for (const std::string& dir : dirs_) {
      std::error_code error;
      // A test may have taken the write permission away (a save that fails).
      for (auto it = std::filesystem::recursive_directory_iterator(dir, error);
           !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error))
        if (it->is_directory(error)) ::chmod(it->path().c_str(), 0700);
      ::chmod(dir.c_str(), 0700);
      std::filesystem::remove_all(dir, error);
    }
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> dirs_;
};

TempDirs& temp_dirs() {
  static TempDirs dirs;
  return dirs;
}

}  // namespace

std::string make_temp_dir() {
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base && *base ? base : "/tmp") + "/alliance-test-XXXXXX";
  if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  temp_dirs().add(templ);
  return templ;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string bundled_hash(const std::string& id) {
  const Run run = run_alliance({"list", "--format", "tsv"});
  std::vector<std::string> header;
  for (const std::string& line : lines(run.out)) {
    std::vector<std::string> cells(1);
    for (char c : line) {
      if (c == '\t')
        cells.emplace_back();
      else
        cells.back() += c;
    }
    if (header.empty()) {
      header = cells;
      continue;
    }
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i)
      if (header[i] == "hash" && cells[0] == id && cells[1].rfind("bundled:", 0) == 0) return cells[i];
  }
  return "no hash for " + id;
}

}  // namespace alliance::testing
