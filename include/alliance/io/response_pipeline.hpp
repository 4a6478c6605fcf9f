// Reading every response of a batch, in order, on one thread or two: the
// pipeline behind score, stats, trend and compare (the command line turns its
// input options into a ReadRequest: src/cli/input_options.cpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "alliance/core/error.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/io/part_reading.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {

// ReadRequest::on_unreadable.
using UnreadableHandler = std::function<bool(const std::string& file, const Error& error)>;

// What to read, and how.
struct ReadRequest {
  std::vector<std::string> files;  // in order; "-" is standard input. Never empty.
  ReaderOptions reader;
  bool two_threads = false;     // a second thread reads and parses ahead
  std::string language = "en";  // of the warnings and problems printed ("en" or "fr")
  // for_each_scored_response: whether the sheets carry ScaleScore::possible
  // (false when nothing reads it: core::Scorer's possible_scores).
  bool possible_scores = true;
  // A file that cannot be read, or not as responses: an alliance::Error other
  // than a usage error, thrown opening it or reading it (ExitCode::io: it
  // cannot be opened or read, a directory; ExitCode::invalid_input: empty, a
  // header naming no item, a file ReadStat refuses). When set, called with
  // the file as given and the error, in input order after the records read
  // from that file before it failed (those were visited); returns whether to
  // go on with the next file (false: the read stops, as when visit returns
  // false). When not set, the error is thrown and the read ends there. A
  // usage error (an option the file contradicts: --id-column naming a column
  // its header lacks, --skip-rows for a .sav file) and any other exception
  // are always thrown.
  UnreadableHandler on_unreadable;
};

// Reads every response of every file in order, printing reader warnings to
// stderr, and calls `visit` on each record, on the calling thread. With two
// threads, the second reads and parses ahead, a few batches at most.
// `visit` returns false to stop reading (e.g. --strict after a problem).
// Returns false when stopped early (by `visit` or ReadRequest::on_unreadable).
// An exception thrown by `visit` is never taken for the file's.
bool for_each_response(const core::Questionnaire& questionnaire, const ReadRequest& request,
                       const std::function<bool(const ResponseRecord&)>& visit);

// As for_each_response, with each record's scores (core::score_into, or
// core::invalid_sheet for an invalid record). With two threads, the scoring
// is done on the reading thread, so the caller's thread only writes.
bool for_each_scored_response(
    const core::Questionnaire& questionnaire, const ReadRequest& request,
    const std::function<bool(const ResponseRecord&, const core::ScoreSheet&)>& visit);

// Adds every response of every file into `tally` (for statistics, where only
// the sum matters, not the order of the records): when every input is a
// regular file, a large one is read in two parts (part_reading.hpp), at the
// same time with two threads; otherwise as for_each_response. Problems and
// warnings go to stderr in input order. A file that cannot be read is handed
// to ReadRequest::on_unreadable as for_each_response does (what was added
// from it before it failed stays added); its answer false stops the reading.
void tally_responses(const core::Questionnaire& questionnaire, const ReadRequest& request, PartTally& tally);

// Prints a record's problems to stderr, one per line, in `lang`.
void report_problems(const ResponseRecord& record, const std::string& lang);

// Responses against the input lines they took, for the closing summary: a
// CSV row whose quoted field holds line breaks takes several lines, and the
// summary says so, so that many lines read as one response cannot go unseen.
struct LineCount {
  long responses = 0;
  long lines = 0;
  long spanning = 0;                        // responses that took more than one line
  std::string first;                        // the first of them: "batch.csv:17"; "" when not known
  long first_lines = 0;                     // the lines it took
  void add(const ResponseRecord& record) {  // inline: once per record
    ++responses;
    lines += record.lines;
    if (record.lines != 1) add_spanning(record);
  }
  void add_spanning(const ResponseRecord& record);
  // Adds what `later` counted. Its `first` is not taken: read on another
  // thread, its locations count lines from the start of its part.
  void append(const LineCount& later);
};

// When some response took several lines, prints to stderr
// "alliance: 3 responses were read from 7 lines: 1 took several lines (...)".
void print_line_count(const LineCount& count, const std::string& lang);

}  // namespace alliance::io
