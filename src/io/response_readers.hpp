// Internal to io: the reader for each input format.
#pragma once

#include <memory>

#include "alliance/io/byte_source.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {

std::unique_ptr<ResponseReader> make_csv_reader(std::unique_ptr<ByteSource> source, char delimiter,
                                                const core::Questionnaire& q, const ColumnMapping& mapping);
std::unique_ptr<ResponseReader> make_ndjson_reader(std::unique_ptr<ByteSource> source,
                                                   const core::Questionnaire& q);
std::unique_ptr<ResponseReader> make_json_reader(std::unique_ptr<ByteSource> source,
                                                 const core::Questionnaire& q);

}  // namespace alliance::io
