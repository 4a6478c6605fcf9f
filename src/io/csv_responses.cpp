// CSV and TSV responses: one row per response, a header naming the columns.
#include <algorithm>
#include <charconv>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/text/messages.hpp"
#include "answer_parsing.hpp"
#include "csv_columns.hpp"
#include "csv_reader.hpp"
#include "response_readers.hpp"

namespace alliance::io {

namespace {

class CsvResponseReader final : public ResponseReader {
 public:
  CsvResponseReader(std::unique_ptr<ByteSource> source, char delimiter, const core::Questionnaire& q,
                    const ReaderOptions& options)
      : source_(std::move(source)), csv_(*source_, delimiter), q_(q) {
    AnswerTextOptions answers = options.answers;
    if (delimiter == ';') answers.decimal_comma = true;  // French Excel: "4,5" is 4.5
    answers_.emplace(q, std::move(answers));
    if (!answers_->has_words() && !answers_->decimal_comma()) answers_.reset();  // numbers only, as ever
    recode_all_ = answers_ && answers_->recodes_numbers();
    read_header(options.mapping);
    if (source_->detected_windows1252())
      warnings_.push_back(text::say(options.language, text::Msg::encoding_detected, {source_->name()}));
    set_filters(options.mapping);
    skip_rows(options.mapping.skip_rows);
    expect_rows();
    check_rows_under_header(options.mapping.skip_header_rows);
  }

  bool next(ResponseRecord& record) override {
    while (csv_.next(fields_)) {
      if (blank(fields_)) continue;
      if (!unfiltered_ && !keep(fields_)) continue;
      fill(record);
      return true;
    }
    return false;
  }

  std::vector<std::string> warnings() const override { return warnings_; }

  std::optional<std::uint64_t> splittable_size() const override { return source_->regular_file_size(); }
  void stop_at(std::uint64_t offset) override { source_->stop_at(offset); }
  std::optional<ReadPosition> position() const override {
    return ReadPosition{source_->offset(), csv_.next_line()};
  }
  void resume_after(std::uint64_t offset) override {
    source_->seek_line_start(offset);
    csv_.set_next_line(1);
  }

 private:
  // Rows under the header that are more header (Qualtrics' question text and
  // ImportId rows) are looked for among the first this many.
  static constexpr std::size_t kHeaderRowsLookedFor = 5;

  static bool blank(const std::vector<std::string_view>& fields) {
    return fields.size() == 1 && trim(fields[0]).empty();
  }

  std::string where(long line) const { return source_->name() + ":" + std::to_string(line); }

  // --where and skip_unanswered_rows (ColumnMapping).
  void set_filters(const ColumnMapping& mapping) {
    skip_unanswered_ = mapping.skip_unanswered_rows;
    for (const auto& [column, values] : mapping.where) {
      const auto at = std::find(names_.begin(), names_.end(), column);
      if (at == names_.end()) {
        std::optional<std::string> close = core::closest_match(column, names_);
        for (const std::string& name : names_)  // else a column whose name holds it ("redcap_event")
          if (!close && name.find(column) != std::string::npos) close = name;
        throw Error(ExitCode::usage, [column = column, close](std::string_view lang) {
          return text::say(lang, text::Msg::where_no_column,
                           {column, close ? text::say(lang, text::Msg::did_you_mean, {*close}) : ""});
        });
      }
      std::vector<std::string> folded;
      for (const std::string& value : values) folded.push_back(fold_answer_text(value));
      where_.emplace_back(static_cast<std::size_t>(at - names_.begin()), std::move(folded));
    }
    unfiltered_ = where_.empty() && !skip_unanswered_;
  }

  // Whether a row passes --where, and has an answer when unanswered rows are skipped.
  bool keep(const std::vector<std::string_view>& cells) const {
    for (const auto& [column, values] : where_) {
      if (column >= cells.size()) return false;
      const std::string folded = fold_answer_text(cells[column]);
      if (std::find(values.begin(), values.end(), folded) == values.end()) return false;
    }
    if (!skip_unanswered_) return true;
    for (std::size_t c = 0; c < cells.size() && c < columns_.size(); ++c)
      if (columns_[c].role == Role::item && !is_missing_text(trim(cells[c]))) return true;
    return false;
  }

  void read_header(const ColumnMapping& mapping) {
    if (!csv_.next(fields_))
      throw Error(ExitCode::invalid_input, text::Message{text::Msg::csv_empty, {source_->name()}});
    if (csv_.text_problem())
      throw Error(ExitCode::invalid_input, [problem = *csv_.text_problem()](std::string_view lang) {
        return problem.in_language(lang);
      });
    for (std::string_view field : fields_) names_.emplace_back(trim(field));
    HeaderMapping mapped = map_header(q_, names_, mapping, where(csv_.line()));
    columns_ = std::move(mapped.columns);
    warnings_ = std::move(mapped.warnings);
  }

  // From here on, rows are responses: one that runs across lines must have
  // the header's fields, and line breaks only in columns alliance does not
  // read (free-text comments), else its quote is taken as stray.
  void expect_rows() {
    std::vector<bool> free_text(columns_.size());
    for (std::size_t c = 0; c < columns_.size(); ++c) free_text[c] = columns_[c].role == Role::ignored;
    csv_.expect(columns_.size(), std::move(free_text));
  }

  // "item 3 = 4" for the first item cell holding a number, if every item
  // cell holds a number or nothing; "" otherwise.
  std::string answers_in(const std::vector<std::string_view>& cells) const {
    std::string first;
    for (std::size_t c = 0; c < cells.size() && c < columns_.size(); ++c) {
      if (columns_[c].role != Role::item) continue;
      const std::string_view cell = trim(cells[c]);
      if (is_missing_text(cell)) continue;
      if (!parse_number(cell)) return "";
      if (first.empty()) first = "item " + q_.items[columns_[c].item].id + " = " + std::string(cell);
    }
    return first;
  }

  // Why a row under the header is more header, not answers: Qualtrics'
  // {"ImportId":…} cells, or text in every item cell: not a missing-answer
  // marker, not a number, nor a try at one ("1e400", "4,5": those rows are
  // answers, each invalid). "" when it is not; else a text::nested() message.
  std::string header_evidence(const std::vector<std::string_view>& cells, bool& import_ids) const {
    for (std::string_view cell : cells)
      if (trim(cell).starts_with("{\"ImportId\"")) {
        import_ids = true;
        return text::nested(text::Msg::csv_evidence_import_id, {"{\"ImportId\":…}"});
      }
    std::string first;
    for (std::size_t c = 0; c < cells.size() && c < columns_.size(); ++c) {
      if (columns_[c].role != Role::item) continue;
      const std::string_view cell = trim(cells[c]);
      if (is_missing_text(cell) || parse_number(cell) ||
          std::string_view("0123456789+-.,").find(cell[0]) != std::string_view::npos ||
          (answers_ && answers_->read(cell).kind != AnswerText::Result::Kind::unmatched))
        return "";
      if (first.empty())
        first = text::nested(text::Msg::csv_evidence_text,
                             {q_.items[columns_[c].item].id, core::excerpt(cell, 40)});
    }
    return first;
  }

  // Reads the `count` rows --skip-rows skips (blank lines do not count), in
  // the header's place: a part of the file read on its own starts after
  // them (resume_after). One that holds answers, or that takes several
  // lines and has not the header's fields (a stray quote would swallow the
  // rows after it), is a warning.
  void skip_rows(int count) {
    skipped_ = count;

    for (int skipped = 0; skipped < count && csv_.next(fields_);) {
      if (blank(fields_)) continue;
      ++skipped;
      const long line = csv_.line();
      const std::string answers = answers_in(fields_);
      if (!answers.empty())
        warnings_.push_back(
            text::nested(text::Msg::csv_warn_skipped_answers, {where(line), std::to_string(count), answers}));
      else if (csv_.last_line() > line && fields_.size() != columns_.size())
        warnings_.push_back(
            text::nested(text::Msg::csv_warn_skipped_long_row,
                         {where(line), std::to_string(count), std::to_string(csv_.last_line()),
                          std::to_string(fields_.size()), std::to_string(columns_.size())}));
    }
  }

  // Looks at the first rows after the skipped ones without consuming them:
  // rows that are more header, not answers, are an error (they would be
  // read as phantom respondents).
  void check_rows_under_header(bool skip_them) {
    std::string storage;
    std::vector<std::string_view> cells;
    std::pair<long, long> lines;
    const long& line = lines.first;
    CsvReader::Lookahead next = csv_.lookahead();
    std::vector<std::pair<long, std::string>> rows;  // line, evidence
    bool import_ids = false;
    bool answers_follow = false;
    while (rows.size() < kHeaderRowsLookedFor && csv_.peek(next, storage, cells, lines)) {
      if (blank(cells)) continue;
      std::string evidence = header_evidence(cells, import_ids);
      if (evidence.empty()) {
        answers_follow = true;
        break;
      }
      rows.emplace_back(line, std::move(evidence));
    }
    if (rows.empty()) return;
    if (skip_them && (answers_follow || import_ids)) {  // --from qualtrics: its header rows, as expected
      for (std::size_t skipped = 0; skipped < rows.size() && csv_.next(fields_);)
        if (!blank(fields_)) ++skipped;
      skipped_ += static_cast<int>(rows.size());
      return;
    }
    const std::string first = where(rows.front().first);
    const std::string count = std::to_string(rows.size());
    // Text in every row looked at, with no ImportId: labels, not header rows.
    if (!answers_follow && !import_ids)
      throw Error(ExitCode::invalid_input,
                  text::Message{rows.size() == kHeaderRowsLookedFor ? text::Msg::csv_label_rows_first
                                                                    : text::Msg::csv_label_rows,
                                {first, count, rows.front().second}});
    const std::string skip = "--skip-rows " + std::to_string(skipped_ + static_cast<int>(rows.size()));
    if (rows.size() == 1)
      throw Error(ExitCode::invalid_input,
                  text::Message{text::Msg::csv_header_row, {first, rows.front().second, skip}});
    throw Error(ExitCode::invalid_input, [first, count, rows, skip](std::string_view lang) {
      std::string evidence;
      for (const auto& [at, why] : rows)
        evidence += (evidence.empty() ? "" : text::say(lang, text::Msg::csv_list_separator)) +
                    text::say(lang, text::Msg::csv_header_row_line, {std::to_string(at), why});
      return text::say(lang, text::Msg::csv_header_rows, {first, count, evidence, skip});
    });
  }

  // "column \"WAI_3\" (item 3)", "column 14" past the header: a text::nested() message.
  std::string describe_column(std::size_t c) const {
    using text::Msg;
    if (c >= names_.size()) return text::nested(Msg::csv_column_number, {std::to_string(c + 1)});
    const bool named = !names_[c].empty();
    const std::string label = named ? names_[c] : std::to_string(c + 1);
    switch (columns_[c].role) {
      case Role::ignored:
        return text::nested(named ? Msg::csv_column_named : Msg::csv_column_number, {label});
      case Role::item:
        return text::nested(named ? Msg::csv_column_named_item : Msg::csv_column_number_item,
                            {label, q_.items[columns_[c].item].id});
      case Role::respondent:
        return text::nested(named ? Msg::csv_column_named_respondent : Msg::csv_column_number_respondent,
                            {label});
      case Role::session:
        return text::nested(named ? Msg::csv_column_named_session : Msg::csv_column_number_session, {label});
      default:
        return text::nested(named ? Msg::csv_column_named_identifier : Msg::csv_column_number_identifier,
                            {label});
    }
  }

  // The problem of a row whose quote was taken as stray (CsvReader::stray),
  // located by the lines the field would have run across ("x.csv:2-1003",
  // as GNU's messages locate a range), no line number in the text itself,
  // so that io/part_reading can relocate it. Only a quote never closed can
  // be stray on a row of one line (the others are found at a line break).
  void add_stray_quote_problem(ResponseRecord& record) const {
    using text::Msg;
    const CsvReader::StrayQuote& s = csv_.stray();
    const bool lines = s.until_line > csv_.line();
    const std::string column = describe_column(s.column);
    text::Message message{Msg::csv_stray_unclosed_row, {column}};
    switch (s.why) {
      case CsvReader::Stray::unclosed:
        if (lines) message.id = Msg::csv_stray_unclosed;
        break;
      case CsvReader::Stray::too_long: message.id = Msg::csv_stray_too_long; break;
      case CsvReader::Stray::fields:
        message = {Msg::csv_stray_fields,
                   {column, std::to_string(s.fields), std::to_string(columns_.size())}};
        break;
      case CsvReader::Stray::line_break:
        if (s.break_column == s.column)
          message.id = Msg::csv_stray_line_break;
        else
          message = {Msg::csv_stray_line_break_in, {column, describe_column(s.break_column)}};
        break;
      case CsvReader::Stray::text_after_quote: message.id = Msg::csv_stray_text_after; break;
      case CsvReader::Stray::none: break;
    }
    add_problem_at(record, record.location + (lines ? "-" + std::to_string(s.until_line) : ""),
                   std::move(message));
  }

  void fill(ResponseRecord& record) {
    reset_record(q_, record);
    set_location(record, source_->name(), csv_.line());
    record.format = InputFormat::csv;  // TSV too
    record.lines = csv_.last_line() - csv_.line() + 1;
    if (csv_.text_problem()) [[unlikely]]
      add_problem_at(record, csv_.text_problem()->place, csv_.text_problem()->message);
    if (csv_.stray().why != CsvReader::Stray::none) add_stray_quote_problem(record);
    if (fields_.size() != columns_.size())
      add_problem(record, text::Msg::csv_field_count,
                  {std::to_string(columns_.size()), std::to_string(fields_.size())});
    const std::size_t n = std::min(fields_.size(), columns_.size());
    for (std::size_t c = 0; c < n; ++c) apply(c, fields_[c], record);
    check_identity(q_, record);
  }

  void apply(std::size_t c, std::string_view cell, ResponseRecord& record) {
    const Column& column = columns_[c];
    core::Response& r = record.response;
    switch (column.role) {
      case Role::item:
        if (cell.size() == 1 && cell[0] >= '0' && cell[0] <= '9' && !recode_all_) {  // the common case
          const double value = cell[0] - '0';
          if (value >= q_.scale.min && value <= q_.scale.max) {
            r.answers[column.item] = value;
            break;
          }
        }
        set_answer_text(q_, column.item, cell, record, answers_ ? &*answers_ : nullptr, names_[c]);
        break;
      case Role::respondent: r.respondent.assign(trim(cell)); break;
      case Role::form: r.form.assign(trim(cell)); break;
      case Role::date: r.date.assign(trim(cell)); break;
      case Role::language: r.language.assign(trim(cell)); break;
      case Role::questionnaire: r.questionnaire_id.assign(trim(cell)); break;
      case Role::version: r.questionnaire_version.assign(trim(cell)); break;
      case Role::session: set_session(trim(cell), record); break;
      case Role::ignored: break;
    }
  }

  void set_session(std::string_view cell, ResponseRecord& record) {
    if (is_missing_text(cell)) return;
    int session = 0;
    auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), session);
    if (ec != std::errc() || ptr != cell.data() + cell.size())
      add_problem(record, text::Msg::session_not_whole, {core::excerpt(cell, 40)});
    else
      record.response.session = session;
  }

  std::unique_ptr<ByteSource> source_;
  CsvReader csv_;
  const core::Questionnaire& q_;
  std::vector<std::string_view> fields_;
  std::vector<std::string> names_;  // the header's, trimmed
  std::vector<Column> columns_;
  std::vector<std::string> warnings_;
  int skipped_ = 0;                    // --skip-rows
  std::optional<AnswerText> answers_;  // none: answers are numbers only (the fast path)
  bool recode_all_ = false;            // --recode names a number: every cell is looked up
  std::vector<std::pair<std::size_t, std::vector<std::string>>> where_;  // column, folded values
  bool skip_unanswered_ = false;
  bool unfiltered_ = true;  // no --where, no skipping of unanswered rows
};

}  // namespace

std::unique_ptr<ResponseReader> make_csv_reader(std::unique_ptr<ByteSource> source, char delimiter,
                                                const core::Questionnaire& q, const ReaderOptions& options) {
  return std::make_unique<CsvResponseReader>(std::move(source), delimiter, q, options);
}

}  // namespace alliance::io
