// CSV and TSV responses: one row per response, a header naming the columns.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "answer_parsing.hpp"
#include "csv_reader.hpp"
#include "response_readers.hpp"

namespace alliance::io {

namespace {

enum class Role { ignored, item, respondent, session, form, date, language, questionnaire, version };

struct Column {
  Role role = Role::ignored;
  std::size_t item = 0;
};

// Lower case without separators, so "Respondent ID", "respondent_id" and
// "RespondentId" are one name.
std::string normalised(std::string_view name) {
  std::string out;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Identifier columns recognised by name, including the names REDCap,
// Qualtrics and LimeSurvey exports use.
Role identifier_role(std::string_view name) {
  static const std::vector<std::pair<const char*, Role>> kNames = {{"respondent", Role::respondent},
                                                                   {"respondentid", Role::respondent},
                                                                   {"participant", Role::respondent},
                                                                   {"participantid", Role::respondent},
                                                                   {"subject", Role::respondent},
                                                                   {"subjectid", Role::respondent},
                                                                   {"client", Role::respondent},
                                                                   {"clientid", Role::respondent},
                                                                   {"patient", Role::respondent},
                                                                   {"patientid", Role::respondent},
                                                                   {"recordid", Role::respondent},
                                                                   {"responseid", Role::respondent},
                                                                   {"id", Role::respondent},
                                                                   {"session", Role::session},
                                                                   {"sessionnumber", Role::session},
                                                                   {"sessionno", Role::session},
                                                                   {"visit", Role::session},
                                                                   {"form", Role::form},
                                                                   {"date", Role::date},
                                                                   {"sessiondate", Role::date},
                                                                   {"recordeddate", Role::date},
                                                                   {"submitdate", Role::date},
                                                                   {"language", Role::language},
                                                                   {"lang", Role::language},
                                                                   {"userlanguage", Role::language},
                                                                   {"startlanguage", Role::language},
                                                                   {"questionnaire", Role::questionnaire},
                                                                   {"questionnaireversion", Role::version}};
  const std::string key = normalised(name);
  for (const auto& [known, role] : kNames)
    if (key == known) return role;
  return Role::ignored;
}

// The item a column names under `pattern` ("wai_{id}"), if any.
std::optional<std::size_t> item_for(const core::Questionnaire& q, std::string_view column,
                                    std::string_view pattern) {
  const std::size_t hole = pattern.find("{id}");
  if (hole == std::string_view::npos) return std::nullopt;
  const std::string_view prefix = pattern.substr(0, hole);
  const std::string_view suffix = pattern.substr(hole + 4);
  if (column.size() <= prefix.size() + suffix.size() || !column.starts_with(prefix) ||
      !column.ends_with(suffix))
    return std::nullopt;
  const std::string id(column.substr(prefix.size(), column.size() - prefix.size() - suffix.size()));
  return q.find_item(id);
}

class CsvResponseReader final : public ResponseReader {
 public:
  CsvResponseReader(std::unique_ptr<ByteSource> source, char delimiter, const core::Questionnaire& q,
                    const ColumnMapping& mapping)
      : source_(std::move(source)), csv_(*source_, delimiter), q_(q) {
    read_header(mapping);
  }

  bool next(ResponseRecord& record) override {
    while (csv_.next(fields_)) {
      if (fields_.size() == 1 && trim(fields_[0]).empty()) continue;  // blank line
      if (skip_ > 0) {
        --skip_;
        continue;
      }
      fill(record);
      return true;
    }
    return false;
  }

  std::vector<std::string> warnings() const override { return warnings_; }

  std::optional<std::uint64_t> splittable_size() const override { return source_->regular_file_size(); }
  void stop_at(std::uint64_t offset) override { source_->stop_at(offset); }
  std::optional<ReadPosition> position() const override {
    if (skip_ > 0) return std::nullopt;
    return ReadPosition{source_->offset(), csv_.next_line()};
  }
  void resume_after(std::uint64_t offset) override {
    source_->seek_line_start(offset);
    csv_.set_next_line(1);
    skip_ = 0;  // the rows to skip follow the header, in the first part
  }

 private:
  std::string where(long line) const { return source_->name() + ":" + std::to_string(line); }

  void read_header(const ColumnMapping& mapping) {
    if (!csv_.next(fields_))
      throw Error(ExitCode::invalid_input, source_->name() + ": empty input, expected a header row");
    if (!csv_.text_problem().empty()) throw Error(ExitCode::invalid_input, csv_.text_problem());
    header_.assign(fields_.begin(), fields_.end());
    skip_ = mapping.skip_rows;
    const std::string pattern = mapping.pattern.empty() ? detect_pattern() : mapping.pattern;
    if (!mapping.pattern.empty() && mapping.pattern.find("{id}") == std::string::npos)
      throw Error(ExitCode::usage, "--columns '" + mapping.pattern + "' must contain {id}, as in 'wai_{id}'");
    columns_.assign(header_.size(), Column{});
    std::vector<bool> mapped(q_.items.size(), false);
    for (std::size_t c = 0; c < header_.size(); ++c) {
      const std::string name(trim(header_[c]));
      Column& column = columns_[c];
      if (auto explicit_item = mapping.columns.find(name); explicit_item != mapping.columns.end()) {
        auto item = q_.find_item(explicit_item->second);
        if (!item)
          throw Error(ExitCode::usage, "--map " + name + "=" + explicit_item->second + ": " + q_.id +
                                           " has no item \"" + explicit_item->second + "\"");
        column = {Role::item, *item};
      } else if (name == mapping.respondent_column && !name.empty()) {
        column.role = Role::respondent;
      } else if (name == mapping.session_column && !name.empty()) {
        column.role = Role::session;
      } else if (auto item = item_for(q_, name, pattern)) {
        column = {Role::item, *item};
      } else {
        column.role = identifier_role(name);
      }
      if (column.role == Role::item) {
        if (mapped[column.item])
          throw Error(ExitCode::invalid_input, where(csv_.line()) + ": two columns hold item " +
                                                   q_.items[column.item].id + " (the second is \"" + name +
                                                   "\")");
        mapped[column.item] = true;
      }
    }
    keep_first_identifier_columns();
    check_mapping(mapped, pattern);
  }

  // With several candidate columns for one identifier ("id" and "respondent"),
  // the first wins; the rest are ignored.
  void keep_first_identifier_columns() {
    std::vector<Role> seen;
    for (Column& column : columns_) {
      if (column.role == Role::item || column.role == Role::ignored) continue;
      if (std::find(seen.begin(), seen.end(), column.role) != seen.end())
        column.role = Role::ignored;
      else
        seen.push_back(column.role);
    }
  }

  void check_mapping(const std::vector<bool>& mapped, const std::string& pattern) {
    const auto count = std::count(mapped.begin(), mapped.end(), true);
    if (count == 0)
      throw Error(ExitCode::invalid_input,
                  where(csv_.line()) + ": no column holds an item of " + q_.id +
                      " (item columns are named by " +
                      (pattern.empty() ? std::string("the item id") : "'" + pattern + "'") +
                      "; use --columns 'PATTERN' with {id}, or --map COLUMN=ITEM)");
    for (std::size_t i = 0; i < mapped.size(); ++i)
      if (!mapped[i])
        warnings_.push_back(where(csv_.line()) + ": no column for item " + q_.items[i].id +
                            ": it is unanswered in every row");
  }

  std::string detect_pattern() const {
    static const std::vector<std::string> kPatterns = {"{id}",      "i{id}", "item{id}",
                                                       "item_{id}", "q{id}", "Q{id}"};
    std::string best = "{id}";
    long best_count = 0;
    for (const std::string& pattern : kPatterns) {
      long count = 0;
      for (const std::string& name : header_)
        if (item_for(q_, trim(name), pattern)) ++count;
      if (count > best_count) {
        best = pattern;
        best_count = count;
      }
    }
    return best;
  }

  void fill(ResponseRecord& record) {
    reset_record(q_, record);
    set_location(record, source_->name(), csv_.line());
    if (!csv_.text_problem().empty()) record.problems.push_back(csv_.text_problem());
    if (csv_.unterminated_quote())
      add_problem(record, "a quoted field is not closed before the end of input");
    if (fields_.size() != columns_.size())
      add_problem(record, "expected " + std::to_string(columns_.size()) + " fields as in the header, got " +
                              std::to_string(fields_.size()));
    const std::size_t n = std::min(fields_.size(), columns_.size());
    for (std::size_t c = 0; c < n; ++c) apply(columns_[c], fields_[c], record);
    check_identity(q_, record);
  }

  void apply(const Column& column, std::string_view cell, ResponseRecord& record) {
    core::Response& r = record.response;
    switch (column.role) {
      case Role::item:
        if (cell.size() == 1 && cell[0] >= '0' && cell[0] <= '9') {  // the common case: one digit
          const double value = cell[0] - '0';
          if (value >= q_.scale.min && value <= q_.scale.max) {
            r.answers[column.item] = value;
            break;
          }
        }
        set_answer_text(q_, column.item, cell, record);
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
      add_problem(record,
                  "session \"" + std::string(core::utf8_prefix(cell, 40)) + "\" is not a whole number");
    else
      record.response.session = session;
  }

  std::unique_ptr<ByteSource> source_;
  CsvReader csv_;
  const core::Questionnaire& q_;
  std::vector<std::string_view> fields_;
  std::vector<std::string> header_;
  std::vector<Column> columns_;
  std::vector<std::string> warnings_;
  int skip_ = 0;
};

}  // namespace

std::unique_ptr<ResponseReader> make_csv_reader(std::unique_ptr<ByteSource> source, char delimiter,
                                                const core::Questionnaire& q, const ColumnMapping& mapping) {
  return std::make_unique<CsvResponseReader>(std::move(source), delimiter, q, mapping);
}

}  // namespace alliance::io
