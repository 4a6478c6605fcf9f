// SPSS (.sav, .zsav, .por), Stata (.dta) and SAS (.sas7bdat, .xpt) files
// through ReadStat: one row (case, observation) per response, the variables
// mapped to items and identifiers by their names as a CSV header's are
// (csv_columns.hpp). docs/data-sources.md states the rules.
//
// ReadStat parses a whole file in one call and hands each value to a
// callback; ResponseReader is pulled a record at a time. So the parse runs on
// a thread of its own, which hands rows over in batches through a bounded
// queue: memory stays a few batches of the mapped columns, whatever the
// number of rows, and scoring starts with the first batch.
#include <readstat.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/answer_text.hpp"
#include "alliance/io/files.hpp"
#include "alliance/text/messages.hpp"
#include "answer_parsing.hpp"
#include "csv_columns.hpp"
#include "response_readers.hpp"
#include "stat_reasons.hpp"

namespace alliance::io {

namespace {

// The format a row of a `format` file is read in (ResponseRecord::format).
InputFormat stat_input_format(StatFormat format) {
  switch (format) {
    case StatFormat::sav: return InputFormat::sav;
    case StatFormat::por: return InputFormat::por;
    case StatFormat::dta: return InputFormat::dta;
    case StatFormat::sas7bdat: return InputFormat::sas7bdat;
    case StatFormat::xport: return InputFormat::xpt;
  }
  return InputFormat::sav;
}

}  // namespace

const char* stat_format_name(StatFormat format) {
  switch (format) {
    case StatFormat::sav: return "SPSS";
    case StatFormat::por: return "SPSS portable";
    case StatFormat::dta: return "Stata";
    case StatFormat::sas7bdat: return "SAS";
    case StatFormat::xport: return "SAS transport";
  }
  return "";
}

std::optional<text::Msg> stat_reason_id(int error) {
  using text::Msg;
  switch (static_cast<readstat_error_t>(error)) {
    case READSTAT_ERROR_OPEN: return Msg::stat_reason_open;
    case READSTAT_ERROR_READ: return Msg::stat_reason_read;
    case READSTAT_ERROR_MALLOC: return Msg::stat_reason_memory;
    case READSTAT_ERROR_PARSE: return Msg::stat_reason_parse;
    case READSTAT_ERROR_UNSUPPORTED_COMPRESSION: return Msg::stat_reason_compression;
    case READSTAT_ERROR_UNSUPPORTED_CHARSET: return Msg::stat_reason_charset;
    case READSTAT_ERROR_COLUMN_COUNT_MISMATCH: return Msg::stat_reason_columns;
    case READSTAT_ERROR_ROW_COUNT_MISMATCH: return Msg::stat_reason_rows;
    case READSTAT_ERROR_ROW_WIDTH_MISMATCH: return Msg::stat_reason_row_width;
    case READSTAT_ERROR_SEEK: return Msg::stat_reason_seek;
    case READSTAT_ERROR_CONVERT: return Msg::stat_reason_convert;
    case READSTAT_ERROR_CONVERT_BAD_STRING: return Msg::stat_reason_convert_bad;
    case READSTAT_ERROR_CONVERT_SHORT_STRING: return Msg::stat_reason_convert_short;
    case READSTAT_ERROR_UNSUPPORTED_FILE_FORMAT_VERSION: return Msg::stat_reason_version;
    case READSTAT_ERROR_USER_ABORT: return Msg::stat_reason_user_abort;
    case READSTAT_ERROR_BAD_FORMAT_STRING: return Msg::stat_reason_format_string;
    case READSTAT_ERROR_VALUE_TYPE_MISMATCH: return Msg::stat_reason_value_type;
    case READSTAT_ERROR_WRITE: return Msg::stat_reason_write;
    case READSTAT_ERROR_WRITER_NOT_INITIALIZED: return Msg::stat_reason_writer_init;
    case READSTAT_ERROR_CONVERT_LONG_STRING: return Msg::stat_reason_convert_long;
    case READSTAT_ERROR_NUMERIC_VALUE_IS_OUT_OF_RANGE: return Msg::stat_reason_numeric_range;
    case READSTAT_ERROR_TAGGED_VALUE_IS_OUT_OF_RANGE: return Msg::stat_reason_tagged_range;
    case READSTAT_ERROR_STRING_VALUE_IS_TOO_LONG: return Msg::stat_reason_string_too_long;
    case READSTAT_ERROR_TAGGED_VALUES_NOT_SUPPORTED: return Msg::stat_reason_tagged_unsupported;
    case READSTAT_ERROR_NAME_BEGINS_WITH_ILLEGAL_CHARACTER: return Msg::stat_reason_name_start;
    case READSTAT_ERROR_NAME_CONTAINS_ILLEGAL_CHARACTER: return Msg::stat_reason_name_char;
    case READSTAT_ERROR_NAME_IS_RESERVED_WORD: return Msg::stat_reason_name_reserved;
    case READSTAT_ERROR_NAME_IS_TOO_LONG: return Msg::stat_reason_name_too_long;
    case READSTAT_ERROR_BAD_TIMESTAMP_STRING: return Msg::stat_reason_timestamp_string;
    case READSTAT_ERROR_BAD_FREQUENCY_WEIGHT: return Msg::stat_reason_frequency_weight;
    case READSTAT_ERROR_TOO_MANY_MISSING_VALUE_DEFINITIONS: return Msg::stat_reason_missing_definitions;
    case READSTAT_ERROR_NOTE_IS_TOO_LONG: return Msg::stat_reason_note_too_long;
    case READSTAT_ERROR_STRING_REFS_NOT_SUPPORTED: return Msg::stat_reason_string_refs_unsupported;
    case READSTAT_ERROR_STRING_REF_IS_REQUIRED: return Msg::stat_reason_string_ref_required;
    case READSTAT_ERROR_ROW_IS_TOO_WIDE_FOR_PAGE: return Msg::stat_reason_row_too_wide;
    case READSTAT_ERROR_TOO_FEW_COLUMNS: return Msg::stat_reason_too_few_columns;
    case READSTAT_ERROR_TOO_MANY_COLUMNS: return Msg::stat_reason_too_many_columns;
    case READSTAT_ERROR_NAME_IS_ZERO_LENGTH: return Msg::stat_reason_name_empty;
    case READSTAT_ERROR_BAD_TIMESTAMP_VALUE: return Msg::stat_reason_timestamp_value;
    default: return std::nullopt;
  }
}

std::string stat_reason_argument(int error) {
  if (const std::optional<text::Msg> id = stat_reason_id(error)) return text::nested(*id);
  return readstat_error_message(static_cast<readstat_error_t>(error));
}

namespace {

// ReadStat's reason for `error` in `lang` (stat_reason_id; ReadStat's English
// for one without an entry).
std::string stat_reason(std::string_view lang, readstat_error_t error) {
  if (const std::optional<text::Msg> id = stat_reason_id(error)) return text::say(lang, *id);
  return readstat_error_message(error);
}

// One value as read: missing (system-missing, user-missing, Stata's .a–.z,
// SAS's special missing), a number, or text.
struct StatCell {
  enum Kind : unsigned char { missing, number, text };
  Kind kind = missing;
  double value = 0;
  std::string chars;
};

// What the parsing thread knows of a variable.
struct StatVariable {
  std::string name;
  std::string format;  // SPSS "DATE11", Stata "%td", SAS "DATE9": a date
  bool numeric = true;
};

// Rows handed from the parsing thread to the reading one, at most kQueued
// batches of kBatchRows at a time.
constexpr std::size_t kStatBatchRows = 1024;
constexpr std::size_t kStatQueued = 4;

using StatRow = std::vector<StatCell>;  // one cell per mapped column, in `kept_` order

// Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm), and back.
std::string stat_civil_date(long long days) {
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long doe = days - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  const long long y = yoe + era * 400 + (m <= 2);
  char out[64];
  std::snprintf(out, sizeof out, "%04lld-%02lld-%02lld", y, m, d);
  return out;
}

// A numeric date variable's value as YYYY-MM-DD, or "" when the format is
// not a date: SPSS counts seconds from 1582-10-14, Stata days (%td) or
// milliseconds (%tc) from 1960-01-01, SAS days (DATE…) or seconds
// (DATETIME…) from 1960-01-01.
std::string stat_date_text(StatFormat file, const std::string& format, double value) {
  constexpr long long kDays1960 = -3653;    // 1960-01-01 from 1970-01-01
  constexpr long long kDays1582 = -141428;  // 1582-10-14 from 1970-01-01
  const auto starts = [&format](const char* prefix) { return format.rfind(prefix, 0) == 0; };
  if (!std::isfinite(value) || std::fabs(value) > 1e15) return "";
  const double whole = std::floor(value);
  switch (file) {
    case StatFormat::sav:
    case StatFormat::por:
      if (starts("DATE") || starts("ADATE") || starts("EDATE") || starts("SDATE") || starts("DATETIME") ||
          starts("JDATE"))
        return stat_civil_date(kDays1582 + static_cast<long long>(std::floor(whole / 86400)));
      return "";
    case StatFormat::dta:
      if (starts("%td") || starts("%d")) return stat_civil_date(kDays1960 + static_cast<long long>(whole));
      if (starts("%tc") || starts("%tC"))
        return stat_civil_date(kDays1960 + static_cast<long long>(std::floor(whole / 86400000)));
      return "";
    case StatFormat::sas7bdat:
    case StatFormat::xport:
      if (starts("DATETIME"))
        return stat_civil_date(kDays1960 + static_cast<long long>(std::floor(whole / 86400)));
      if (starts("DATE") || starts("YYMMDD") || starts("MMDDYY") || starts("DDMMYY") || starts("E8601DA") ||
          starts("IS8601DA"))
        return stat_civil_date(kDays1960 + static_cast<long long>(whole));
      return "";
  }
  return "";
}

// A number as an identifier: whole numbers without a decimal point (SPSS
// stores respondent 1001 as 1001.0), others in their shortest exact form.
std::string stat_number_text(double value) {
  if (std::fabs(value) < 1e15 && value == std::floor(value)) {
    char out[32];
    std::snprintf(out, sizeof out, "%.0f", value);
    return out;
  }
  return core::format_number(value);
}

class StatFileReader final : public ResponseReader {
 public:
  StatFileReader(const std::string& path, StatFormat format, const core::Questionnaire& q,
                 const ColumnMapping& mapping, const AnswerTextOptions& answers)
      : path_(path), format_(format), q_(q) {
    // String answers are read as a CSV cell's are: labels, --recode's codes.
    answers_.emplace(q, answers);
    if (!answers_->has_words() && !answers_->decimal_comma()) answers_.reset();
    // Opened here first, so that a missing or unreadable file is told as for every other input.
    if (std::FILE* file = std::fopen(path.c_str(), "rb"))
      std::fclose(file);
    else
      throw FileError(path, FileError::Step::open, errno);
    parser_ = std::thread([this] { parse(); });
    try {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return header_ready_ || done_; });
      if (!header_ready_) {  // ended before the first row: fails, or holds no rows
        if (failed_) throw unreadable();
        header_ready_ = true;
      }
      std::vector<std::string> names;
      for (const StatVariable& v : variables_) names.push_back(v.name);
      lock.unlock();
      if (names.empty())
        throw Error(ExitCode::invalid_input,
                    text::Message{text::Msg::stat_file_no_variables, {path_, stat_format_name(format_)}});
      HeaderMapping mapped = map_header(q_, names, mapping, path_);
      warnings_ = std::move(mapped.warnings);
      lock.lock();
      kept_of_variable_.assign(names.size(), -1);
      for (std::size_t c = 0; c < mapped.columns.size(); ++c)
        if (mapped.columns[c].role != Role::ignored) {
          kept_of_variable_[c] = static_cast<int>(kept_.size());
          kept_.push_back(mapped.columns[c]);
          kept_variable_.push_back(c);
        }
      mapped_ = true;
      changed_.notify_all();
    } catch (...) {
      stop();
      throw;
    }
  }

  ~StatFileReader() override { stop(); }

  bool next(ResponseRecord& record) override {
    if (at_ == current_.size()) {
      current_.clear();
      at_ = 0;
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return !batches_.empty() || done_; });
      if (batches_.empty()) {
        if (failed_) throw rows_read_ > 0 ? cut_short() : unreadable();
        return false;
      }
      current_ = std::move(batches_.front());
      batches_.pop_front();
      changed_.notify_all();
    }
    fill(current_[at_++], record);
    return true;
  }

  std::vector<std::string> warnings() const override { return warnings_; }

 private:
  // ReadStat's callbacks, on the parsing thread.
  static int on_variable(int index, readstat_variable_t* variable, const char*, void* context) {
    auto& self = *static_cast<StatFileReader*>(context);
    if (index < 0) return READSTAT_HANDLER_OK;
    const auto at = static_cast<std::size_t>(index);
    std::lock_guard lock(self.mutex_);
    if (at >= self.variables_.size()) self.variables_.resize(at + 1);
    StatVariable& v = self.variables_[at];
    const char* name = readstat_variable_get_name(variable);
    const char* format = readstat_variable_get_format(variable);
    v.name = name ? name : "";
    v.format = format ? format : "";
    v.numeric = readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_NUMERIC;
    return READSTAT_HANDLER_OK;
  }

  static int on_value(int row, readstat_variable_t* variable, readstat_value_t value, void* context) {
    auto& self = *static_cast<StatFileReader*>(context);
    if (!self.mapping_known_) {
      if (!self.wait_for_mapping()) return READSTAT_HANDLER_ABORT;
      self.mapping_known_ = true;
    }
    const int index = readstat_variable_get_index(variable);
    if (row != self.row_) {
      self.start_row(row);
      if (self.stopping_) return READSTAT_HANDLER_ABORT;
    }
    ++self.values_in_row_;
    if (index >= 0 && static_cast<std::size_t>(index) < self.kept_of_variable_.size()) {
      const int kept = self.kept_of_variable_[static_cast<std::size_t>(index)];
      if (kept >= 0) self.store(self.filling_.back()[static_cast<std::size_t>(kept)], variable, value);
    }
    return READSTAT_HANDLER_OK;
  }

  static void on_error(const char* message, void* context) {
    auto& self = *static_cast<StatFileReader*>(context);
    std::lock_guard lock(self.mutex_);
    if (message && self.detail_.empty()) {
      self.detail_ = message;
      while (!self.detail_.empty() && (self.detail_.back() == '\n' || self.detail_.back() == ' '))
        self.detail_.pop_back();
    }
  }

  void parse() {
    readstat_parser_t* parser = readstat_parser_init();
    readstat_set_variable_handler(parser, &on_variable);
    readstat_set_value_handler(parser, &on_value);
    readstat_set_error_handler(parser, &on_error);
    readstat_error_t error = READSTAT_OK;
    switch (format_) {
      case StatFormat::sav: error = readstat_parse_sav(parser, path_.c_str(), this); break;
      case StatFormat::por: error = readstat_parse_por(parser, path_.c_str(), this); break;
      case StatFormat::dta: error = readstat_parse_dta(parser, path_.c_str(), this); break;
      case StatFormat::sas7bdat: error = readstat_parse_sas7bdat(parser, path_.c_str(), this); break;
      case StatFormat::xport: error = readstat_parse_xport(parser, path_.c_str(), this); break;
    }
    readstat_parser_free(parser);
    // The rows read whole are handed over, also when the file fails after
    // them: they are scored, then the failure is reported.
    if (!filling_.empty() && values_in_row_ < variables_.size()) filling_.pop_back();
    if (!filling_.empty() && !stopping_) hand_over();
    std::unique_lock lock(mutex_);
    if (error != READSTAT_OK && !stopping_) {
      failed_ = true;
      error_ = error;
    }
    done_ = true;
    changed_.notify_all();
  }

  // On the parsing thread, at the first value: the variables are all known;
  // waits until the reading thread has mapped them. False when stopped.
  bool wait_for_mapping() {
    std::unique_lock lock(mutex_);
    header_ready_ = true;
    changed_.notify_all();
    changed_.wait(lock, [this] { return mapped_ || stopping_; });
    return !stopping_;
  }

  void start_row(int row) {
    if (filling_.size() == kStatBatchRows) hand_over();
    row_ = row;
    values_in_row_ = 0;
    filling_.emplace_back(kept_.size());
  }

  // Queues the rows filled so far, waiting while the queue is full.
  void hand_over() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return batches_.size() < kStatQueued || stopping_; });
    rows_read_ += static_cast<long>(filling_.size());
    batches_.push_back(std::move(filling_));
    filling_ = {};
    filling_.reserve(kStatBatchRows);
    changed_.notify_all();
  }

  void store(StatCell& cell, readstat_variable_t* variable, readstat_value_t value) {
    if (readstat_value_is_missing(value, variable)) {
      cell.kind = StatCell::missing;
      return;
    }
    if (readstat_value_type(value) == READSTAT_TYPE_STRING ||
        readstat_value_type(value) == READSTAT_TYPE_STRING_REF) {
      const char* text = readstat_string_value(value);
      cell.kind = StatCell::text;
      cell.chars.assign(text ? text : "");
      return;
    }
    cell.kind = StatCell::number;
    cell.value = readstat_double_value(value);
  }

  // Stops the parsing thread (at its next value, or as the queue frees) and waits for it.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      changed_.notify_all();
    }
    if (parser_.joinable()) parser_.join();
  }

  // ReadStat's reason in `lang` (stat_reason), then its handler's detail (English) when that says more.
  static std::string detail(std::string_view lang, readstat_error_t error, const std::string& handler) {
    std::string out = stat_reason(lang, error);
    if (!handler.empty() && handler != readstat_error_message(error))
      out += " (" + core::excerpt(handler, 200) + ")";
    return out;
  }

  Error unreadable() const {
    return Error(ExitCode::invalid_input, [path = path_, kind = stat_format_name(format_), error = error_,
                                           handler = detail_](std::string_view lang) {
      return text::say(lang, text::Msg::stat_file_unreadable, {path, kind, detail(lang, error, handler)});
    });
  }

  Error cut_short() const {
    return Error(ExitCode::invalid_input,
                 [path = path_, kind = stat_format_name(format_), rows = std::to_string(rows_read_),
                  error = error_, handler = detail_](std::string_view lang) {
                   return text::say(lang, text::Msg::stat_file_cut_short,
                                    {path, kind, rows, detail(lang, error, handler)});
                 });
  }

  // On the reading thread.
  void fill(const StatRow& row, ResponseRecord& record) {
    reset_record(q_, record);
    set_location(record, path_, ++row_number_);
    record.format = stat_input_format(format_);
    for (std::size_t k = 0; k < kept_.size(); ++k) apply(k, row[k], record);
    check_identity(q_, record);
  }

  // The text of an identifier cell: a string trimmed, a number as digits (a
  // date as YYYY-MM-DD), "" when missing.
  std::string identifier(std::size_t k, const StatCell& cell) const {
    switch (cell.kind) {
      case StatCell::missing: return "";
      case StatCell::text: return std::string(trim(cell.chars));
      case StatCell::number: break;
    }
    const StatVariable& v = variables_[kept_variable_[k]];
    if (kept_[k].role == Role::date)
      if (std::string date = stat_date_text(format_, v.format, cell.value); !date.empty()) return date;
    return stat_number_text(cell.value);
  }

  void apply(std::size_t k, const StatCell& cell, ResponseRecord& record) {
    core::Response& r = record.response;
    const Column& column = kept_[k];
    switch (column.role) {
      case Role::item:
        // A labelled number's code is the answer (SPSS's and Stata's
        // convention); text goes the way a CSV cell's does.
        if (cell.kind == StatCell::number)
          set_answer(q_, column.item, cell.value, record);
        else if (cell.kind == StatCell::text)
          set_answer_text(q_, column.item, cell.chars, record, answers_ ? &*answers_ : nullptr,
                          variables_[kept_variable_[k]].name);
        return;
      case Role::session:
        if (cell.kind == StatCell::number && cell.value == std::floor(cell.value) &&
            std::fabs(cell.value) < 1e9) {
          r.session = static_cast<int>(cell.value);
        } else if (cell.kind != StatCell::missing) {
          const std::string text = identifier(k, cell);
          if (is_missing_text(text)) return;
          int session = 0;
          auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), session);
          if (ec != std::errc() || ptr != text.data() + text.size())
            add_problem(record, text::Msg::session_not_whole, {core::excerpt(text, 40)});
          else
            r.session = session;
        }
        return;
      case Role::respondent: r.respondent = identifier(k, cell); return;
      case Role::form: r.form = identifier(k, cell); return;
      case Role::date: r.date = identifier(k, cell); return;
      case Role::language: r.language = identifier(k, cell); return;
      case Role::questionnaire: r.questionnaire_id = identifier(k, cell); return;
      case Role::version: r.questionnaire_version = identifier(k, cell); return;
      case Role::ignored: return;
    }
  }

  const std::string path_;
  const StatFormat format_;
  const core::Questionnaire& q_;
  std::vector<std::string> warnings_;

  // Shared between the threads, under mutex_.
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<StatVariable> variables_;
  bool header_ready_ = false;           // every variable is known
  bool mapped_ = false;                 // kept_ is set: the parsing thread may fill rows
  std::atomic<bool> stopping_ = false;  // also read by the parsing thread without the lock
  bool done_ = false;
  bool failed_ = false;
  readstat_error_t error_ = READSTAT_OK;  // ReadStat's error code
  std::string detail_;                    // the first message of its error handler
  std::deque<std::vector<StatRow>> batches_;
  long rows_read_ = 0;                 // handed over
  std::optional<AnswerText> answers_;  // labels and codes of string answers; none: numbers only

  // Set by the reading thread before mapped_, then read only.
  std::vector<Column> kept_;                // the mapped columns
  std::vector<std::size_t> kept_variable_;  // the variable of each
  std::vector<int> kept_of_variable_;       // per variable: its index in kept_, or -1

  // The parsing thread's own.
  std::vector<StatRow> filling_;
  int row_ = -1;
  std::size_t values_in_row_ = 0;  // of the row being filled: it is whole at variables_.size()
  bool mapping_known_ = false;     // mapped_ was seen

  // The reading thread's own.
  std::vector<StatRow> current_;
  std::size_t at_ = 0;
  long row_number_ = 0;

  std::thread parser_;  // last: started once everything above is made
};

}  // namespace

std::unique_ptr<ResponseReader> make_stat_file_reader(const std::string& path, StatFormat format,
                                                      const core::Questionnaire& q,
                                                      const ReaderOptions& options) {
  return std::make_unique<StatFileReader>(path, format, q, options.mapping, options.answers);
}

}  // namespace alliance::io
