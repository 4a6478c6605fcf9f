#include "../cli/input_options.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "alliance/core/error.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/env.hpp"

namespace alliance::cli {

io::ReaderOptions reader_options(const InputOptions& options) {
  io::ReaderOptions out;
  out.format = io::parse_input_format(options.input_format);
  out.mapping.pattern = options.columns;
  out.mapping.respondent_column = options.id_column;
  out.mapping.session_column = options.session_column;
  out.mapping.skip_rows = options.skip_rows;
  out.encoding = io::parse_text_encoding(options.encoding);
  std::map<std::string, std::string> column_of_item;
  for (const std::string& map : options.maps) {
    const auto eq = map.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == map.size())
      throw Error(ExitCode::usage, "--map '" + map + "': expected COLUMN=ITEM, as in --map Q7_1=7");
    const std::string column = map.substr(0, eq);
    const std::string item = map.substr(eq + 1);
    // Each column once and each item once: a second mapping would silently
    // replace the first, or leave two columns answering one item.
    if (auto [it, added] = out.mapping.columns.emplace(column, item); !added)
      throw Error(ExitCode::usage, "--map " + map + ": column " + column + " is already mapped (--map " +
                                       column + "=" + it->second + "); map each column once");
    if (auto [it, added] = column_of_item.emplace(item, column); !added)
      throw Error(ExitCode::usage, "--map " + map + ": item " + item + " is already mapped (--map " +
                                       it->second + "=" + item + "); one column holds one item");
  }
  return out;
}

namespace {

// Messages to stderr, one per line: a file's warnings ("warning: "), a record's problems ("").
// A line break quoted from the input is shown as \n, so one message stays one line.
void print_lines(const std::vector<std::string>& lines, const char* prefix) {
  for (const std::string& line : lines) std::cerr << prefix << core::terminal_safe(line) << '\n';
}

// The files named, or standard input when none is.
std::vector<std::string> input_files(const InputOptions& options) {
  return options.files.empty() ? std::vector<std::string>{"-"} : options.files;
}

bool regular_file(const std::string& path) {
  struct stat status {};
  return path != "-" && ::stat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode);
}

// Every file's records in order, on the calling thread: the one-thread path.
bool read_serially(const core::Questionnaire& questionnaire, const io::ReaderOptions& read,
                   const std::vector<std::string>& files,
                   const std::function<bool(const io::ResponseRecord&)>& visit) {
  io::ResponseRecord record;
  for (const std::string& file : files) {
    std::unique_ptr<io::ResponseReader> reader = io::open_response_reader(file, questionnaire, read);
    print_lines(reader->warnings(), "warning: ");
    while (reader->next(record))
      if (!visit(record)) return false;
  }
  return true;
}

void score_record(const core::Questionnaire& q, const core::Scorer& scorer, const io::ResponseRecord& record,
                  core::ScoreSheet& sheet) {
  if (record.valid())
    scorer.score_into(record.response.answers, sheet);
  else
    sheet = core::invalid_sheet(q);
}

// Records read ahead by the reading thread, handed over in input order.
struct Batch {
  std::vector<io::ResponseRecord> records;  // storage reused from batch to batch
  std::vector<core::ScoreSheet> sheets;     // parallel to records, when scoring
  std::size_t size = 0;                     // records[0, size) are filled
  std::vector<std::string> warnings;        // printed before the records (a file was opened)
  std::exception_ptr error;                 // thrown after the records, where the serial path would
  bool last = false;
};

// Two threads: one reads and parses (the reader), the caller's thread visits
// (scores and writes). A fixed set of batches circulates between them, so
// memory stays bounded and no record is allocated twice.
class Pipeline {
 public:
  static constexpr std::size_t kBatchRecords = 512;
  static constexpr std::size_t kBatches = 4;

  Pipeline(const core::Questionnaire& q, const io::ReaderOptions& read, std::vector<std::string> files,
           bool score)
      : q_(q), scorer_(q), read_(read), files_(std::move(files)), score_(score) {
    for (std::size_t i = 0; i < kBatches; ++i) free_.push_back(std::make_unique<Batch>());
    thread_ = std::thread([this] { produce(); });
  }
  ~Pipeline() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  bool run(const std::function<bool(const io::ResponseRecord&, const core::ScoreSheet&)>& visit) {
    while (true) {
      std::unique_ptr<Batch> batch = take(full_);
      print_lines(batch->warnings, "warning: ");
      for (std::size_t i = 0; i < batch->size; ++i)
        if (!visit(batch->records[i], score_ ? batch->sheets[i] : no_sheet_)) return false;
      if (batch->error) std::rethrow_exception(batch->error);
      if (batch->last) return true;
      batch->size = 0;
      batch->warnings.clear();
      give(free_, std::move(batch));
    }
  }

 private:
  // Waits for a batch in `queue`; null when stopping.
  std::unique_ptr<Batch> take(std::deque<std::unique_ptr<Batch>>& queue) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stop_ || !queue.empty(); });
    if (queue.empty()) return nullptr;
    std::unique_ptr<Batch> batch = std::move(queue.front());
    queue.pop_front();
    return batch;
  }
  void give(std::deque<std::unique_ptr<Batch>>& queue, std::unique_ptr<Batch> batch) {
    {
      std::lock_guard lock(mutex_);
      queue.push_back(std::move(batch));
    }
    changed_.notify_all();
  }

  void produce() {
    std::unique_ptr<Batch> batch = take(free_);
    if (!batch) return;
    try {
      for (const std::string& file : files_) {
        std::unique_ptr<io::ResponseReader> reader = io::open_response_reader(file, q_, read_);
        if (batch->size > 0) {  // this file's warnings come after the last file's records
          give(full_, std::move(batch));
          if (!(batch = take(free_))) return;
        }
        batch->warnings = reader->warnings();
        while (true) {
          if (batch->size == kBatchRecords) {
            give(full_, std::move(batch));
            if (!(batch = take(free_))) return;
          }
          if (batch->records.size() == batch->size) {
            batch->records.emplace_back();
            if (score_) batch->sheets.emplace_back();
          }
          io::ResponseRecord& record = batch->records[batch->size];
          if (!reader->next(record)) break;
          if (score_) score_record(q_, scorer_, record, batch->sheets[batch->size]);
          ++batch->size;
        }
      }
    } catch (...) {
      batch->error = std::current_exception();
    }
    batch->last = true;
    give(full_, std::move(batch));
  }

  const core::Questionnaire& q_;
  const core::Scorer scorer_;
  const io::ReaderOptions& read_;
  std::vector<std::string> files_;
  bool score_;
  core::ScoreSheet no_sheet_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> free_;
  std::deque<std::unique_ptr<Batch>> full_;
  bool stop_ = false;
  std::thread thread_;
};

// --threads, else ALLIANCE_THREADS, else the command's default. Two threads
// hand every record from one core to the other: for `score` that paid on one
// machine and took twice the time on another (bench/README.md), so it is
// asked for, never assumed from the number of cores. `stats` reads files in
// two parts instead (tally_responses); from a pipe, its larger work per
// record gained from the reading thread on both machines.
bool use_two_threads(const InputOptions& options) {
  if (options.threads > 0) return options.threads == 2;
  if (const std::optional<std::string> variable = io::real_env().variable("ALLIANCE_THREADS");
      variable && !variable->empty()) {
    if (*variable == "1") return false;
    if (*variable == "2") return true;
    throw Error(ExitCode::usage,
                "ALLIANCE_THREADS='" + *variable + "': expected 1 or 2 (or unset it for the default)");
  }
  return options.two_threads_by_default && std::thread::hardware_concurrency() > 1;
}

}  // namespace

bool for_each_response(const core::Questionnaire& questionnaire, const InputOptions& options,
                       const std::function<bool(const io::ResponseRecord&)>& visit) {
  const io::ReaderOptions read = reader_options(options);
  const std::vector<std::string> files = input_files(options);
  if (!use_two_threads(options)) return read_serially(questionnaire, read, files, visit);
  Pipeline pipeline(questionnaire, read, files, false);
  return pipeline.run(
      [&visit](const io::ResponseRecord& record, const core::ScoreSheet&) { return visit(record); });
}

bool for_each_scored_response(
    const core::Questionnaire& questionnaire, const InputOptions& options,
    const std::function<bool(const io::ResponseRecord&, const core::ScoreSheet&)>& visit) {
  const io::ReaderOptions read = reader_options(options);
  const std::vector<std::string> files = input_files(options);
  if (!use_two_threads(options)) {
    const core::Scorer scorer(questionnaire);
    core::ScoreSheet sheet;
    return read_serially(questionnaire, read, files, [&](const io::ResponseRecord& record) {
      score_record(questionnaire, scorer, record, sheet);
      return visit(record, sheet);
    });
  }
  Pipeline pipeline(questionnaire, read, files, true);
  return pipeline.run(visit);
}

void tally_responses(const core::Questionnaire& questionnaire, const InputOptions& options,
                     io::PartTally& tally) {
  const std::vector<std::string> files = input_files(options);
  // Whether files are split may not depend on the threads (the sums would
  // differ in the last digits): a pipe among the inputs means none is.
  if (!std::all_of(files.begin(), files.end(), regular_file)) {
    for_each_response(questionnaire, options, [&](const io::ResponseRecord& record) {
      report_problems(record);
      tally.add(record);
      return true;
    });
    return;
  }
  const io::ReaderOptions read = reader_options(options);
  io::PartOptions parts;
  parts.second_thread = use_two_threads(options);
  for (const std::string& file : files)
    io::read_in_parts(
        file, questionnaire, read, tally, parts,
        [](const std::vector<std::string>& warnings) { print_lines(warnings, "warning: "); },
        [](const std::vector<std::string>& problems) { print_lines(problems, ""); });
}

void report_problems(const io::ResponseRecord& record) {
  print_lines(record.problems, "");
}

void LineCount::add_spanning(const io::ResponseRecord& record) {
  if (spanning++ == 0) first = record.location + " (" + std::to_string(record.lines) + " lines)";
}

void LineCount::append(const LineCount& later) {
  responses += later.responses;
  lines += later.lines;
  spanning += later.spanning;
}

void print_line_count(const LineCount& count) {
  if (count.spanning == 0) return;
  std::cerr << "alliance: " << count.responses << " response" << (count.responses == 1 ? " was" : "s were")
            << " read from " << count.lines << " lines: " << count.spanning
            << " took several lines (a quoted field holding line breaks)";
  if (!count.first.empty()) std::cerr << ", the first at " << count.first;
  std::cerr << '\n';
}

}  // namespace alliance::cli
