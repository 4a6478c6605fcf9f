// Internal to io: the reader for each input format.
#pragma once

#include <memory>
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

std::unique_ptr<ResponseReader> make_json_reader(std::unique_ptr<ByteSource> source,
                                                 const core::Questionnaire& q);

}  // namespace alliance::io
