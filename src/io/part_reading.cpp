#include "alliance/io/part_reading.hpp"

#include <atomic>
#include <exception>
#include <optional>
#include <thread>

namespace alliance::io {

namespace {

void read_all(ResponseReader& reader, PartTally& tally, const ProblemsHandler& report,
              std::string_view language) {
  ResponseRecord record;
  while (reader.next(record)) {
    if (!record.valid()) report(problem_texts(record, language));
    tally.add(record);
  }
}

// `problem` with the line it begins with, "<name>:<line within the part>",
// counted in the file instead (the line of the record, or of a byte in it
// for a record on several lines: "<name>:<line>:<column>: ..."); so is the
// last line of a range, "<name>:<line>-<last line>: ..." (a stray quote).
std::string relocate(const std::string& problem, const std::string& name, long first_line) {
  if (!problem.starts_with(name) || problem.size() <= name.size() || problem[name.size()] != ':')
    return problem;
  std::size_t at = name.size() + 1;
  // The number at `at`, moved to the file's count; "" when there is none.
  const auto relocated_number = [&]() -> std::string {
    const std::size_t start = at;
    while (at < problem.size() && problem[at] >= '0' && problem[at] <= '9') ++at;
    if (at == start) return "";
    return std::to_string(first_line + std::stol(problem.substr(start, at - start)) - 1);
  };
  std::string out = name + ":" + relocated_number();
  if (out.size() == name.size() + 1 || at == problem.size()) return problem;
  if (problem[at] == '-') {
    ++at;
    const std::string last = relocated_number();
    if (last.empty() || at == problem.size()) return problem;
    out += "-" + last;
  }
  if (problem[at] != ':' && !std::string_view(problem).substr(at).starts_with("\u00a0:")) return problem;
  return out + problem.substr(at);
}

// The second part, read on its own thread before the first part's end (and
// so the line its records start on) is known: its problems are held back,
// located by line within the part, and relocated when the first part is done.
class SecondPart {
 public:
  SecondPart(const PartTally& model, std::size_t max_problems, std::string language)
      : model_(model), max_problems_(max_problems), language_(std::move(language)) {}

  // On the second thread. ok_ stays false when it gives up (or fails).
  void read(const std::string& path, const core::Questionnaire& q, const ReaderOptions& options,
            std::uint64_t middle, const std::atomic<bool>& cancelled) {
    try {
      // Made here, not by the caller: storage made on the first thread, next
      // to the first tally's, took each thread half as long again (cache lines
      // written from both cores).
      tally_ = model_.empty_copy();
      std::unique_ptr<ResponseReader> reader = open_response_reader(path, q, options);
      reader->resume_after(middle);
      start_ = reader->position();
      if (!start_) return;
      ResponseRecord record;
      std::size_t held = 0;
      while (reader->next(record)) {
        if (cancelled.load(std::memory_order_relaxed)) return;
        if (!record.valid()) {
          held += record.problems.size();
          if (held > max_problems_) return;
          problems_.push_back(problem_texts(record, language_));
        }
        tally_->add(record);
      }
      ok_ = true;
    } catch (...) {
      // The first part's reader meets the same error, in order, when it reads this part again.
    }
  }

  // True when this part starts where the first part ended.
  bool follows(const std::optional<ReadPosition>& end_of_first) const {
    return ok_ && end_of_first && start_ && start_->offset == end_of_first->offset;
  }

  // Reports the held-back problems, their lines counted from `first_line`.
  void report(long first_line, const std::string& name, const ProblemsHandler& report) const {
    std::vector<std::string> relocated;
    for (const std::vector<std::string>& problems : problems_) {
      relocated.clear();
      for (const std::string& problem : problems) relocated.push_back(relocate(problem, name, first_line));
      report(relocated);
    }
  }

  const PartTally& tally() const { return *tally_; }

 private:
  const PartTally& model_;
  std::unique_ptr<PartTally> tally_;
  std::size_t max_problems_;
  std::string language_;
  std::optional<ReadPosition> start_;
  std::vector<std::vector<std::string>> problems_;  // of each invalid record, located within the part
  bool ok_ = false;
};

}  // namespace

void read_in_parts(const std::string& path, const core::Questionnaire& questionnaire,
                   const ReaderOptions& options, PartTally& tally, const PartOptions& parts,
                   const ProblemsHandler& warn, const ProblemsHandler& report) {
  std::unique_ptr<ResponseReader> reader = open_response_reader(path, questionnaire, options);
  warn(reader->warnings());
  const std::optional<std::uint64_t> size = reader->splittable_size();
  if (!size || *size < parts.min_split_bytes) {
    read_all(*reader, tally, report, parts.language);
    return;
  }
  const std::uint64_t middle = *size / 2;
  // The header (with the rows --skip-rows skips) reaching the middle leaves no first part.
  if (const std::optional<ReadPosition> start = reader->position(); !start || start->offset >= middle) {
    read_all(*reader, tally, report, parts.language);
    return;
  }
  std::optional<SecondPart> ahead;
  std::atomic<bool> cancelled = false;
  std::jthread thread;
  if (parts.second_thread) {
    ahead.emplace(tally, parts.max_held_problems, parts.language);
    thread = std::jthread([&] { ahead->read(path, questionnaire, options, middle, cancelled); });
  }
  // Declared after the thread, so destroyed first: an exception here stops
  // the second part before its storage goes.
  struct Cancel {
    std::atomic<bool>& flag;
    ~Cancel() { flag = true; }
  } cancel_on_exit{cancelled};

  reader->stop_at(middle);
  read_all(*reader, tally, report, parts.language);
  const std::optional<ReadPosition> end_of_first = reader->position();
  reader->stop_at(UINT64_MAX);
  if (ahead) {
    thread.join();
    if (ahead->follows(end_of_first)) {
      ahead->report(end_of_first->line, path, report);  // never "-": standard input is not split
      tally.append(ahead->tally());
      return;
    }
  }
  if (!end_of_first) {  // no clean place to split: the rest goes into the same tally
    read_all(*reader, tally, report, parts.language);
    return;
  }
  std::unique_ptr<PartTally> second = tally.empty_copy();
  read_all(*reader, *second, report, parts.language);
  tally.append(*second);
}

}  // namespace alliance::io
