// Reading responses as the input options say (InputOptions, shared by score,
// stats, trend and compare: alliance/cli/options.hpp). The reading itself, on
// one thread or two, is io's (alliance/io/response_pipeline.hpp); this is the
// option handling: the files, the reader options, the number of threads.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "alliance/cli/options.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/io/part_reading.hpp"
#include "alliance/io/response_pipeline.hpp"
#include "alliance/io/response_reader.hpp"
#include "unread_files.hpp"

namespace alliance::cli {

// The reader options they stand for; throws Error(usage) on a malformed --map.
io::ReaderOptions reader_options(const InputOptions& options);

// What to read: the files (standard input when none), the reader options,
// and two threads or one (--threads, else ALLIANCE_THREADS, else the
// command's default), and the language of the messages printed while
// reading. Throws Error(usage) on a malformed --map or ALLIANCE_THREADS.
io::ReadRequest read_request(const InputOptions& options, const std::string& lang);

// io::for_each_response, io::for_each_scored_response and io::tally_responses
// (alliance/io/response_pipeline.hpp) for the request these options make.
// Warnings and problems are printed in `lang` ("fr" or "en"). A file that
// cannot be read goes to `unread` (io::ReadRequest::on_unreadable), which
// says it and decides whether the others are read.
bool for_each_response(const core::Questionnaire& questionnaire, const InputOptions& options,
                       const std::string& lang, UnreadFiles& unread,
                       const std::function<bool(const io::ResponseRecord&)>& visit);
// `possible_scores`: io::ReadRequest::possible_scores.
bool for_each_scored_response(
    const core::Questionnaire& questionnaire, const InputOptions& options, const std::string& lang,
    UnreadFiles& unread, const std::function<bool(const io::ResponseRecord&, const core::ScoreSheet&)>& visit,
    bool possible_scores = true);
void tally_responses(const core::Questionnaire& questionnaire, const InputOptions& options,
                     const std::string& lang, UnreadFiles& unread, io::PartTally& tally);

using io::LineCount;
using io::print_line_count;
using io::report_problems;

}  // namespace alliance::cli
