#include "answer_parsing.hpp"

#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"

namespace alliance::io {

void add_problem(ResponseRecord& record, const std::string& message) {
  record.problems.push_back(record.location + ": " + message);
}

void set_answer(const core::Questionnaire& q, std::size_t item, double value, ResponseRecord& record) {
  const core::AnswerProblem problem = core::check_answer(q, value);
  if (problem == core::AnswerProblem::none) {
    record.response.answers[item] = value;
    return;
  }
  add_problem(record, "item " + q.items[item].id + " = " + core::format_number(value) + " " +
                          core::describe(problem, q.scale));
}

void set_answer_text(const core::Questionnaire& q, std::size_t item, std::string_view text,
                     ResponseRecord& record) {
  text = trim(text);
  if (is_missing_text(text)) return;
  if (auto value = parse_number(text)) return set_answer(q, item, *value, record);
  add_problem(record, "item " + q.items[item].id + " = \"" + core::excerpt(text, 40) + "\" is not a number");
}

void check_identity(const core::Questionnaire& q, ResponseRecord& record) {
  const core::Response& r = record.response;
  if (!r.questionnaire_id.empty() && r.questionnaire_id != q.id)
    add_problem(record,
                "this response is for questionnaire \"" + r.questionnaire_id + "\", not \"" + q.id + "\"");
  if (!r.form.empty() && r.form != core::to_string(q.form))
    add_problem(record, "this response is a " + r.form + " form; " + q.id + " is the " +
                            core::to_string(q.form) + " form");
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
  record.location.clear();
  record.lines = 1;
}

void set_location(ResponseRecord& record, const std::string& name, long line) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, line).ptr;
  record.location.assign(name);
  record.location.push_back(':');
  record.location.append(digits, end);
}

}  // namespace alliance::io
