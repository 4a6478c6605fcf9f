// The response document written by `alliance administer`, and read back for --resume.
#include "alliance/io/response_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "../common/temp_dir.hpp"
#include "../core/fixtures.hpp"
#include "alliance/core/error.hpp"
#include "alliance/io/files.hpp"

namespace alliance::io {
namespace {

using alliance::testing::mini_questionnaire;

ResponseDocument in_progress() {
  ResponseDocument doc;
  doc.response.respondent = "P017";
  doc.response.session = 3;
  doc.response.date = "2026-11-24";
  doc.response.language = "fr";
  doc.response.answers = {4, std::nullopt, 3, std::nullopt, std::nullopt, std::nullopt};
  doc.settled = {true, true, true, false, false, false};
  doc.started_at = "2026-11-24T14:02:11Z";
  doc.updated_at = "2026-11-24T14:03:00Z";
  return doc;
}

std::filesystem::path temp_file(const std::string& name) {
  std::string dir = alliance::testing::own_temp_dir() + "/alliance-writer-XXXXXX";
  if (!::mkdtemp(dir.data())) throw std::runtime_error("mkdtemp failed");
  return std::filesystem::path(dir) / name;
}

TEST(ResponseWriter, WritesTheDocumentedLayout) {
  const core::Questionnaire q = mini_questionnaire();
  EXPECT_EQ(response_to_json(q, in_progress()),
            R"({
  "format": "alliance-response/1",
  "questionnaire": {
    "id": "mini",
    "version": "1.0.0"
  },
  "respondent": "P017",
  "form": "client",
  "session": 3,
  "date": "2026-11-24",
  "language": "fr",
  "status": "in_progress",
  "started_at": "2026-11-24T14:02:11Z",
  "updated_at": "2026-11-24T14:03:00Z",
  "answers": {
    "a1": 4,
    "a2": null,
    "a3": 3
  }
}
)");
  ResponseDocument complete = in_progress();
  complete.status = ResponseStatus::complete;
  complete.updated_at.clear();
  complete.completed_at = "2026-11-24T14:05:40Z";
  complete.settled.clear();
  const std::string text = response_to_json(q, complete);
  EXPECT_NE(
      text.find("\"status\": \"complete\",\n  \"started_at\": \"2026-11-24T14:02:11Z\",\n  \"completed_at\""),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("\"b3\": null\n"), std::string::npos) << text;
  complete.response.answers[0] = 7.3;  // a continuous scale's answer
  EXPECT_NE(response_to_json(q, complete).find("\"a1\": 7.3,"), std::string::npos);
}

TEST(ResponseWriter, ReadsBackWhatItWrote) {
  const core::Questionnaire q = mini_questionnaire();
  const std::filesystem::path file = temp_file("r.json");
  write_file_atomic(file, response_to_json(q, in_progress()), Overwrite::refuse);
  const ResponseDocument back = read_response_document(q, file);
  EXPECT_EQ(back.status, ResponseStatus::in_progress);
  EXPECT_EQ(back.response.respondent, "P017");
  EXPECT_EQ(back.response.session, 3);
  EXPECT_EQ(back.response.language, "fr");
  EXPECT_EQ(back.started_at, "2026-11-24T14:02:11Z");
  EXPECT_EQ(back.response.answers, in_progress().response.answers);
  EXPECT_EQ(back.settled, in_progress().settled);
  std::filesystem::remove_all(file.parent_path());
}

TEST(ResponseWriter, RefusesADocumentForAnotherQuestionnaireOrWithBadAnswers) {
  const core::Questionnaire q = mini_questionnaire();
  const std::filesystem::path file = temp_file("r.json");
  std::ofstream(file) << R"({"questionnaire": "gtb-12", "respondent": "P1", "answers": {"a1": 9}})";
  try {
    read_response_document(q, file);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::invalid_input);
    EXPECT_NE(std::string(e.what()).find("9"), std::string::npos) << e.what();
  }
  std::ofstream(file) << R"({"respondent": "P1", "status": "paused", "answers": {}})";
  EXPECT_THROW(read_response_document(q, file), Error);
  std::filesystem::remove_all(file.parent_path());
}

}  // namespace
}  // namespace alliance::io
