#include "alliance/io/response_writer.hpp"

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "alliance/core/error.hpp"
#include "alliance/io/byte_source.hpp"
#include "alliance/io/env.hpp"
#include "alliance/io/files.hpp"
#include "alliance/io/response_reader.hpp"
#include "alliance/text/messages.hpp"
#include "json_fields.hpp"
#include "json_text.hpp"

namespace alliance::io {

using nlohmann::ordered_json;

namespace {

ordered_json answer_json(double value) {
  constexpr double kLargestExact = 9007199254740992.0;  // 2^53
  if (std::trunc(value) == value && std::fabs(value) < kLargestExact) return static_cast<std::int64_t>(value);
  return value;
}

std::string text_or_empty(const nlohmann::json& doc, const char* key) {
  auto found = doc.find(key);
  return found != doc.end() && found->is_string() ? found->get<std::string>() : "";
}

// `id`: resume_not_one_object or resume_no_response, about `path`.
[[noreturn]] void invalid(const std::filesystem::path& path, text::Msg id) {
  throw Error(ExitCode::invalid_input, text::Message{id, {path.string()}});
}

}  // namespace

const char* to_string(ResponseStatus status) {
  return status == ResponseStatus::complete ? "complete" : "in_progress";
}

std::string response_to_json(const core::Questionnaire& questionnaire, const ResponseDocument& doc) {
  const core::Response& r = doc.response;
  ordered_json out;
  out["format"] = "alliance-response/1";
  out["questionnaire"] = {{"id", questionnaire.id}, {"version", questionnaire.version}};
  out["respondent"] = r.respondent;
  out["form"] = core::to_string(questionnaire.form);
  if (r.session) out["session"] = *r.session;
  if (!r.date.empty()) out["date"] = r.date;
  if (!r.language.empty()) out["language"] = r.language;
  out["status"] = to_string(doc.status);
  if (!doc.started_at.empty()) out["started_at"] = doc.started_at;
  if (!doc.updated_at.empty()) out["updated_at"] = doc.updated_at;
  if (!doc.completed_at.empty()) out["completed_at"] = doc.completed_at;
  ordered_json answers = ordered_json::object();
  for (std::size_t i = 0; i < questionnaire.items.size(); ++i) {
    const bool settled = doc.settled.empty() || doc.settled[i];
    if (r.answers[i])
      answers[questionnaire.items[i].id] = answer_json(*r.answers[i]);
    else if (settled)
      answers[questionnaire.items[i].id] = nullptr;
  }
  out["answers"] = std::move(answers);
  return out.dump(2) + "\n";
}

ResponseDocument read_response_document(const core::Questionnaire& questionnaire,
                                        const std::filesystem::path& path) {
  return read_response_document(questionnaire, path, real_env());
}

ResponseDocument read_response_document(const core::Questionnaire& questionnaire,
                                        const std::filesystem::path& path, Env& env) {
  const std::string text = env.read_file(path);
  const ParsedJson parsed = parse_json_text(text);
  if (parsed.error)
    throw Error(ExitCode::invalid_input, [file = path.string(), e = *parsed.error](std::string_view lang) {
      if (!e.said) return format_json_error(file, e);
      const std::string place =
          file + ":" + std::to_string(e.position.line) + ":" + std::to_string(e.position.column);
      return text::say(lang, text::Msg::at_where, {place}) +
             text::say(lang, e.pointer.empty() ? *e.said : *e.said_at_pointer);
    });
  const nlohmann::json& doc = parsed.value;
  if (!doc.is_object()) invalid(path, text::Msg::resume_not_one_object);

  ReaderOptions options;
  options.format = InputFormat::json;
  std::unique_ptr<ResponseReader> reader = open_response_reader(
      std::make_unique<ByteSource>(ByteSource::InMemory{}, path.string(), text), questionnaire, options);
  ResponseRecord record;
  if (!reader->next(record)) invalid(path, text::Msg::resume_no_response);
  if (!record.valid()) {
    throw Error(ExitCode::invalid_input, [record](std::string_view lang) {
      std::string message;
      for (const std::string& problem : problem_texts(record, lang))
        message += (message.empty() ? "" : "\n") + problem;
      return message;
    });
  }

  ResponseDocument out;
  out.response = std::move(record.response);
  const std::string status = text_or_empty(doc, "status");
  if (status == "in_progress")
    out.status = ResponseStatus::in_progress;
  else if (status == "complete" || !doc.contains("status"))
    out.status = ResponseStatus::complete;
  else
    throw Error(ExitCode::invalid_input,
                [file = path.string(), got = said_json(doc.at("status"))](std::string_view lang) {
                  return text::say(lang, text::Msg::at_where, {file}) +
                         text::say(lang, text::Msg::json_expected_at,
                                   {"/status", text::nested(text::Msg::json_complete_or_in_progress), got});
                });
  out.started_at = text_or_empty(doc, "started_at");
  out.updated_at = text_or_empty(doc, "updated_at");
  out.completed_at = text_or_empty(doc, "completed_at");
  out.settled.assign(questionnaire.items.size(), false);
  const char* key = doc.contains("answers") ? "answers" : "responses";
  for (const auto& [item_id, value] : doc.at(key).items())
    if (auto item = questionnaire.find_item(item_id)) out.settled[*item] = true;
  return out;
}

}  // namespace alliance::io
