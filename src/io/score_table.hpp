// Internal to io: the aligned table `alliance score` prints on a terminal.
#pragma once

#include <cstdio>
#include <memory>

#include "alliance/io/result_writer.hpp"

namespace alliance::io {

// Rows are kept until finish(): a table is for people and modest inputs,
// so widths can fit the longest cell.
std::unique_ptr<ResultWriter> make_table_writer(const core::Questionnaire& questionnaire,
                                                const WriterOptions& options, std::FILE* out);

}  // namespace alliance::io
