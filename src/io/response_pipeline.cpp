// The reading pipeline of score, stats, trend and compare (response_pipeline.hpp).
#include "alliance/io/response_pipeline.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "alliance/core/utf8.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::io {

namespace {

// Messages to stderr, one per line: a file's warnings (text::Msg::warning_prefix), a record's problems ("").
// A line break quoted from the input is shown as \n, so one message stays one line.
// A warning made from the catalogue (text::nested) is shown in `lang`.
void print_lines(const std::vector<std::string>& lines, std::string_view prefix,
                 std::string_view lang = "en") {
  for (const std::string& line : lines)
    std::cerr << prefix << core::terminal_safe(text::shown(lang, line)) << '\n';
}

bool regular_file(const std::string& path) {
  struct stat status {};
  return path != "-" && ::stat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode);
}

// Whether `error`, thrown opening or reading a file, is handed to
// ReadRequest::on_unreadable (a usage error never is: the command line is wrong).
bool file_level(const UnreadableHandler& on_unreadable, const Error& error) {
  return on_unreadable && error.code() != ExitCode::usage;
}

// Every file's records in order, on the calling thread: the one-thread path.
bool read_serially(const core::Questionnaire& questionnaire, const ReadRequest& request,
                   const std::function<bool(const io::ResponseRecord&)>& visit) {
  io::ResponseRecord record;
  for (const std::string& file : request.files) {
    std::unique_ptr<io::ResponseReader> reader;
    try {
      reader = io::open_response_reader(file, questionnaire, request.reader);
    } catch (const Error& e) {
      if (!file_level(request.on_unreadable, e)) throw;
      if (request.on_unreadable(file, e)) continue;
      return false;
    }
    print_lines(reader->warnings(), text::text(request.language, text::Msg::warning_prefix),
                request.language);
    while (true) {
      bool more = false;
      try {  // not around visit: what it throws is not the file's
        more = reader->next(record);
      } catch (const Error& e) {
        if (!file_level(request.on_unreadable, e)) throw;
        if (request.on_unreadable(file, e)) break;
        return false;
      }
      if (!more) break;
      if (!visit(record)) return false;
    }
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
  // A file-level failure (ReadRequest::on_unreadable) after the records: handed
  // to the handler on the caller's thread; the next file starts a new batch.
  std::exception_ptr unreadable;
  std::string unreadable_file;
  bool last = false;
};

// Two threads: one reads and parses (the reader), the caller's thread visits
// (scores and writes). A fixed set of batches circulates between them, so
// memory stays bounded and no record is allocated twice.
class Pipeline {
 public:
  static constexpr std::size_t kBatchRecords = 512;
  static constexpr std::size_t kBatches = 4;

  Pipeline(const core::Questionnaire& q, const ReadRequest& request, bool score)
      : q_(q),
        scorer_(q, request.possible_scores),
        read_(request.reader),
        files_(request.files),
        score_(score),
        lang_(request.language),
        on_unreadable_(request.on_unreadable) {
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
      print_lines(batch->warnings, text::text(lang_, text::Msg::warning_prefix), lang_);
      for (std::size_t i = 0; i < batch->size; ++i)
        if (!visit(batch->records[i], score_ ? batch->sheets[i] : no_sheet_)) return false;
      if (batch->unreadable) {
        try {
          std::rethrow_exception(batch->unreadable);
        } catch (const Error& e) {
          if (!on_unreadable_(batch->unreadable_file, e)) return false;
        }
        batch->unreadable = nullptr;
      }
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

  // One file's records into batches handed over as they fill; false when stopping.
  bool produce_file(const std::string& file, std::unique_ptr<Batch>& batch) {
    std::unique_ptr<io::ResponseReader> reader = io::open_response_reader(file, q_, read_);
    if (batch->size > 0) {  // this file's warnings come after the last file's records
      give(full_, std::move(batch));
      if (!(batch = take(free_))) return false;
    }
    batch->warnings = reader->warnings();
    while (true) {
      if (batch->size == kBatchRecords) {
        give(full_, std::move(batch));
        if (!(batch = take(free_))) return false;
      }
      if (batch->records.size() == batch->size) {
        batch->records.emplace_back();
        if (score_) batch->sheets.emplace_back();
      }
      io::ResponseRecord& record = batch->records[batch->size];
      if (!reader->next(record)) return true;
      if (score_) score_record(q_, scorer_, record, batch->sheets[batch->size]);
      ++batch->size;
    }
  }

  void produce() {
    std::unique_ptr<Batch> batch = take(free_);
    if (!batch) return;
    try {
      for (const std::string& file : files_) {
        try {
          if (!produce_file(file, batch)) return;
        } catch (const Error& e) {
          if (!file_level(on_unreadable_, e)) throw;
          batch->unreadable = std::current_exception();
          batch->unreadable_file = file;
          give(full_, std::move(batch));
          if (!(batch = take(free_))) return;
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
  std::string lang_;
  UnreadableHandler on_unreadable_;
  core::ScoreSheet no_sheet_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> free_;
  std::deque<std::unique_ptr<Batch>> full_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace

bool for_each_response(const core::Questionnaire& questionnaire, const ReadRequest& request,
                       const std::function<bool(const io::ResponseRecord&)>& visit) {
  if (!request.two_threads) return read_serially(questionnaire, request, visit);
  Pipeline pipeline(questionnaire, request, false);
  return pipeline.run(
      [&visit](const io::ResponseRecord& record, const core::ScoreSheet&) { return visit(record); });
}

bool for_each_scored_response(
    const core::Questionnaire& questionnaire, const ReadRequest& request,
    const std::function<bool(const io::ResponseRecord&, const core::ScoreSheet&)>& visit) {
  if (!request.two_threads) {
    const core::Scorer scorer(questionnaire, request.possible_scores);
    core::ScoreSheet sheet;
    return read_serially(questionnaire, request, [&](const io::ResponseRecord& record) {
      score_record(questionnaire, scorer, record, sheet);
      return visit(record, sheet);
    });
  }
  Pipeline pipeline(questionnaire, request, true);
  return pipeline.run(visit);
}

void tally_responses(const core::Questionnaire& questionnaire, const ReadRequest& request,
                     io::PartTally& tally) {
  const std::vector<std::string>& files = request.files;
  // Whether files are split may not depend on the threads (the sums would
  // differ in the last digits): a pipe among the inputs means none is.
  if (!std::all_of(files.begin(), files.end(), regular_file)) {
    for_each_response(questionnaire, request, [&](const io::ResponseRecord& record) {
      report_problems(record, request.language);
      tally.add(record);
      return true;
    });
    return;
  }
  io::PartOptions parts;
  parts.second_thread = request.two_threads;
  parts.language = request.language;
  const std::string& lang = request.language;
  for (const std::string& file : files) {
    try {
      io::read_in_parts(
          file, questionnaire, request.reader, tally, parts,
          [&lang](const std::vector<std::string>& warnings) {
            print_lines(warnings, text::text(lang, text::Msg::warning_prefix), lang);
          },
          [](const std::vector<std::string>& problems) { print_lines(problems, ""); });
    } catch (const Error& e) {
      if (!file_level(request.on_unreadable, e)) throw;
      if (!request.on_unreadable(file, e)) return;
    }
  }
}

void report_problems(const io::ResponseRecord& record, const std::string& lang) {
  print_lines(io::problem_texts(record, lang), "");
}

void LineCount::add_spanning(const io::ResponseRecord& record) {
  if (spanning++ == 0) {
    first = record.location;
    first_lines = record.lines;
  }
}

void LineCount::append(const LineCount& later) {
  responses += later.responses;
  lines += later.lines;
  spanning += later.spanning;
}

void print_line_count(const LineCount& count, const std::string& lang) {
  if (count.spanning == 0) return;
  const text::Messages& m = text::messages(lang);
  std::string message = text::fill(
      m.line_count,
      {std::to_string(count.responses), std::to_string(count.lines), std::to_string(count.spanning)});
  if (!count.first.empty())
    message += text::fill(m.line_count_first,
                          {text::fill(m.lines_taken, {count.first, std::to_string(count.first_lines)})});
  std::cerr << text::fill(m.error_line, {message}) << '\n';
}

}  // namespace alliance::io
