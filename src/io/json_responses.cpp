// Response documents (docs/response-format.md): one JSON document (an object,
// or an array of objects), or NDJSON with one object per line.
#include <cstdint>

#include <nlohmann/json.hpp>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/json_locations.hpp"
#include "alliance/text/messages.hpp"
#include "answer_parsing.hpp"
#include "flat_response.hpp"
#include "item_index.hpp"
#include "json_fields.hpp"
#include "json_text.hpp"
#include "response_readers.hpp"

namespace alliance::io {

using nlohmann::json;

namespace {

using text::Msg;

// Only the duplicate keys: an NDJSON line's messages are located by the line.
const LocateOptions kNoPositions = {0, 20};

const std::vector<std::string> kResponseKeys = {
    "$schema",    "format",       "questionnaire", "respondent",      "id",        "form",
    "session",    "date",         "language",      "answers",         "responses", "status",
    "started_at", "completed_at", "updated_at",    "administered_by", "notes"};

std::string text_member(const json& doc, const char* key, ResponseRecord& record, const std::string& where) {
  auto found = doc.find(key);
  if (found == doc.end() || found->is_null()) return "";
  if (found->is_string()) return found->get<std::string>();
  if (found->is_number_integer() && std::string(key) != "date") return found->dump();  // numeric ids
  add_problem(record, Msg::json_expected_at,
              {where + "/" + key, text::nested(Msg::json_a_string), said_json(*found)});
  return "";
}

void read_questionnaire(const json& doc, ResponseRecord& record, const std::string& where) {
  auto found = doc.find("questionnaire");
  if (found == doc.end() || found->is_null()) return;
  if (found->is_string()) {
    record.response.questionnaire_id = found->get<std::string>();
    return;
  }
  if (!found->is_object()) {
    add_problem(record, Msg::json_expected_at,
                {where + "/questionnaire", "{\"id\": …, \"version\": …}", said_json(*found)});
    return;
  }
  static const std::vector<std::string> kKeys = {"id", "version"};
  for (const auto& [key, value] : found->items())
    if (!key.starts_with("x-") && std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end())
      add_problem(record, Msg::json_unknown_key_at,
                  {where + "/questionnaire/" + pointer_token(key), key, said_did_you_mean(key, kKeys)});
  if (!found->contains("id")) add_problem(record, Msg::resp_missing_questionnaire_id, {where});
  record.response.questionnaire_id = text_member(*found, "id", record, where + "/questionnaire");
  record.response.questionnaire_version = text_member(*found, "version", record, where + "/questionnaire");
}

// Keys the scorer does not use (administration metadata) are still checked,
// so a malformed document is reported instead of passed along.
void check_metadata(const json& doc, ResponseRecord& record, const std::string& where) {
  for (const char* key : {"started_at", "completed_at", "updated_at", "administered_by", "notes"}) {
    auto found = doc.find(key);
    if (found != doc.end() && !found->is_null() && !found->is_string())
      add_problem(record, Msg::json_expected_at,
                  {where + "/" + key, text::nested(Msg::json_a_string), said_json(*found)});
  }
  auto status = doc.find("status");
  if (status != doc.end() && !status->is_null() && *status != "complete" && *status != "in_progress")
    add_problem(record, Msg::json_expected_at,
                {where + "/status", text::nested(Msg::json_complete_or_in_progress), said_json(*status)});
}

void read_session(const json& doc, ResponseRecord& record, const std::string& where) {
  auto found = doc.find("session");
  if (found == doc.end() || found->is_null()) return;
  if (const std::optional<int> session = int_value(*found))
    record.response.session = session;
  else
    add_problem(record, Msg::json_expected_at, {where + "/session", expected_int(*found), said_json(*found)});
}

// Two names for one field ("id" for "respondent", "responses" for "answers")
// in one response: which one was meant cannot be told, as with a repeated key.
void check_synonyms(const json& doc, ResponseRecord& record, const std::string& where) {
  if (doc.contains("respondent") && doc.contains("id"))
    add_problem(record, Msg::resp_id_and_respondent, {where});
  if (doc.contains("answers") && doc.contains("responses"))
    add_problem(record, Msg::resp_responses_and_answers, {where});
}

void read_answers(const core::Questionnaire& q, const ItemIndex& index, const json& doc,
                  ResponseRecord& record, const std::string& where) {
  const char* key = doc.contains("answers") ? "answers" : "responses";
  auto found = doc.find(key);
  if (found == doc.end()) {
    add_problem(record, Msg::resp_missing_answers, {where});
    return;
  }
  if (!found->is_object()) {
    add_problem(record, Msg::json_expected_at,
                {where + "/" + key, text::nested(Msg::json_answers_object), said_json(*found)});
    return;
  }
  for (const auto& [item_id, value] : found->items()) {
    auto item = index.find(item_id);
    if (!item) {
      std::vector<std::string> ids;
      for (const core::Item& it : q.items) ids.push_back(it.id);
      add_problem(
          record, Msg::resp_unknown_item,
          {where + "/" + key + "/" + pointer_token(item_id), item_id, q.id, said_did_you_mean(item_id, ids)});
      continue;
    }
    if (value.is_null()) continue;
    if (value.is_number())
      set_answer(q, *item, value.get<double>(), record);
    else
      add_problem(record, Msg::resp_not_a_number, {item_id, said_json(value)});
  }
}

// Fills `record` from one response object; `where` prefixes JSON paths in messages.
void read_response(const core::Questionnaire& q, const ItemIndex& index, const json& doc,
                   ResponseRecord& record, const std::string& where) {
  if (!doc.is_object()) {
    if (where.empty())
      add_problem(record, Msg::json_expected, {text::nested(Msg::json_a_response_object), said_json(doc)});
    else
      add_problem(record, Msg::json_expected_at,
                  {where, text::nested(Msg::json_a_response_object), said_json(doc)});
    return;
  }
  for (const auto& [key, value] : doc.items())
    if (!key.starts_with("x-") &&
        std::find(kResponseKeys.begin(), kResponseKeys.end(), key) == kResponseKeys.end())
      add_problem(record, Msg::json_unknown_key_at,
                  {where + "/" + pointer_token(key), key, said_did_you_mean(key, kResponseKeys)});
  if (auto format = doc.find("format"); format != doc.end() && *format != "alliance-response/1")
    add_problem(record, Msg::json_expected_at,
                {where + "/format", "\"alliance-response/1\"", said_json(*format)});
  check_synonyms(doc, record, where);
  read_questionnaire(doc, record, where);
  record.response.respondent =
      text_member(doc, doc.contains("respondent") ? "respondent" : "id", record, where);
  record.response.form = text_member(doc, "form", record, where);
  record.response.date = text_member(doc, "date", record, where);
  record.response.language = text_member(doc, "language", record, where);
  read_session(doc, record, where);
  check_metadata(doc, record, where);
  read_answers(q, index, doc, record, where);
  check_identity(q, record);
}

// One message per duplicate key of `locations` in `part`: of a JSON document
// named `document` ("file:line:col"), or, when `document` is "", of the NDJSON
// line at record.location ("file:line" then the column in the line).
void duplicate_problems(const JsonLocations& locations, std::size_t part, const std::string& document,
                        ResponseRecord& record) {
  for (const DuplicateKey& dup : locations.duplicates) {
    if (dup.part != part) continue;
    const std::string at =
        document.empty() ? record.location : document + ":" + std::to_string(dup.second.line);
    text::Message message =
        document.empty()
            ? text::Message{Msg::json_duplicate_key_column, {dup.pointer, std::to_string(dup.first.column)}}
            : text::Message{Msg::json_duplicate_key_line,
                            {dup.pointer, std::to_string(dup.first.line), std::to_string(dup.first.column)}};
    add_problem_at(record, at + ":" + std::to_string(dup.second.column), std::move(message));
  }
  if (auto more = locations.more_duplicates.find(part); more != locations.more_duplicates.end())
    add_problem(record, Msg::json_more_duplicate_keys, {std::to_string(more->second)});
}

}  // namespace

void read_json_line(const core::Questionnaire& q, const ItemIndex& items, std::string_view line,
                    ResponseRecord& record) {
  const ParsedJson parsed = parse_json_text(line);
  if (parsed.error) {
    const JsonError& e = *parsed.error;
    const std::string place = record.location + ":" + std::to_string(e.position.column);
    if (e.said)  // in the user's language where it is printed (problem_texts)
      record.said.push_back(
          {record.problems.size(), place, e.pointer.empty() ? *e.said : *e.said_at_pointer});
    record.problems.push_back(place + ": " + (e.pointer.empty() ? "" : e.pointer + ": ") + e.message);
    return;
  }
  if (parsed.duplicate_keys) duplicate_problems(locate_json_values(line, kNoPositions), 0, "", record);
  read_response(q, items, parsed.value, record, "");
}

namespace {

class NdjsonReader final : public ResponseReader {
 public:
  NdjsonReader(std::unique_ptr<ByteSource> source, const core::Questionnaire& q)
      : source_(std::move(source)), q_(q), index_(q) {}

  bool next(ResponseRecord& record) override {
    std::string_view line;
    while (next_line(line)) {
      if (trim(line).empty() || trim(line) == "\r") continue;
      reset_record(q_, record);
      set_location(record, source_->name(), line_number_);
      record.format = InputFormat::ndjson;
      if (!source_->all_text(line.size())) [[unlikely]] {  // nlohmann's message would not say where
        TextProblem problem = *source_->text_problem(line.size(), line_number_);
        add_problem_at(record, std::move(problem.place), std::move(problem.message));
        return true;
      }
      if (read_flat_response(q_, index_, line, record)) return true;
      reset_record(q_, record);  // not the common shape: the full reader, exact messages
      set_location(record, source_->name(), line_number_);
      record.format = InputFormat::ndjson;
      read_json_line(q_, index_, line, record);
      return true;
    }
    return false;
  }

  std::optional<std::uint64_t> splittable_size() const override { return source_->regular_file_size(); }
  void stop_at(std::uint64_t offset) override { source_->stop_at(offset); }
  std::optional<ReadPosition> position() const override {
    return ReadPosition{source_->offset() + pending_, line_number_ + 1};
  }
  void resume_after(std::uint64_t offset) override {
    source_->seek_line_start(offset);
    pending_ = 0;
    line_number_ = 0;
  }

 private:
  bool next_line(std::string_view& line) {
    if (pending_ > 0) source_->consume(pending_);
    pending_ = 0;
    if (source_->at_stop()) return false;
    while (true) {
      const std::string_view text = source_->available();
      const std::size_t nl = text.find('\n');
      if (nl != std::string_view::npos) {
        line = text.substr(0, nl);
        pending_ = nl + 1;
        ++line_number_;
        return true;
      }
      if (!source_->fill()) {
        if (source_->available().empty()) return false;
        line = source_->available();
        pending_ = line.size();
        ++line_number_;
        return true;
      }
    }
  }

  std::unique_ptr<ByteSource> source_;
  const core::Questionnaire& q_;
  const ItemIndex index_;
  std::size_t pending_ = 0;
  long line_number_ = 0;
};

class JsonDocumentReader final : public ResponseReader {
 public:
  JsonDocumentReader(std::unique_ptr<ByteSource> source, const core::Questionnaire& q)
      : q_(q), items_(q), name_(source->name()) {
    while (source->fill()) {
    }
    text_.assign(source->available());
    if (!source->all_text(text_.size())) {
      TextProblem problem = *source->text_problem(text_.size(), 1);
      error_ = problem.english();
      error_said_ = SaidProblem{0, std::move(problem.place), std::move(problem.message)};
      return;
    }
    ParsedJson parsed = parse_json_text(text_);
    if (parsed.error) {
      if (blank_json_text(text_)) {
        parsed.error->message =
            empty_input_message(name_) + ": expected a JSON object (a response) or an array of them";
        parsed.error->said =
            text::Message{name_ == "<stdin>" ? Msg::resp_empty_stdin : Msg::resp_empty_file, {}};
      }
      const JsonError& e = *parsed.error;
      error_ = format_json_error(name_, e);
      if (e.said)
        error_said_ = SaidProblem{
            0, name_ + ":" + std::to_string(e.position.line) + ":" + std::to_string(e.position.column),
            e.pointer.empty() ? *e.said : *e.said_at_pointer};
      return;
    }
    doc_ = std::move(parsed.value);
    // Each record's line (depth 1: the elements of an array) and every duplicate key.
    LocateOptions options;
    options.record_depth = 1;
    locations_ = locate_json_values(text_, options);
  }

  bool next(ResponseRecord& record) override {
    if (!error_.empty()) {
      if (done_) return false;
      done_ = true;
      reset_record(q_, record);
      record.location = name_;
      if (error_said_) record.said.push_back(*error_said_);
      record.problems.push_back(error_);
      return true;
    }
    const bool array = doc_.is_array();
    if (done_ || (array && index_ >= doc_.size())) return false;
    reset_record(q_, record);
    record.format = InputFormat::json;
    if (array) {
      const std::string pointer = "/" + std::to_string(index_);
      locate(record, pointer);
      duplicate_problems(locations_, index_, name_, record);
      read_response(q_, items_, doc_[index_], record, pointer);
      ++index_;
    } else {
      done_ = true;
      locate(record, "");
      duplicate_problems(locations_, 0, name_, record);
      read_response(q_, items_, doc_, record, "");
    }
    return true;
  }

 private:
  void locate(ResponseRecord& record, const std::string& pointer) {
    const TextPosition pos = locations_.find(pointer);
    record.location = name_ + ":" + std::to_string(pos.line);
  }

  const core::Questionnaire& q_;
  const ItemIndex items_;
  std::string name_;
  std::string text_;
  json doc_;
  std::string error_;
  std::optional<SaidProblem> error_said_;  // error_, from the catalogue
  JsonLocations locations_;
  std::size_t index_ = 0;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<ResponseReader> make_ndjson_reader(std::unique_ptr<ByteSource> source,
                                                   const core::Questionnaire& q) {
  return std::make_unique<NdjsonReader>(std::move(source), q);
}

std::unique_ptr<ResponseReader> make_json_reader(std::unique_ptr<ByteSource> source,
                                                 const core::Questionnaire& q) {
  return std::make_unique<JsonDocumentReader>(std::move(source), q);
}

}  // namespace alliance::io
