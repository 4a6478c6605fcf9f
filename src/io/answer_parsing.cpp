#include "answer_parsing.hpp"

#include <charconv>
#include <cstring>

#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::io {

void add_problem(ResponseRecord& record, const std::string& message) {
  record.problems.push_back(record.location + ": " + message);
}

void add_problem(ResponseRecord& record, text::Msg id, std::vector<std::string> args) {
  SaidProblem said{record.problems.size(), record.location, text::Message{id, std::move(args)}};
  record.problems.push_back(record.location + ": " + text::say("en", said.message));
  record.said.push_back(std::move(said));
}

void add_problem_at(ResponseRecord& record, std::string place, text::Message message) {
  SaidProblem said{record.problems.size(), std::move(place), std::move(message)};
  record.problems.push_back(said.place + ": " + text::say("en", said.message));
  record.said.push_back(std::move(said));
}

std::vector<std::string> problem_texts(const ResponseRecord& record, std::string_view lang) {
  std::vector<std::string> out = record.problems;
  if (!text::is_french(lang)) return out;
  for (const SaidProblem& said : record.said)
    if (said.index < out.size())
      out[said.index] = text::say(lang, text::Msg::at_where, {said.place}) + text::say(lang, said.message);
  return out;
}

namespace {

text::Msg answer_message(core::AnswerProblem problem, const core::Scale& scale) {
  switch (problem) {
    case core::AnswerProblem::not_a_scale_point:
      return scale.kind == core::ScaleKind::continuous ? text::Msg::answer_not_a_step
                                                       : text::Msg::answer_not_a_point;
    case core::AnswerProblem::not_finite: return text::Msg::answer_not_finite;
    default: return text::Msg::answer_outside;
  }
}

}  // namespace

void set_answer(const core::Questionnaire& q, std::size_t item, double value, ResponseRecord& record) {
  const core::AnswerProblem problem = core::check_answer(q, value);
  if (problem == core::AnswerProblem::none) {
    record.response.answers[item] = value;
    return;
  }
  add_problem(record, answer_message(problem, q.scale),
              {q.items[item].id, core::format_number(value), core::format_number(q.scale.min),
               core::format_number(q.scale.max), core::format_number(q.scale.precision)});
}

void set_answer_text(const core::Questionnaire& q, std::size_t item, std::string_view text,
                     ResponseRecord& record, const AnswerText* answers, std::string_view column) {
  text = trim(text);
  if (answers == nullptr) {
    if (is_missing_text(text)) return;
    if (auto value = parse_number(text)) return set_answer(q, item, *value, record);
    add_problem(record, text::Msg::answer_not_a_number, {q.items[item].id, core::excerpt(text, 40)});
    return;
  }
  const AnswerText::Result result = answers->read(text);
  switch (result.kind) {
    case AnswerText::Result::Kind::missing: return;
    case AnswerText::Result::Kind::number: return set_answer(q, item, result.value, record);
    case AnswerText::Result::Kind::unmatched: break;
  }
  if (!answers->has_words()) {
    add_problem(record, text::Msg::answer_not_a_number, {q.items[item].id, core::excerpt(text, 40)});
    return;
  }
  std::vector<std::string> args{q.items[item].id,
                                std::string(column),
                                core::excerpt(text, 40),
                                core::format_number(q.scale.min),
                                core::format_number(q.scale.max),
                                answers->words()};
  if (result.suggestion.empty()) return add_problem(record, text::Msg::answer_unmatched, std::move(args));
  args.push_back(result.suggestion);
  add_problem(record, text::Msg::answer_unmatched_close, std::move(args));
}

void check_identity(const core::Questionnaire& q, ResponseRecord& record) {
  const core::Response& r = record.response;
  if (!r.questionnaire_id.empty() && r.questionnaire_id != q.id)
    add_problem(record, text::Msg::response_other_questionnaire, {r.questionnaire_id, q.id});
  if (!r.form.empty() && r.form != core::to_string(q.form))
    add_problem(record, text::Msg::response_other_form, {r.form, q.id, core::to_string(q.form)});
}

void reset_record(const core::Questionnaire& q, ResponseRecord& record) {
  core::Response& r = record.response;
  r.questionnaire_id.clear();
  r.questionnaire_version.clear();
  r.respondent.clear();
  r.form.clear();
  r.session.reset();
  r.date.clear();
  r.language.clear();
  r.answers.assign(q.items.size(), std::nullopt);
  record.problems.clear();
  record.said.clear();
  record.location.clear();
  record.lines = 1;
}

void set_location(ResponseRecord& record, const std::string& name, long line) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, line).ptr;
  const auto length = static_cast<std::size_t>(end - digits);
  // One resize and two copies: every row of a batch pays for this, and
  // assign, push_back and append each check and copy again.
  std::string& location = record.location;
  location.resize(name.size() + 1 + length);
  char* at = location.data();
  std::memcpy(at, name.data(), name.size());
  at[name.size()] = ':';
  std::memcpy(at + name.size() + 1, digits, length);
}

}  // namespace alliance::io
