// Reading a large file in two parts, each added up on its own and then
// combined: how `alliance stats` uses a second core without handing every
// record from one core to the other (docs/performance.md).
//
// Where a file is split does not depend on the number of threads, so neither
// does the result: a file of at least PartOptions::min_split_bytes, in a
// format with a record per line (CSV, TSV, NDJSON), is split at the first
// record starting at or after its middle. The records before go into the
// caller's tally, those after into an empty copy of it, which is then
// appended. With one thread the parts are read one after the other; with two,
// the second part is read at the same time by a reader of its own, which
// starts at the first line start after the middle. When that is not where the
// first part ended (a quoted CSV field spanning the middle, or more problems
// than it may hold back), its work is dropped and the second part is read
// after the first, as with one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {

// What the records of one part are added into.
class PartTally {
 public:
  virtual ~PartTally() = default;
  // Every record, valid or not, in input order within its part. A tally adds
  // up; it does not report: read ahead on the second thread, a record's
  // location counts lines from the start of its part (its problems are
  // reported, with the lines of the file, through read_in_parts' `report`).
  virtual void add(const ResponseRecord& record) = 0;
  // An empty tally of the same kind and settings. Called on the second
  // thread while add() runs on the first, so it may read only what add()
  // leaves alone (the settings). add() is then called on the two from
  // different threads.
  virtual std::unique_ptr<PartTally> empty_copy() const = 0;
  // Adds what `later` (made by empty_copy) has seen, after what this has.
  virtual void append(const PartTally& later) = 0;
};

struct PartOptions {
  bool second_thread = false;
  std::uint64_t min_split_bytes = 1 << 20;  // smaller files are read in one part
  // Problems (of invalid records) the second part holds back until the first
  // is done, before it gives up and leaves its part to be read after the first.
  std::size_t max_held_problems = 10000;
  std::string language = "en";  // of the problems reported (problem_texts)
};

using ProblemsHandler = std::function<void(const std::vector<std::string>& problems)>;

// Reads every record of `path` ("-": standard input, one part) into `tally`.
// Calls `warn` with the file's warnings (ResponseReader::warnings) first, then
// `report` with each invalid record's problems, in input order, on the
// calling thread. Throws as open_response_reader and ResponseReader::next.
void read_in_parts(const std::string& path, const core::Questionnaire& questionnaire,
                   const ReaderOptions& options, PartTally& tally, const PartOptions& parts,
                   const ProblemsHandler& warn, const ProblemsHandler& report);

}  // namespace alliance::io
