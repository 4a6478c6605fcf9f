// Internal to io: the reader for each input format.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "alliance/io/byte_source.hpp"
#include "alliance/io/response_reader.hpp"
#include "item_index.hpp"

namespace alliance::io {

// `delimiter` as given or sniffed (a ';' turns the decimal comma on).
std::unique_ptr<ResponseReader> make_csv_reader(std::unique_ptr<ByteSource> source, char delimiter,
                                                const core::Questionnaire& q, const ReaderOptions& options);
std::unique_ptr<ResponseReader> make_ndjson_reader(std::unique_ptr<ByteSource> source,
                                                   const core::Questionnaire& q);
// The full reader of one NDJSON line (every line the fast path of
// flat_response.hpp declines): fills `record`, already reset with its
// location set, with the response and every located problem.
void read_json_line(const core::Questionnaire& q, const ItemIndex& items, std::string_view line,
                    ResponseRecord& record);

// SPSS (.sav and .zsav; .por), Stata (.dta), SAS (.sas7bdat; .xpt) files, read through ReadStat
// (readstat_responses.cpp) from a named file: its variables are mapped as a CSV header is.
enum class StatFormat { sav, por, dta, sas7bdat, xport };
const char* stat_format_name(StatFormat format);  // "SPSS", "Stata", "SAS"…
std::unique_ptr<ResponseReader> make_stat_file_reader(const std::string& path, StatFormat format,
                                                      const core::Questionnaire& q,
                                                      const ReaderOptions& options);

std::unique_ptr<ResponseReader> make_json_reader(std::unique_ptr<ByteSource> source,
                                                 const core::Questionnaire& q);

}  // namespace alliance::io
