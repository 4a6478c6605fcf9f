// The texts of line mode (plain and scripted) and the scores shown at the end:
// plain text, no escape codes (screens.hpp declares them).
#include <algorithm>

#include "alliance/admin/messages.hpp"
#include "alliance/core/text.hpp"
#include "screens.hpp"
#include "typography.hpp"

namespace alliance::admin {

std::string item_prompt(const ScreenContext& context, const Session& session) {
  const core::Questionnaire& q = *context.questionnaire;
  const core::Scale& scale = q.scale;
  const Messages& m = messages(context.lang);
  std::string out =
      "\n" + fill(m.question_of, {std::to_string(session.item() + 1), std::to_string(session.size())}) + "\n";
  const std::string instructions = shown_text(context, q.instructions);
  if (session.item() == 0 && !instructions.empty()) out += instructions + "\n";
  out += shown_text(context, q.items[session.item()].text) + "\n";
  std::string options;
  if (scale.kind == core::ScaleKind::integer) {
    for (int k = 0; k < scale.points(); ++k)
      options += (k ? ", " : "") + number_text(scale.min + k, context.lang) + " = " +
                 label_at(context, static_cast<std::size_t>(k));
  } else {
    options = number_text(scale.min, context.lang) + " = " + label_at(context, 0) + " … " +
              number_text(scale.max, context.lang) + " = " + label_at(context, 1);
  }
  out += options + "\n";
  if (session.settled()[session.item()])
    out += fill(m.current_answer, {answer_text(context, session.answers()[session.item()])}) + "\n";
  out += fill(m.line_prompt, {number_text(scale.min, context.lang), number_text(scale.max, context.lang)});
  return out;
}

std::string review_list(const ScreenContext& context, const Session& session) {
  const core::Questionnaire& q = *context.questionnaire;
  const Messages& m = messages(context.lang);
  std::string out = "\n" + std::string(m.review_title) + "\n";
  for (std::size_t i = 0; i < session.size(); ++i)
    out += std::to_string(i + 1) + ". " + shown_text(context, q.items[i].text) + " — " +
           answer_text(context, session.answers()[i]) + "\n";
  out += m.line_review;
  return out;
}

std::string line_help(const ScreenContext& context, bool review) {
  const Messages& m = messages(context.lang);
  return std::string(review ? m.line_review_help : m.line_help) + "\n";
}

std::string scores_text(const ScreenContext& context, const core::ScoreSheet& sheet, std::size_t width) {
  const core::Questionnaire& q = *context.questionnaire;
  const Messages& m = messages(context.lang);
  struct Row {
    std::string name;
    const core::ScaleScore* score;
    const std::optional<core::Bands>* bands;
    core::ScoreRange range;
    const char* parts;  // "{1} of {2} items" or "... subscales"
  };
  std::vector<Row> rows;
  const core::ScoreRanges ranges = core::score_ranges(q);
  for (std::size_t s = 0; s < q.subscales.size(); ++s)
    rows.push_back({shown_text(context, q.subscales[s].title), &sheet.subscales[s], &q.subscales[s].bands,
                    ranges.subscales[s], m.score_items});
  if (q.total.present) {
    const std::string title = shown_text(context, q.total.title);
    rows.push_back({title.empty() ? m.total : title, &sheet.total, &q.total.bands, ranges.total,
                    q.total.of == core::TotalOf::subscales ? m.score_subscales : m.score_items});
  }
  // Columns: name, score ("—" when insufficient), range, what it rests on, then band or "insufficient".
  struct Cells {
    std::string name, value, range, parts, note;
  };
  std::vector<Cells> cells;
  for (const Row& row : rows) {
    Cells c;
    c.name = row.name;
    c.value = "—";
    if (row.score->value) {
      c.value = text::decimal(context.lang, core::format_fixed(*row.score->value, 2));
    }
    c.range = "(" + number_text(row.range.low, context.lang) + "–" +
              number_text(row.range.high, context.lang) + ")";
    c.parts = fill(row.parts, {std::to_string(row.score->answered),
                               std::to_string(row.score->answered + row.score->missing)});
    if (!row.score->value) {
      c.note = m.insufficient;
    } else if (row.score->band && *row.bands) {
      const core::Band& band = (*row.bands)->ranges[*row.score->band];
      c.note = shown_text(context, band.label) + (band.concern ? " (!)" : "");
    }
    cells.push_back(std::move(c));
  }
  std::size_t widths[4] = {0, 0, 0, 0};
  for (const Cells& c : cells) {
    widths[0] = std::max(widths[0], core::display_width(c.name));
    widths[1] = std::max(widths[1], core::display_width(c.value));
    widths[2] = std::max(widths[2], core::display_width(c.range));
    widths[3] = std::max(widths[3], core::display_width(c.parts));
  }
  const std::string title = std::string(m.scores_title) + " — " + shown_text(context, q.title);
  std::string out;
  for (const std::string& line : width > 0 ? wrap_words(title, width) : std::vector<std::string>{title})
    out += line + "\n";
  std::vector<std::string> table;
  bool fits = true;
  for (const Cells& c : cells) {
    std::string line = "  " + core::pad_right(c.name, widths[0]) + "  " +
                       core::pad_right(c.value, widths[1]) + "  " + core::pad_right(c.range, widths[2]) +
                       "  " + core::pad_right(c.parts, widths[3]);
    if (!c.note.empty()) line += "  " + c.note;
    table.push_back(line.substr(0, line.find_last_not_of(' ') + 1));
    fits = fits && (width == 0 || core::display_width(table.back()) <= width);
  }
  if (fits) {
    for (const std::string& line : table) out += line + "\n";
    return out;
  }
  // Too narrow for the table: name, score and range on a line (the columns
  // kept when they fit), what the score rests on and its band under it.
  const std::size_t head_width = 2 + widths[0] + 2 + widths[1] + 2 + widths[2];
  const auto indented = [&out](const std::string& text, std::size_t indent, std::size_t room) {
    for (const std::string& line : wrap_words(text, std::max<std::size_t>(room, 1)))
      out += std::string(indent, ' ') + line + "\n";
  };
  for (const Cells& c : cells) {
    if (head_width <= width) {
      const std::string head = "  " + core::pad_right(c.name, widths[0]) + "  " +
                               core::pad_right(c.value, widths[1]) + "  " + c.range;
      out += head + "\n";
    } else {
      indented(c.name + " " + c.value + " " + c.range, 2, width > 2 ? width - 2 : 1);
    }
    indented(c.parts, 4, width > 4 ? width - 4 : 1);
    std::string note = c.note;  // "Faible (!)": the mark stays with its band
    if (note.ends_with(" (!)")) note.replace(note.size() - 4, 1, "\u00a0");
    if (!note.empty()) indented(note, 4, width > 4 ? width - 4 : 1);
  }
  return out;
}

}  // namespace alliance::admin
