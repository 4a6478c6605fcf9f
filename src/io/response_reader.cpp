#include "alliance/io/response_reader.hpp"

#include "alliance/core/error.hpp"
#include "alliance/text/messages.hpp"
#include "json_text.hpp"
#include "response_readers.hpp"

namespace alliance::io {

InputFormat parse_input_format(const std::string& name) {
  if (name == "json") return InputFormat::json;
  if (name == "ndjson" || name == "jsonl") return InputFormat::ndjson;
  if (name == "csv") return InputFormat::csv;
  if (name == "tsv") return InputFormat::tsv;
  if (name == "sav" || name == "zsav") return InputFormat::sav;
  if (name == "por") return InputFormat::por;
  if (name == "dta") return InputFormat::dta;
  if (name == "sas7bdat") return InputFormat::sas7bdat;
  if (name == "xpt") return InputFormat::xpt;
  if (name == "auto") return InputFormat::automatic;
  throw Error(ExitCode::usage, text::Message{text::Msg::unknown_input_format, {name}});
}

namespace {

InputFormat from_extension(const std::string& path) {
  auto ends = [&path](const char* suffix) { return path.ends_with(suffix); };
  if (ends(".json")) return InputFormat::json;
  if (ends(".ndjson") || ends(".jsonl")) return InputFormat::ndjson;
  if (ends(".csv")) return InputFormat::csv;
  if (ends(".tsv") || ends(".tab")) return InputFormat::tsv;
  if (ends(".sav") || ends(".zsav") || ends(".SAV") || ends(".ZSAV")) return InputFormat::sav;
  if (ends(".por") || ends(".POR")) return InputFormat::por;
  if (ends(".dta") || ends(".DTA")) return InputFormat::dta;
  if (ends(".sas7bdat") || ends(".SAS7BDAT")) return InputFormat::sas7bdat;
  if (ends(".xpt") || ends(".XPT")) return InputFormat::xpt;
  return InputFormat::automatic;
}

// From the content: '[' is a JSON array; '{' is NDJSON when the first line is
// a whole JSON value, else a pretty-printed JSON document; otherwise a
// delimited table, TSV when its first line has more tabs than commas.
// Only the first line is waited for, so that in a pipe scoring starts (and
// output flows) before the input ends.
InputFormat from_content(ByteSource& source) {
  const auto first_line_read = [](std::string_view text) {
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && text.find('\n', start) != std::string_view::npos;
  };
  while (source.available().size() < (1 << 16) && !first_line_read(source.available()) && source.fill()) {
  }
  const std::string_view head = source.available().substr(0, 1 << 16);  // after a byte-order mark
  const std::size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos)
    throw Error(ExitCode::invalid_input, text::Message{text::Msg::responses_empty, {source.name()}});
  if (head[start] == '[') return InputFormat::json;
  const std::string_view first_line = head.substr(start, head.find('\n', start) - start);
  if (head[start] == '{') {
    // A whole value on the line, even with a number out of range or too deep a nesting. Its
    // shape, not its text: a byte that is not UTF-8 in a string (reported with its line by the
    // NDJSON reader) must not make the whole input one JSON document.
    std::string shape(first_line);
    for (char& c : shape)
      if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) c = 'x';
    const ParsedJson line = parse_json_text(shape);
    return !line.error || line.error->kind != JsonError::Kind::syntax ? InputFormat::ndjson
                                                                      : InputFormat::json;
  }
  const auto tabs = std::count(first_line.begin(), first_line.end(), '\t');
  const auto commas = std::count(first_line.begin(), first_line.end(), ',');
  const auto semicolons = std::count(first_line.begin(), first_line.end(), ';');
  return tabs > commas && tabs > semicolons ? InputFormat::tsv : InputFormat::csv;
}

// The delimiter of a CSV file: of ',' ';' and tab, the one found most often
// outside quotes on its first line (the header); ',' when none is. French
// Excel writes ';' (the comma being its decimal mark).
char sniff_delimiter(ByteSource& source) {
  const auto line_read = [](std::string_view text) { return text.find('\n') != std::string_view::npos; };
  while (source.available().size() < (1 << 16) && !line_read(source.available()) && source.fill()) {
  }
  const std::string_view head = source.available().substr(0, 1 << 16);
  long counts[3] = {0, 0, 0};  // ',' ';' tab
  bool quoted = false;
  for (char c : head) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    if (c == ',') ++counts[0];
    if (c == ';') ++counts[1];
    if (c == '\t') ++counts[2];
  }
  if (counts[1] > counts[0] && counts[1] >= counts[2]) return ';';
  if (counts[2] > counts[0] && counts[2] > counts[1]) return '\t';
  return ',';
}

// The column options given ("--id-column, --map"), or "" when none: they
// mean nothing to a JSON response, which names its own fields, and must not
// pass unseen there (a researcher who typed --id-column would think it used).
std::string column_options(const ColumnMapping& mapping) {
  std::string out;
  const auto add = [&out](bool given, const char* option) {
    if (given) out += (out.empty() ? "" : ", ") + std::string(option);
  };
  add(!mapping.respondent_column.empty(), "--id-column");
  add(!mapping.session_column.empty(), "--session-column");
  add(!mapping.pattern.empty(), "--columns");
  add(!mapping.columns.empty(), "--map");
  add(mapping.skip_rows > 0, "--skip-rows");
  add(!mapping.where.empty(), "--where");
  return out;
}

std::optional<StatFormat> stat_format(InputFormat format) {
  switch (format) {
    case InputFormat::sav: return StatFormat::sav;
    case InputFormat::por: return StatFormat::por;
    case InputFormat::dta: return StatFormat::dta;
    case InputFormat::sas7bdat: return StatFormat::sas7bdat;
    case InputFormat::xpt: return StatFormat::xport;
    default: return std::nullopt;
  }
}

}  // namespace

std::unique_ptr<ResponseReader> open_response_reader(const std::string& path,
                                                     const core::Questionnaire& questionnaire,
                                                     const ReaderOptions& options) {
  // SPSS, Stata and SAS files are read by ReadStat, which seeks in a named file.
  const InputFormat named = options.format != InputFormat::automatic ? options.format : from_extension(path);
  if (const std::optional<StatFormat> stat = stat_format(named)) {
    if (path == "-")
      throw Error(ExitCode::usage, text::Message{text::Msg::stat_file_stdin, {stat_format_name(*stat)}});
    if (options.mapping.skip_rows > 0)
      throw Error(ExitCode::usage, text::Message{text::Msg::stat_file_skip_rows, {path}});
    if (!options.mapping.where.empty())
      throw Error(ExitCode::usage, text::Message{text::Msg::stat_file_where, {path}});
    return make_stat_file_reader(path, *stat, questionnaire, options);
  }
  // JSON is UTF-8 (RFC 8259): --encoding auto looks for Windows-1252 in CSV and TSV only, and
  // in what can only be told from its content (standard input).
  TextEncoding encoding = options.encoding;
  if (encoding == TextEncoding::automatic && (named == InputFormat::json || named == InputFormat::ndjson))
    encoding = TextEncoding::utf8;
  auto source = std::make_unique<ByteSource>(path, encoding);
  if (path == "-" && source->is_terminal())
    throw Error(ExitCode::usage, text::Message{text::Msg::no_responses_given, {}});
  return open_response_reader(std::move(source), questionnaire, options);
}

std::unique_ptr<ResponseReader> open_response_reader(std::unique_ptr<ByteSource> source,
                                                     const core::Questionnaire& questionnaire,
                                                     const ReaderOptions& options) {
  InputFormat format = options.format;
  if (format == InputFormat::automatic) format = from_extension(source->name());
  if (format == InputFormat::automatic) format = from_content(*source);
  switch (format) {
    case InputFormat::json:
    case InputFormat::ndjson: {
      const std::string name = source->name();
      const bool detected = source->detected_windows1252();
      std::unique_ptr<ResponseReader> reader = format == InputFormat::json
                                                   ? make_json_reader(std::move(source), questionnaire)
                                                   : make_ndjson_reader(std::move(source), questionnaire);
      if (const std::string unused = column_options(options.mapping); !unused.empty())
        reader->add_warning(name + ": " + unused + ": for CSV/TSV columns; not used for this " +
                            (format == InputFormat::json ? "JSON" : "NDJSON") +
                            " input, whose responses name their own fields");
      if (detected) reader->add_warning(text::say(options.language, text::Msg::encoding_detected, {name}));
      return reader;
    }
    case InputFormat::tsv:
      return make_csv_reader(std::move(source), options.delimiter ? options.delimiter : '\t', questionnaire,
                             options);
    case InputFormat::sav:
    case InputFormat::por:
    case InputFormat::dta:
    case InputFormat::sas7bdat:
    case InputFormat::xpt:
      throw Error(ExitCode::usage,
                  text::Message{text::Msg::stat_file_stdin, {stat_format_name(*stat_format(format))}});
    case InputFormat::csv:
    case InputFormat::automatic: break;
  }
  const char delimiter = options.delimiter ? options.delimiter : sniff_delimiter(*source);
  return make_csv_reader(std::move(source), delimiter, questionnaire, options);
}

}  // namespace alliance::io
