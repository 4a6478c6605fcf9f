// Reads responses to one questionnaire from JSON, NDJSON, CSV or TSV, one at
// a time, so a batch of any size is scored in constant memory. The formats
// are specified in docs/response-format.md.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/response.hpp"
#include "alliance/io/answer_text.hpp"
#include "alliance/io/text_encoding.hpp"
#include "alliance/text/message.hpp"

namespace alliance::io {

// sav: SPSS .sav and .zsav; por: SPSS portable; dta: Stata; sas7bdat and xpt:
// SAS data and transport files (read through ReadStat, from a named file).
enum class InputFormat { automatic, json, ndjson, csv, tsv, sav, por, dta, sas7bdat, xpt };

// "json", "ndjson", "csv", "tsv", "sav" (or "zsav"), "por", "dta",
// "sas7bdat", "xpt"; throws Error(usage) for anything else.
InputFormat parse_input_format(const std::string& name);

// How CSV/TSV columns map to items and identifiers.
struct ColumnMapping {
  // Item columns named by a pattern in which "{id}" stands for the item id
  // ("wai_{id}", "Q{id}_1"). "" = detect: the one pattern (the item id
  // itself, i{id}, Q1_{id}, WAI[SQ{id}]…) that names every item not in
  // `columns`; none, or several, is an error.
  std::string pattern;
  std::map<std::string, std::string> columns;  // explicit column -> item id, wins over the pattern
  // Columns named here must be in the header (else Error(usage)).
  std::string respondent_column;  // "" = recognised by name, else an unnamed first column
  std::string session_column;
  int skip_rows = 0;  // rows after the header to ignore (Qualtrics' extra header rows)
  // Rows under the header that are more header (Qualtrics' question text and
  // {"ImportId":…} rows) are skipped instead of being an error (--from qualtrics).
  bool skip_header_rows = false;
  // Rows whose item cells are all empty are not responses (--from redcap:
  // one row per event and repeat instance, whether this instrument was filled or not).
  bool skip_unanswered_rows = false;
  // --where COLUMN=VALUE: only rows whose COLUMN holds one of the VALUEs
  // (compared as answer labels are: io/answer_text.hpp); every column must
  // be in the header, else Error(usage).
  std::map<std::string, std::vector<std::string>> where;
};

struct ReaderOptions {
  InputFormat format = InputFormat::automatic;
  ColumnMapping mapping;
  TextEncoding encoding = TextEncoding::utf8;  // unless a byte-order mark says otherwise
  // CSV: the delimiter; 0 = sniffed from the header line (',' ';' or tab,
  // the most frequent outside quotes; ',' when none).
  char delimiter = 0;
  // Answers as labels, codes, decimal commas (a ';' delimiter turns the
  // decimal comma on).
  AnswerTextOptions answers;
  std::string language = "en";  // of the warnings a reader words from the catalogue
};

// A problem of a record that is also a catalogue message, so that it can be
// shown in the user's language: ResponseRecord::problems[index] is its
// English text, "<place>: <message in English>".
struct SaidProblem {
  std::size_t index = 0;
  std::string place;  // "batch.csv:1042"
  text::Message message;
};

// One response as read, with everything wrong with it.
struct ResponseRecord {
  core::Response response;
  std::string location;  // "batch.csv:1042", "r.json", "r.json: /3"
  // Each a full located message ("batch.csv:1042: …"; "batch.csv:2-1003: …"
  // for a CSV row's stray quote, naming the lines it would have joined); empty = valid.
  std::vector<std::string> problems;
  // Those of the problems that are catalogue messages (the others are
  // shown in English whatever the language).
  std::vector<SaidProblem> said;
  // Input lines the record takes: more than 1 for a CSV row whose quoted
  // field holds line breaks (its location names the first).
  long lines = 1;
  // The format it was read in (InputFormat::csv for TSV as well): what to
  // advise about the input's order (trend).
  InputFormat format = InputFormat::automatic;
  bool valid() const { return problems.empty(); }
};

// The record's problems in `lang` ("fr"; anything else English, which is
// `problems` itself): what a command prints on stderr. Machine outputs
// (score's problems column) keep `problems`, in English.
std::vector<std::string> problem_texts(const ResponseRecord& record, std::string_view lang);

// Where a reader's next record starts.
struct ReadPosition {
  std::uint64_t offset = 0;  // in bytes from the start of the input
  long line = 1;
};

class ResponseReader {
 public:
  virtual ~ResponseReader() = default;
  // Fills `record` (reusing its storage) with the next response; false at
  // the end of the input. Problems in one response are recorded in it, and
  // reading goes on; a problem with the whole input (a CSV header naming no
  // item, or that is not text) throws Error(invalid_input). A response whose
  // bytes are not all text (invalid UTF-8, NUL) is invalid, with a problem
  // "<name>:<line>:<column>: ..." for the first such byte; a JSON document
  // that is not is one invalid record, as for a syntax error.
  virtual bool next(ResponseRecord& record) = 0;
  // Problems with the input as a whole that do not stop reading (an item
  // with no column, column options given for a JSON file), as located messages.
  virtual std::vector<std::string> warnings() const { return notes_; }
  void add_warning(std::string message) { notes_.push_back(std::move(message)); }

  // Reading a file in two parts (io/part_reading.hpp). Only a reader of a
  // regular file in a format with a record per line (CSV, TSV, NDJSON) can:
  // splittable_size() is then the file's size, else nullopt.
  virtual std::optional<std::uint64_t> splittable_size() const { return std::nullopt; }
  // From now on, next() ends at the first record starting at or after `offset`.
  virtual void stop_at(std::uint64_t /*offset*/) {}
  // Where the next record starts (after the header and the rows --skip-rows
  // skips); nullopt when the reader cannot split.
  virtual std::optional<ReadPosition> position() const { return std::nullopt; }
  // Moves to the first line start at or after `offset` (a record start unless
  // a quoted CSV field spans it) and numbers that line 1.
  virtual void resume_after(std::uint64_t /*offset*/) {}

 private:
  std::vector<std::string> notes_;
};

// `path` "-" reads standard input (and is named "<stdin>" in messages).
// Throws Error(io) when the file cannot be opened, Error(usage) when the
// format cannot be told from the name and content, or is an SPSS, Stata or
// SAS format for standard input (ReadStat reads named files);
// Error(invalid_input) when such a file cannot be read (from next(), when
// it is cut short after some rows).
std::unique_ptr<ResponseReader> open_response_reader(const std::string& path,
                                                     const core::Questionnaire& questionnaire,
                                                     const ReaderOptions& options);

// The same for bytes already open (a file read through an io::Env, in a
// ByteSource::InMemory); the format is told from source->name() and content.
class ByteSource;
std::unique_ptr<ResponseReader> open_response_reader(std::unique_ptr<ByteSource> source,
                                                     const core::Questionnaire& questionnaire,
                                                     const ReaderOptions& options);

}  // namespace alliance::io
