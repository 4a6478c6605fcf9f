// The commands of `alliance`, each a function of its options (alliance/cli/options.hpp):
// it reads, computes, writes its results to standard output and its messages to
// standard error, and returns the exit status (alliance/core/error.hpp). Failing
// to do the job throws Error, which app.cpp reports.
#pragma once

#include "alliance/cli/options.hpp"

namespace alliance::cli {

int run_list(const ListOptions& options, const GlobalOptions& global);
int run_show(const ShowOptions& options, const GlobalOptions& global);
int run_validate(const ValidateOptions& options, const GlobalOptions& global);
int run_score(const ScoreOptions& options, const GlobalOptions& global);
int run_stats(const StatsCommandOptions& options, const GlobalOptions& global);
int run_trend(const TrendOptions& options, const GlobalOptions& global);
int run_compare(const CompareOptions& options, const GlobalOptions& global);
int run_report(const ReportOptions& options, const GlobalOptions& global);
int run_norms(const NormsOptions& options, const GlobalOptions& global);
// The man pages or a completion script (generate.hpp), for the build.
int run_generate(const GenerateOptions& options);
// Reports its own errors, in the session's language, and returns their status.
int administer(const AdministerOptions& options, const GlobalOptions& global);

}  // namespace alliance::cli
