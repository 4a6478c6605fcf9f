// Answers written as text: a response option's label ("Often", "souvent"),
// a survey tool's code ("A4") or a number with a decimal comma ("7,5"). The
// one place every reader turns a cell that is not a plain number into an
// answer: the CSV reader calls it for each item cell, and any other reader
// (SPSS or Stata value labels) can do the same with its string cells.
//
// Matching: a cell and a label are compared folded (fold_answer_text: case,
// accents and surrounding or doubled white space do not count), in every
// language the definition labels its scale in. A code of --recode is folded
// the same way. A number is read first, then a label, so a plain numeric
// file never pays for the labels; with recoding, the codes come first (a
// tool may code "1" for the point 5). docs/data-sources.md states the rules.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "alliance/core/questionnaire.hpp"

namespace alliance::io {

// How a batch's answers may be written, beside plain numbers.
struct AnswerTextOptions {
  // Codes (or labels) as written → the answer: a number, or "" for a missing
  // answer ("Don't know" = missing). From --recode 'A1=1,A2=2'.
  std::vector<std::pair<std::string, std::string>> recode;
  // "A1", "A2"… are the first, second… point of the scale (LimeSurvey's
  // default answer codes), up to the number of points ("A6" on a 5-point
  // scale matches nothing): this prefix, or "" for none. --recode wins.
  std::string numbered_codes;
  // "4,5" is 4.5 (a CSV from French Excel; on with a ';' delimiter).
  bool decimal_comma = false;
};

// Parses --recode's text: comma-separated CODE=VALUE pairs ("A1=1,A2=2";
// a code holding a comma or '=' is quoted with double quotes: '"1, never"=1').
// Throws Error(usage) naming the pair that is not CODE=VALUE.
std::vector<std::pair<std::string, std::string>> parse_recode(const std::string& text);

// The key a text is compared under: NFKC, case-folded, accents (combining
// marks) removed, white space trimmed and each run of it one space.
// "  Très  SOUVENT " and "tres souvent" fold alike.
std::string fold_answer_text(std::string_view text);

class AnswerText {
 public:
  // The answers `q` accepts as text. Throws Error(usage) when a --recode
  // value is not a number nor empty/NA, or two codes that fold alike give
  // different answers. A recoded value outside the scale is reported on
  // each cell that uses it, as a number given there would be. `q` must
  // outlive this object (it is read at each cell), hence no temporary.
  AnswerText(const core::Questionnaire& q, AnswerTextOptions options);
  AnswerText(core::Questionnaire&& q, AnswerTextOptions options) = delete;

  struct Result {
    enum class Kind { number, missing, unmatched } kind = Kind::unmatched;
    double value = 0;        // Kind::number
    std::string suggestion;  // Kind::unmatched: the closest label or code, as written, or ""
  };
  // What `cell` (already trimmed, not a missing-answer marker unless
  // recoded) stands for.
  Result read(std::string_view cell) const;

  // True when a cell must go through read() even when it is a plain number
  // (--recode names a code that is one, e.g. "1=5").
  bool recodes_numbers() const { return recodes_numbers_; }
  bool decimal_comma() const { return options_.decimal_comma; }
  // Whether any label or code is known (else only numbers are read).
  bool has_words() const { return !keys_.empty() || !options_.numbered_codes.empty(); }

  // The words a cell may hold beside a number, for a message, in no one
  // language: the labels per language, then the codes ("Never, Rarely,
  // Sometimes, Often, Always; Jamais, …; A1…A5").
  std::string words() const;

 private:
  std::optional<double> numbered(std::string_view folded) const;

  const core::Questionnaire* q_;
  AnswerTextOptions options_;
  std::map<std::string, std::optional<double>> keys_;  // folded → answer (nullopt: missing)
  std::vector<std::string> shown_;                     // labels and codes as written, for suggestions
  std::vector<std::string> folded_shown_;              // the same, folded
  std::vector<std::string> label_list_;                // one entry per language: "Never, Rarely, …"
  std::vector<std::string> codes_;                     // --recode's codes as written
  bool recodes_numbers_ = false;
};

}  // namespace alliance::io
