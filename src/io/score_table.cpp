#include "score_table.hpp"

#include "alliance/core/text.hpp"
#include "alliance/io/text_table.hpp"
#include "alliance/text/messages.hpp"
#include "output_buffer.hpp"

namespace alliance::io {

namespace {

constexpr const char* kRed = "\x1b[31m";
constexpr const char* kDim = "\x1b[2m";

// A cell's text, and the colour it is shown in (none when empty).
struct Cell {
  std::string text;
  const char* colour = "";
};

class TableWriter final : public ResultWriter {
 public:
  TableWriter(const core::Questionnaire& q, const WriterOptions& o, std::FILE* out)
      : q_(q), options_(o), m_(text::messages(o.language)), out_(out) {}

  void write(const ResponseRecord& record, const core::ScoreSheet& sheet) override {
    std::vector<Cell> row;
    row.push_back({record.response.respondent.empty() ? record.location : record.response.respondent, ""});
    row.push_back({record.response.session ? std::to_string(*record.response.session) : kMissingCell, ""});
    any_session_ = any_session_ || record.response.session.has_value();
    const bool valid = record.valid();
    bool complete = valid;
    for (std::size_t s = 0; s < q_.subscales.size(); ++s) {
      row.push_back(cell(sheet.subscales[s], q_.subscales[s].bands, valid));
      complete = complete && sheet.subscales[s].status == core::Status::ok;
    }
    if (q_.total.present) {
      row.push_back(cell(sheet.total, q_.total.bands, valid));
      complete = complete && sheet.total.status == core::Status::ok;
    }
    rows_.push_back(std::move(row));
    if (!valid)
      ++invalid_;
    else if (!complete)
      ++insufficient_;
  }

  void finish() override {
    std::vector<std::string> header = {m_.col_respondent, m_.col_session};
    const core::ScoreRanges ranges = core::score_ranges(q_);
    for (const core::ScaleRef& scale : core::scale_list(q_))
      header.push_back(
          title(*scale.title, scale.subscale ? ranges.subscales[*scale.subscale] : ranges.total));
    TextTable table(std::move(header));
    if (!any_session_) table.hide_column(1);
    for (auto& row : rows_) {
      std::vector<std::string> texts;
      std::vector<const char*> colours;
      for (Cell& c : row) {
        texts.push_back(std::move(c.text));
        colours.push_back(c.colour);
      }
      table.add(std::move(texts), std::move(colours));
    }
    out_.put(table.render(options_.colour));
    print_legend();
    out_.flush();
  }

 private:
  std::string title(const core::LocalizedText& text, core::ScoreRange range) const {
    return core::pick_text(text, options_.language) + " (" + number(core::format_number(range.low)) + "–" +
           number(core::format_number(range.high)) + ")";
  }

  // Numbers for people: a decimal comma in French.
  std::string number(std::string_view formatted) const { return text::decimal(options_.language, formatted); }

  Cell cell(const core::ScaleScore& s, const std::optional<core::Bands>& bands, bool valid) const {
    if (!valid) return {m_.status_invalid, kDim};
    if (s.status != core::Status::ok) return {m_.status_insufficient, kDim};
    const int decimals = options_.precision < 0 ? 2 : options_.precision;
    Cell out{
        number(s.exact ? core::format_fixed(*s.exact, decimals) : core::format_fixed(*s.value, decimals)),
        ""};
    if (s.band && bands) {
      const core::Band& band = bands->ranges[*s.band];
      out.text += " " + core::pick_text(band.label, options_.language);
      if (band.concern) out.colour = kRed;
    }
    return out;
  }

  void print_legend() {
    const std::size_t n = rows_.size();
    const std::size_t ok = n - insufficient_ - invalid_;
    const std::string text = text::fill(
        m_.score_legend,
        {std::to_string(n), std::to_string(ok), std::to_string(insufficient_), std::to_string(invalid_)});
    out_.put('\n');
    out_.put(text);
    out_.put('\n');
  }

  const core::Questionnaire& q_;
  WriterOptions options_;
  const text::Messages& m_;
  OutputBuffer out_;
  std::vector<std::vector<Cell>> rows_;
  bool any_session_ = false;
  std::size_t insufficient_ = 0;
  std::size_t invalid_ = 0;
};

}  // namespace

std::unique_ptr<ResultWriter> make_table_writer(const core::Questionnaire& questionnaire,
                                                const WriterOptions& options, std::FILE* out) {
  return std::make_unique<TableWriter>(questionnaire, options, out);
}

}  // namespace alliance::io
