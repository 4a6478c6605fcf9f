#include "screens.hpp"

#include <algorithm>

#include "alliance/admin/messages.hpp"
#include "alliance/core/text.hpp"

namespace alliance::admin {

namespace {

constexpr const char* kBold = "1";
constexpr const char* kReverse = "7";
constexpr std::size_t kMaxBar = 30;
constexpr std::size_t kMinBar = 10;

const Messages& texts(const ScreenContext& context) {
  return messages(context.lang);
}
const core::Questionnaire& definition(const ScreenContext& context) {
  return *context.questionnaire;
}

const std::vector<std::string>* scale_labels(const ScreenContext& context) {
  const auto& labels = definition(context).scale.labels;
  for (const std::string& lang : {context.lang, std::string("en"), std::string("fr")}) {
    auto found = labels.find(lang);
    if (found != labels.end()) return &found->second;
  }
  return labels.empty() ? nullptr : &labels.begin()->second;
}

std::string label_at(const ScreenContext& context, std::size_t k) {
  const std::vector<std::string>* labels = scale_labels(context);
  return labels && k < labels->size() ? (*labels)[k] : "";
}

std::string number_text(double value, const std::string& lang) {
  std::string out = core::format_number(value);
  if (lang == "fr") std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

std::string styled(const std::string& text, const char* code, bool colour) {
  return colour ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
}

// `text` cut to `width` display columns, with "…" when something was cut.
std::string truncate(const std::string& text, std::size_t width) {
  if (core::display_width(text) <= width) return text;
  std::string out;
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool starts_character = (byte & 0xC0) != 0x80;
    if (starts_character && columns + 1 >= width) break;
    if (starts_character) ++columns;
    out += text[i];
  }
  return out + "…";
}

void add_wrapped(std::vector<std::string>& lines, const std::string& text, std::size_t width,
                 const std::string& indent = "") {
  const std::size_t room = width > indent.size() + 1 ? width - indent.size() : 1;
  for (const std::string& paragraph_line : core::wrap(text, room))
    lines.push_back(indent + truncate(paragraph_line, room));
}

std::string progress(const ScreenContext& context, const Session& session) {
  const std::size_t n = session.size();
  const std::string head =
      fill(texts(context).question_of, {std::to_string(session.item() + 1), std::to_string(n)});
  const std::size_t settled =
      static_cast<std::size_t>(std::count(session.settled().begin(), session.settled().end(), true));
  const std::size_t room =
      context.columns > core::display_width(head) + 10 ? context.columns - core::display_width(head) - 10 : 0;
  const std::size_t bar = std::clamp(room, kMinBar, kMaxBar);
  const std::size_t filled = (settled * bar + n / 2) / n;
  std::string line = head + "  ";
  for (std::size_t i = 0; i < bar; ++i) line += i < filled ? "█" : "░";
  line += " " + std::to_string(settled) + "/" + std::to_string(n);
  return truncate(line, context.columns);
}

std::string key_hints(const ScreenContext& context, const Session& session) {
  const Messages& m = texts(context);
  const core::Scale& scale = definition(context).scale;
  std::vector<std::string> parts;
  const std::string low = number_text(scale.min, context.lang);
  const std::string high = number_text(scale.max, context.lang);
  parts.push_back(fill(one_key_scale(scale) ? m.answer_keys : m.answer_number, {low, high}));
  if (session.settled()[session.item()]) parts.emplace_back(m.keep_key);
  if (session.item() > 0 || session.changing()) parts.emplace_back(m.back_key);
  if (session.can_skip()) parts.emplace_back(m.skip_key);
  parts.emplace_back(m.help_key);
  parts.emplace_back(m.quit_key);
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

void add_scale(std::vector<std::string>& lines, const ScreenContext& context, const Session& session,
               const std::string& typed) {
  const core::Scale& scale = definition(context).scale;
  const std::optional<double>& current = session.answers()[session.item()];
  if (scale.kind == core::ScaleKind::integer) {
    for (int k = 0; k < scale.points(); ++k) {
      const double point = scale.min + k;
      const bool chosen = current && *current == point;
      const std::string line = std::string(chosen ? "  ▸ " : "    ") + number_text(point, context.lang) +
                               "  " + label_at(context, static_cast<std::size_t>(k));
      lines.push_back(styled(truncate(line, context.columns), kReverse, chosen && context.colour));
    }
    if (!one_key_scale(scale)) lines.push_back("    " + fill(texts(context).typed, {typed + "_"}));
    return;
  }
  lines.push_back(truncate("    " + number_text(scale.min, context.lang) + " = " + label_at(context, 0),
                           context.columns));
  lines.push_back(truncate("    " + number_text(scale.max, context.lang) + " = " + label_at(context, 1),
                           context.columns));
  lines.emplace_back();
  lines.push_back("    " + fill(texts(context).typed, {typed + "_"}));
}

// Drops blank lines, from the bottom of the body up, until `lines` fit the window.
void fit(std::vector<std::string>& lines, std::size_t rows, std::size_t footer) {
  for (std::size_t i = lines.size() - std::min(lines.size(), footer); lines.size() > rows && i-- > 1;)
    if (lines[i].empty()) lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
  if (lines.size() > rows)
    lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(lines.size() - rows));
}

std::string review_row(const ScreenContext& context, const Session& session, std::size_t i, bool selected) {
  const core::Questionnaire& q = definition(context);
  const std::string number = std::to_string(i + 1) + ". ";
  const std::string answer = answer_text(context, session.answers()[i]);
  const std::size_t answer_width = std::min<std::size_t>(24, context.columns / 3);
  const std::size_t prefix = 4 + std::to_string(session.size()).size() + 2;
  const std::size_t text_width =
      context.columns > prefix + answer_width + 2 ? context.columns - prefix - answer_width - 2 : 1;
  std::string line = selected ? "  ▸ " : "    ";
  line += std::string(std::to_string(session.size()).size() + 2 - number.size(), ' ') + number;
  line += core::pad_right(truncate(core::pick_text(q.items[i].text, context.lang), text_width), text_width) +
          "  ";
  line += truncate(answer, answer_width);
  return styled(line, kReverse, selected && context.colour);
}

}  // namespace

bool one_key_scale(const core::Scale& scale) {
  return scale.kind == core::ScaleKind::integer && scale.min >= 0 && scale.max <= 9;
}

std::string answer_text(const ScreenContext& context, const std::optional<double>& answer) {
  if (!answer) return texts(context).no_answer;
  const core::Scale& scale = definition(context).scale;
  std::string out = number_text(*answer, context.lang);
  if (scale.kind == core::ScaleKind::integer) {
    const std::string label = label_at(context, static_cast<std::size_t>(*answer - scale.min));
    if (!label.empty()) out += " " + label;
  }
  return out;
}

std::vector<std::string> item_screen(const ScreenContext& context, const Session& session,
                                     const std::string& typed, const std::string& notice) {
  const core::Questionnaire& q = definition(context);
  const Messages& m = texts(context);
  std::vector<std::string> lines;
  lines.push_back(
      styled(truncate(core::pick_text(q.title, context.lang), context.columns), kBold, context.colour));
  lines.push_back(progress(context, session));
  lines.emplace_back();
  const std::string& instructions = core::pick_text(q.instructions, context.lang);
  if (session.item() == 0 && !instructions.empty()) {
    add_wrapped(lines, instructions, context.columns);
    lines.emplace_back();
  }
  std::vector<std::string> text;
  add_wrapped(text, core::pick_text(q.items[session.item()].text, context.lang), context.columns, "  ");
  for (const std::string& line : text) lines.push_back(styled(line, kBold, context.colour));
  lines.emplace_back();
  add_scale(lines, context, session, typed);
  lines.emplace_back();
  std::vector<std::string> footer;
  if (session.settled()[session.item()])
    footer.push_back(fill(m.current_answer, {answer_text(context, session.answers()[session.item()])}));
  if (!notice.empty()) add_wrapped(footer, notice, context.columns);
  add_wrapped(footer, key_hints(context, session), context.columns);
  lines.insert(lines.end(), footer.begin(), footer.end());
  fit(lines, context.rows, footer.size());
  return lines;
}

std::vector<std::string> review_screen(const ScreenContext& context, const Session& session,
                                       std::size_t cursor, const std::string& typed,
                                       const std::string& notice) {
  const core::Questionnaire& q = definition(context);
  const Messages& m = texts(context);
  std::vector<std::string> lines;
  lines.push_back(
      styled(truncate(core::pick_text(q.title, context.lang), context.columns), kBold, context.colour));
  lines.push_back(styled(truncate(m.review_title, context.columns), kBold, context.colour));
  lines.emplace_back();
  std::vector<std::string> footer;
  footer.emplace_back();
  if (!typed.empty()) footer.push_back("    " + fill(m.typed, {typed + "_"}));
  if (!notice.empty()) add_wrapped(footer, notice, context.columns);
  add_wrapped(footer, m.review_keys, context.columns);
  // Rows: every item, then "submit"; a window of them around the cursor when they do not all fit.
  const std::size_t total_rows = session.size() + 1;
  const std::size_t used = lines.size() + footer.size();
  const std::size_t room = context.rows > used + 1 ? context.rows - used : 1;
  std::size_t first = 0;
  if (total_rows > room) first = std::min(cursor > room / 2 ? cursor - room / 2 : 0, total_rows - room);
  for (std::size_t row = first; row < total_rows && row < first + room; ++row) {
    if (row < session.size()) {
      lines.push_back(review_row(context, session, row, row == cursor));
    } else {
      const std::string submit = std::string(row == cursor ? "  ▸ " : "    ") + m.submit_row;
      lines.push_back(
          styled(truncate(submit, context.columns), row == cursor ? kReverse : kBold, context.colour));
    }
  }
  lines.insert(lines.end(), footer.begin(), footer.end());
  return lines;
}

std::vector<std::string> help_screen(const ScreenContext& context) {
  const Messages& m = texts(context);
  const core::Scale& scale = definition(context).scale;
  const std::string range =
      fill(m.answer_range, {number_text(scale.min, context.lang), number_text(scale.max, context.lang)});
  std::vector<std::string> lines;
  lines.push_back(styled(m.help_title, kBold, context.colour));
  lines.emplace_back();
  constexpr std::size_t kKeyColumn = 14;
  std::string help = fill(m.help_lines, {range});
  std::size_t start = 0;
  while (start <= help.size()) {
    const std::size_t end = std::min(help.find('\n', start), help.size());
    const std::string line = help.substr(start, end - start);
    start = end + 1;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      lines.emplace_back();
      add_wrapped(lines, line, context.columns);
      continue;
    }
    std::vector<std::string> meaning;
    add_wrapped(meaning, line.substr(tab + 1),
                context.columns > kKeyColumn + 12 ? context.columns - kKeyColumn - 2 : 10);
    for (std::size_t i = 0; i < meaning.size(); ++i)
      lines.push_back("  " + core::pad_right(i == 0 ? line.substr(0, tab) : "", kKeyColumn) + meaning[i]);
  }
  lines.emplace_back();
  add_wrapped(lines, m.any_key, context.columns);
  fit(lines, context.rows, 1);
  return lines;
}

std::string frame(const std::vector<std::string>& lines) {
  std::string out = "\x1b[H";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    out += "\x1b[K";
    if (i + 1 < lines.size()) out += "\r\n";
  }
  out += "\x1b[J";
  return out;
}

std::string item_prompt(const ScreenContext& context, const Session& session) {
  const core::Questionnaire& q = definition(context);
  const core::Scale& scale = q.scale;
  const Messages& m = texts(context);
  std::string out =
      "\n" + fill(m.question_of, {std::to_string(session.item() + 1), std::to_string(session.size())}) + "\n";
  const std::string& instructions = core::pick_text(q.instructions, context.lang);
  if (session.item() == 0 && !instructions.empty()) out += instructions + "\n";
  out += core::pick_text(q.items[session.item()].text, context.lang) + "\n";
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
  const core::Questionnaire& q = definition(context);
  const Messages& m = texts(context);
  std::string out = "\n" + std::string(m.review_title) + "\n";
  for (std::size_t i = 0; i < session.size(); ++i)
    out += std::to_string(i + 1) + ". " + core::pick_text(q.items[i].text, context.lang) + " — " +
           answer_text(context, session.answers()[i]) + "\n";
  out += m.line_review;
  return out;
}

std::string line_help(const ScreenContext& context) {
  return std::string(texts(context).line_help) + "\n";
}

std::string scores_text(const ScreenContext& context, const core::ScoreSheet& sheet) {
  const core::Questionnaire& q = definition(context);
  const Messages& m = texts(context);
  struct Row {
    std::string name;
    const core::ScaleScore* score;
    const std::optional<core::Bands>* bands;
  };
  std::vector<Row> rows;
  for (std::size_t s = 0; s < q.subscales.size(); ++s)
    rows.push_back(
        {core::pick_text(q.subscales[s].title, context.lang), &sheet.subscales[s], &q.subscales[s].bands});
  if (q.total.present) {
    const std::string& title = core::pick_text(q.total.title, context.lang);
    rows.push_back({title.empty() ? m.total : title, &sheet.total, &q.total.bands});
  }
  std::size_t width = 0;
  for (const Row& row : rows) width = std::max(width, core::display_width(row.name));
  std::string out = std::string(m.scores_title) + " — " + core::pick_text(q.title, context.lang) + "\n";
  for (const Row& row : rows) {
    out += "  " + core::pad_right(row.name, width) + "  ";
    if (!row.score->value) {
      out += std::string(m.insufficient) + "\n";
      continue;
    }
    out += core::format_fixed(*row.score->value, 2);
    if (row.score->band && *row.bands) {
      const core::Band& band = (*row.bands)->ranges[*row.score->band];
      out += "  " + core::pick_text(band.label, context.lang) + (band.concern ? " (!)" : "");
    }
    out += "\n";
  }
  return out;
}

}  // namespace alliance::admin
