// Internal to io: trend's records through the record model's generic writer
// in every format, CSV and TSV included, where TrendWriter spells its rows
// out: the reference those rows are held to (tests/io/trend_writer_test.cpp).
#pragma once

#include <cstdio>
#include <vector>

#include "alliance/io/trend_writer.hpp"

namespace alliance::io {

void write_trend_through_model(const core::Questionnaire& questionnaire, const TrendParameters& parameters,
                               const std::vector<TrendRecord>& records, OutputFormat format, int precision,
                               const Provenance& provenance, std::FILE* out);

}  // namespace alliance::io
