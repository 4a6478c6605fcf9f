#include "screens.hpp"

#include <algorithm>

#include "alliance/admin/messages.hpp"
#include "alliance/core/text.hpp"
#include "typography.hpp"

namespace alliance::admin {

namespace {

constexpr const char* kBold = "1";
constexpr const char* kReverse = "7";
constexpr std::size_t kMaxBar = 30;
constexpr std::size_t kMinBar = 10;
constexpr const char* kMarker = "  ▸ ";
constexpr const char* kNoMarker = "    ";

// What an item screen is made of, each part with how much it matters: 0 must
// be shown (the screen is complete only with all of them); the larger the
// number, the sooner the part is left out of a short window.
enum Priority : int {
  kMust = 0,
  kNotice = 1,  // the answer to the key just pressed
  kInstructions = 2,
  kTypedAhead = 3,  // keys typed before the screen was drawn were discarded
  kFirstHints = 4,
  kMoreHints = 5,
  kCurrentAnswer = 6,
  kTitle = 7,
  kBlank = 8,
};

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

std::string styled(const std::string& text, const char* code, bool colour) {
  return colour ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
}

std::vector<std::string> styled(std::vector<std::string> lines, const char* code, bool colour) {
  for (std::string& line : lines) line = styled(line, code, colour);
  return lines;
}

// `text` wrapped to the window, the first line after `first`, the others after
// as many spaces (a hanging indent).
std::vector<std::string> indented(const std::string& text, std::size_t columns, const std::string& first) {
  const std::size_t indent = core::display_width(first);
  const std::size_t room = columns > indent ? columns - indent : 1;
  std::vector<std::string> lines = wrap_words(text, room);
  for (std::size_t i = 0; i < lines.size(); ++i)
    lines[i] = (i == 0 ? first : std::string(indent, ' ')) + lines[i];
  return lines;
}

std::vector<std::string> wrapped(const std::string& text, std::size_t columns) {
  return wrap_words(text, std::max<std::size_t>(columns, 1));
}

// The rows a screen needs to show its sections up to `priority`.
std::size_t rows_needed(const std::vector<Section>& sections, int priority) {
  std::size_t rows = 0;
  for (const Section& section : sections)
    if (section.priority <= priority) rows += section.lines.size();
  return rows;
}

// "Question 5 of 12  ████░░░░ 4/12", without the bar when it does not fit.
std::vector<std::string> progress(const ScreenContext& context, const Session& session, std::size_t item) {
  const std::size_t n = session.size();
  const std::string head = fill(texts(context).question_of, {std::to_string(item + 1), std::to_string(n)});
  const std::size_t settled =
      static_cast<std::size_t>(std::count(session.settled().begin(), session.settled().end(), true));
  const std::string count = std::to_string(settled) + "/" + std::to_string(n);
  const std::size_t fixed = core::display_width(head) + 2 + 1 + count.size();
  if (context.columns < fixed + kMinBar) return wrapped(head, context.columns);
  const std::size_t bar =
      std::min(context.columns - fixed - 8 > kMinBar ? context.columns - fixed - 8 : kMinBar, kMaxBar);
  const std::size_t filled = (settled * bar + n / 2) / n;
  std::string line = head + "  ";
  for (std::size_t i = 0; i < bar; ++i) line += i < filled ? "█" : "░";
  return {line + " " + count};
}

std::vector<std::string> key_hints(const ScreenContext& context, const Session& session) {
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
  return pack_hints(parts, std::max<std::size_t>(context.columns, 1));
}

std::vector<std::string> scale_lines(const ScreenContext& context, const Session& session, std::size_t item,
                                     const std::string& typed) {
  const core::Scale& scale = definition(context).scale;
  const std::optional<double>& current = session.answers()[item];
  const std::string typed_line = fill(texts(context).typed, {typed + "_"});
  std::vector<std::string> lines;
  if (scale.kind == core::ScaleKind::integer) {
    for (int k = 0; k < scale.points(); ++k) {
      const double point = scale.min + k;
      const bool chosen = current && *current == point;
      const std::string first =
          std::string(chosen ? kMarker : kNoMarker) + number_text(point, context.lang) + "  ";
      const std::vector<std::string> label =
          indented(label_at(context, static_cast<std::size_t>(k)), context.columns, first);
      for (const std::string& line : label) lines.push_back(styled(line, kReverse, chosen && context.colour));
    }
    if (!one_key_scale(scale))
      for (const std::string& line : indented(typed_line, context.columns, kNoMarker)) lines.push_back(line);
    return lines;
  }
  for (std::size_t k = 0; k < 2; ++k) {
    const std::string first = kNoMarker + number_text(k == 0 ? scale.min : scale.max, context.lang) + " = ";
    for (const std::string& line : indented(label_at(context, k), context.columns, first))
      lines.push_back(line);
  }
  return lines;
}

// The sections of the screen of `item` (the session's own item, or another
// one, to size the window every item needs).
std::vector<Section> item_sections(const ScreenContext& context, const Session& session, std::size_t item,
                                   const std::string& typed, const std::string& notice, bool typed_ahead) {
  const core::Questionnaire& q = definition(context);
  const Messages& m = texts(context);
  std::vector<Section> out;
  const auto blank = [&out] { out.push_back({{""}, kBlank}); };
  out.push_back(
      {styled(wrapped(shown_text(context, q.title), context.columns), kBold, context.colour), kTitle});
  out.push_back({progress(context, session, item), kMust});
  blank();
  const std::string instructions = shown_text(context, q.instructions);
  if (item == 0 && !instructions.empty()) {
    out.push_back({wrapped(instructions, context.columns), kInstructions});
    blank();
  }
  out.push_back({styled(indented(shown_text(context, q.items[item].text), context.columns, "  "), kBold,
                        context.colour),
                 kMust});
  blank();
  out.push_back({scale_lines(context, session, item, typed), kMust});
  if (q.scale.kind == core::ScaleKind::continuous) {
    blank();
    out.push_back({indented(fill(m.typed, {typed + "_"}), context.columns, kNoMarker), kMust});
  }
  blank();
  if (session.settled()[item])
    out.push_back(
        {wrapped(fill(m.current_answer, {answer_text(context, session.answers()[item])}), context.columns),
         kCurrentAnswer});
  if (!notice.empty()) out.push_back({wrapped(notice, context.columns), kNotice});
  if (typed_ahead)
    out.push_back({wrapped(m.typed_ahead_item, context.columns), kTypedAhead,
                   wrapped(m.typed_ahead_short, context.columns)});
  const std::vector<std::string> hints = key_hints(context, session);
  for (std::size_t i = 0; i < hints.size(); ++i)
    out.push_back({{hints[i]}, i == 0 ? kFirstHints : kMoreHints});
  return out;
}

// The window every item screen fits in with its instructions and keys: the
// current width (at least kSuggestedColumns), and the rows the longest item needs.
TerminalSize item_window(const ScreenContext& context, const Session& session) {
  ScreenContext wide = context;
  wide.columns = std::max(context.columns, kSuggestedColumns);
  std::size_t rows = 0;
  for (std::size_t item = 0; item < session.size(); ++item)
    rows = std::max(rows, rows_needed(item_sections(wide, session, item, "", "", false), kMoreHints));
  return {wide.columns, rows};
}

// The review's rows as blocks of lines, the last one "Submit my answers".
// Each row is number, text, answer on one line, the text cut after a word;
// with `expand`, the cursor's row has its whole text. The answer is never cut:
// in a narrow window it goes on its own line under the text.
std::vector<std::vector<std::string>> review_blocks(const ScreenContext& context, const Session& session,
                                                    std::size_t cursor, bool expand) {
  constexpr std::size_t kNarrowestText = 12;
  const core::Questionnaire& q = definition(context);
  const std::size_t n = session.size();
  const std::size_t number_width = std::to_string(n).size();
  const std::size_t prefix = 4 + number_width + 2;
  const std::string pad(prefix, ' ');
  std::vector<std::string> answers;
  std::size_t answer_width = 0;
  for (std::size_t i = 0; i < n; ++i) {
    answers.push_back(answer_text(context, session.answers()[i]));
    answer_width = std::max(answer_width, core::display_width(answers.back()));
  }
  const std::size_t beside =
      context.columns > prefix + 2 + answer_width ? context.columns - prefix - 2 - answer_width : 0;
  const bool one_line = beside >= kNarrowestText;
  const std::size_t text_width =
      one_line ? beside : (context.columns > prefix ? context.columns - prefix : 1);
  std::vector<std::vector<std::string>> blocks;
  for (std::size_t i = 0; i < n; ++i) {
    const bool selected = i == cursor;
    const std::string number = std::to_string(i + 1) + ". ";
    const std::string head =
        (selected ? kMarker : kNoMarker) + std::string(number_width + 2 - number.size(), ' ') + number;
    const std::string text = shown_text(context, q.items[i].text);
    const std::vector<std::string> text_lines =
        selected && expand ? wrap_words(text, text_width)
                           : std::vector<std::string>{shorten_at_word(text, text_width)};
    std::vector<std::string> block;
    for (std::size_t j = 0; j < text_lines.size(); ++j) {
      if (j == 0 && one_line)
        block.push_back(head + core::pad_right(text_lines[j], text_width) + "  " + answers[i]);
      else
        block.push_back((j == 0 ? head : pad) + text_lines[j]);
    }
    if (!one_line)
      for (const std::string& line : wrap_words(answers[i], text_width)) block.push_back(pad + line);
    blocks.push_back(styled(std::move(block), kReverse, selected && context.colour));
  }
  const bool on_submit = cursor == n;
  blocks.push_back(
      styled(indented(texts(context).submit_row, context.columns, on_submit ? kMarker : kNoMarker),
             on_submit ? kReverse : kBold, context.colour));
  return blocks;
}

// Which rows are on screen: all of them when they fit in `room` lines, else
// whole rows around the cursor with a line left for each "more" mark needed.
std::pair<std::size_t, std::size_t> review_window(const std::vector<std::vector<std::string>>& blocks,
                                                  std::size_t cursor, std::size_t room) {
  std::size_t all = 0;
  for (const auto& block : blocks) all += block.size();
  if (all <= room) return {0, blocks.size()};
  std::size_t first = cursor;
  std::size_t end = cursor + 1;
  std::size_t used = blocks[cursor].size();
  const auto fits = [&](std::size_t f, std::size_t e, std::size_t u) {
    return u + (f > 0 ? 1 : 0) + (e < blocks.size() ? 1 : 0) <= room;
  };
  for (bool grew = true; grew;) {
    grew = false;
    if (end < blocks.size() && fits(first, end + 1, used + blocks[end].size())) {
      used += blocks[end++].size();
      grew = true;
    }
    if (first > 0 && fits(first - 1, end, used + blocks[first - 1].size())) {
      used += blocks[--first].size();
      grew = true;
    }
  }
  return {first, end};
}

}  // namespace

std::optional<std::vector<std::string>> lay_out(const std::vector<Section>& sections, std::size_t rows) {
  std::vector<std::size_t> order(sections.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return sections[a].priority < sections[b].priority; });
  std::vector<const std::vector<std::string>*> kept(sections.size(), nullptr);
  std::size_t used = 0;
  for (std::size_t i : order) {
    const Section& section = sections[i];
    if (used + section.lines.size() <= rows)
      kept[i] = &section.lines;
    else if (!section.shorter.empty() && used + section.shorter.size() <= rows)
      kept[i] = &section.shorter;
    else if (section.priority == kMust)
      return std::nullopt;
    if (kept[i]) used += kept[i]->size();
  }
  std::vector<std::string> lines;
  for (const std::vector<std::string>* shown : kept)
    if (shown) lines.insert(lines.end(), shown->begin(), shown->end());
  return lines;
}

std::vector<std::string> too_small_screen(const ScreenContext& context, TerminalSize suggested,
                                          bool offer_plain) {
  const Messages& m = texts(context);
  const std::string columns = std::to_string(suggested.columns);
  const std::string rows = std::to_string(suggested.rows);
  const std::vector<std::string> quit = wrapped(m.quit_key, context.columns);
  // The whole message, else a shorter one, with "q to stop" under it (after a blank line where it fits).
  const std::vector<const char*> forms =
      offer_plain ? std::vector<const char*>{m.terminal_too_small_plain, m.terminal_too_small_plain_short,
                                             m.terminal_too_small_short}
                  : std::vector<const char*>{m.terminal_too_small, m.terminal_too_small_short};
  std::vector<std::string> lines;
  for (const char* message : forms) {
    lines = wrapped(fill(message, {columns, rows}), context.columns);
    for (bool blank : {true, false}) {
      if (lines.size() + blank + quit.size() > context.rows) continue;
      if (blank) lines.emplace_back();
      lines.insert(lines.end(), quit.begin(), quit.end());
      return lines;
    }
  }
  if (lines.size() > context.rows) lines.resize(context.rows);  // the short message, as much as fits
  return lines;
}

bool one_key_scale(const core::Scale& scale) {
  return scale.kind == core::ScaleKind::integer && scale.min >= 0 && scale.max <= 9;
}

std::string number_text(double value, const std::string& lang) {
  return text::decimal(lang, core::format_number(value));
}

std::string shown_text(const ScreenContext& context, const core::LocalizedText& text) {
  const std::string& picked = core::pick_text(text, context.lang);
  return context.lang == "fr" ? french_apostrophes(picked) : picked;
}

std::string label_at(const ScreenContext& context, std::size_t k) {
  const std::vector<std::string>* labels = scale_labels(context);
  if (!labels || k >= labels->size()) return "";
  return context.lang == "fr" ? french_apostrophes((*labels)[k]) : (*labels)[k];
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

std::optional<int> digit_of(std::string_view key, bool minus_sign) {
  if (key.size() == 1 && key[0] >= '0' && key[0] <= '9') return key[0] - '0';
  // The unshifted digit row of AZERTY keyboards, 1 to 9 then 0: PC, then the
  // keys where the Mac and Belgian layouts differ (§ for 6, ! for 8).
  static const std::vector<std::pair<std::string_view, int>> kAzerty = {
      {"&", 1}, {"é", 2}, {"\"", 3}, {"'", 4}, {"(", 5}, {"-", 6},
      {"è", 7}, {"_", 8}, {"ç", 9},  {"à", 0}, {"§", 6}, {"!", 8}};
  if (key == "-" && minus_sign) return std::nullopt;
  for (const auto& [text, digit] : kAzerty)
    if (key == text) return digit;
  return std::nullopt;
}

Screen item_screen(const ScreenContext& context, const Session& session, const std::string& typed,
                   const std::string& notice, bool typed_ahead) {
  std::optional<std::vector<std::string>> lines;
  if (context.columns >= kMinColumns)
    lines =
        lay_out(item_sections(context, session, session.item(), typed, notice, typed_ahead), context.rows);
  if (lines) return {std::move(*lines), true};
  return {too_small_screen(context, item_window(context, session)), false};
}

ReviewScreen review_screen(const ScreenContext& context, const Session& session, std::size_t cursor,
                           const std::string& typed, const std::string& notice, bool typed_ahead) {
  const Messages& m = texts(context);
  const core::Questionnaire& q = definition(context);
  std::vector<std::vector<std::string>> blocks;
  std::size_t all = 0;
  std::size_t list_min = 0;
  // The cursor's row with its whole text, or on one line when that does not fit.
  for (bool expand : {true, false}) {
    blocks = review_blocks(context, session, cursor, expand);
    all = 0;
    for (const auto& block : blocks) all += block.size();
    list_min = std::min(all, blocks[cursor].size() + 2);
    if (context.rows >= 1 + list_min) break;
  }
  ReviewScreen out;
  if (context.columns < kMinColumns || context.rows < 1 + list_min) {
    ScreenContext wide = context;
    wide.columns = std::max(context.columns, kSuggestedColumns);
    std::size_t rows = 2;
    for (const auto& block : review_blocks(wide, session, cursor, true)) rows += block.size();
    out.lines = too_small_screen(context, {wide.columns, rows});
    out.complete = false;
    return out;
  }
  // What else fits, most useful first: what was typed and why a key was
  // refused, the first line of keys, more rows, the other keys, the title, space.
  std::size_t budget = context.rows - 1 - list_min;
  const auto take = [&budget](std::size_t lines) {
    if (lines > budget) return false;
    budget -= lines;
    return true;
  };
  std::vector<std::string> feedback;
  if (!typed.empty()) feedback = indented(fill(m.typed_item, {typed + "_"}), context.columns, kNoMarker);
  if (!notice.empty())
    for (std::string& line : wrapped(notice, context.columns)) feedback.push_back(std::move(line));
  const std::vector<std::string> hints = pack_hints(split_lines(m.review_keys), context.columns);
  const bool show_feedback = !feedback.empty() && take(feedback.size());
  const bool show_hint = take(1);
  const std::size_t extra = std::min(all - list_min, budget);
  budget -= extra;
  // The sign of keys discarded: never in place of a row, so the rows seen are those a screen without it
  // shows.
  std::vector<std::string> sign;
  if (typed_ahead) {
    for (const char* form : {m.typed_ahead_screen, m.typed_ahead_short}) {
      std::vector<std::string> lines = wrapped(form, context.columns);
      if (take(lines.size())) {
        sign = std::move(lines);
        break;
      }
    }
  }
  const bool show_more_hints = show_hint && take(hints.size() - 1);
  const bool show_title = take(1);
  const bool space_above = take(1);
  const bool space_below = (show_feedback || show_hint || !sign.empty()) && take(1);

  const auto [first, end] = review_window(blocks, cursor, list_min + extra);
  if (show_title)
    out.lines.push_back(
        styled(shorten_at_word(shown_text(context, q.title), context.columns), kBold, context.colour));
  out.lines.push_back(styled(shorten_at_word(m.review_title, context.columns), kBold, context.colour));
  if (space_above) out.lines.emplace_back();
  if (first > 0)
    out.lines.push_back(shorten_at_word(fill(m.more_above, {std::to_string(first)}), context.columns));
  for (std::size_t row = first; row < end; ++row)
    out.lines.insert(out.lines.end(), blocks[row].begin(), blocks[row].end());
  if (end < blocks.size())
    out.lines.push_back(
        shorten_at_word(fill(m.more_below, {std::to_string(blocks.size() - end)}), context.columns));
  if (space_below) out.lines.emplace_back();
  if (show_feedback) out.lines.insert(out.lines.end(), feedback.begin(), feedback.end());
  out.lines.insert(out.lines.end(), sign.begin(), sign.end());
  if (show_hint)
    out.lines.insert(out.lines.end(), hints.begin(), show_more_hints ? hints.end() : hints.begin() + 1);
  out.first = first;
  out.end = end;
  return out;
}

std::vector<std::string> help_screen(const ScreenContext& context, bool review) {
  const Messages& m = texts(context);
  const core::Scale& scale = definition(context).scale;
  const std::string range =
      fill(m.answer_range, {number_text(scale.min, context.lang), number_text(scale.max, context.lang)});
  const std::vector<std::string> entries =
      split_lines(review ? std::string(m.review_help_lines) : fill(m.help_lines, {range}));
  std::size_t key_column = 0;
  for (const std::string& entry : entries)
    if (entry.find('\t') != std::string::npos)
      key_column = std::max(key_column, core::display_width(entry.substr(0, entry.find('\t'))) + 2);
  key_column = std::min(key_column, context.columns / 3);
  std::vector<std::string> lines{styled(m.help_title, kBold, context.colour), ""};
  std::vector<std::size_t> ends;  // where each entry ends: a short window shows whole entries
  for (const std::string& entry : entries) {
    ends.push_back(lines.size());
    const std::size_t tab = entry.find('\t');
    if (tab == std::string::npos) {
      lines.emplace_back();
      for (std::string& line : wrapped(entry, context.columns)) lines.push_back(std::move(line));
      continue;
    }
    const std::string key = entry.substr(0, tab);
    const std::size_t room = context.columns > key_column + 3 ? context.columns - key_column - 2 : 1;
    std::vector<std::string> meaning = wrap_words(entry.substr(tab + 1), room);
    if (core::display_width(key) + 2 > key_column) {  // a long key on its own line
      lines.push_back("  " + key);
      for (const std::string& line : meaning) lines.push_back("  " + std::string(key_column, ' ') + line);
      continue;
    }
    for (std::size_t i = 0; i < meaning.size(); ++i)
      lines.push_back("  " + core::pad_right(i == 0 ? key : "", key_column) + meaning[i]);
  }
  // "Press any key" stays when the window is short: the keys are cut from the bottom above it.
  const std::vector<std::string> last = wrapped(m.any_key, context.columns);
  const std::size_t room = context.rows > last.size() ? context.rows - last.size() : 0;
  if (lines.size() + 1 > room) {
    std::size_t keep = room;
    for (std::size_t end : ends)
      if (end <= room && end > 2) keep = end;  // whole entries, when one at least fits
    lines.resize(keep);
  } else {
    lines.emplace_back();
  }
  lines.insert(lines.end(), last.begin(), last.end());
  if (lines.size() > context.rows) lines.resize(context.rows);
  return lines;
}

std::vector<std::string> text_screen(const ScreenContext& context, const std::string& text) {
  std::vector<std::string> lines;
  const std::vector<std::string> paragraphs = split_lines(text);
  for (std::size_t i = 0; i < paragraphs.size(); ++i)
    for (std::string& line : wrapped(paragraphs[i], context.columns))
      lines.push_back(i == 0 ? styled(line, kBold, context.colour) : std::move(line));
  if (lines.size() > context.rows) lines.resize(context.rows);
  return lines;
}

std::vector<std::string> with_typed_ahead(const ScreenContext& context, std::vector<std::string> lines) {
  const Messages& m = texts(context);
  for (const char* form : {m.typed_ahead_screen, m.typed_ahead_short}) {
    const std::vector<std::string> sign = wrapped(form, context.columns);
    for (bool blank : {true, false}) {
      if (lines.size() + blank + sign.size() > context.rows) continue;
      if (blank) lines.emplace_back();
      lines.insert(lines.end(), sign.begin(), sign.end());
      return lines;
    }
  }
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

}  // namespace alliance::admin
