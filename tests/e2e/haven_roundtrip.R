#!/usr/bin/env Rscript
# score's .sav and .dta files read by R's haven, as a researcher's R session
# reads them, against the CSV of the same scores (read.csv): the same
# numbers, NA where the CSV says NA, the same text, variable labels in the
# user's language, the provenance in the file label (and notes in .dta).
# Usage: Rscript haven_roundtrip.R ALLIANCE_BINARY SOURCE_DIR
# Without haven (r-cran-haven, installed by scripts/setup.sh as an optional
# package) it prints SKIPPED and exits 77, which ctest shows as skipped.
args <- commandArgs(trailingOnly = TRUE)
if (!requireNamespace("haven", quietly = TRUE)) {
  cat("SKIPPED: R's haven is not installed (Debian: r-cran-haven; scripts/setup.sh installs it)\n")
  quit(status = 77)
}
alliance <- args[1]
source_dir <- args[2]
answers <- file.path(source_dir, "tests/data/stat-files/answers.csv")
dir <- tempfile("alliance-haven-")
dir.create(dir, mode = "0700")
on.exit(unlink(dir, recursive = TRUE))
failures <- 0
check <- function(ok, what) {
  if (!isTRUE(ok)) {
    cat("FAILED:", what, "\n")
    failures <<- failures + 1
  }
}
score <- function(out) {
  status <- system2(alliance, c("score", "gtb-12", shQuote(answers), "--lang", "fr", "-o", shQuote(out)),
                    stdout = FALSE, stderr = FALSE)
  check(status == 1, paste("alliance score -o", out, "exits 1 (one invalid row), not", status))
}
csv_path <- file.path(dir, "scores.csv")
score(csv_path)
csv <- read.csv(csv_path, stringsAsFactors = FALSE, encoding = "UTF-8", na.strings = "NA")
provenance <- c("questionnaire", "questionnaire_version", "definition_hash", "alliance_version")
expected_labels <- c(respondent = "Répondant", goals = "Objectifs", tasks = "Tâches", bond = "Lien",
                     total = "Score global", tasks_answered = "Tâches\u00a0: items répondus",
                     status = "État de la réponse (ok, insufficient, invalid)")

for (format in c("sav", "dta")) {
  path <- file.path(dir, paste0("scores.", format))
  score(path)
  check(file.info(path)$mode == as.octmode("600"), paste(format, "file mode 0600"))
  data <- if (format == "sav") haven::read_sav(path) else haven::read_dta(path)
  columns <- setdiff(names(csv), provenance)
  check(identical(names(data), columns), paste(format, "variables:", paste(names(data), collapse = ",")))
  for (column in intersect(columns, names(data))) {
    got <- haven::zap_labels(data[[column]])
    attributes(got) <- NULL
    want <- csv[[column]]
    if (is.numeric(want) || is.logical(want) && all(is.na(want)) && is.numeric(got)) {
      check(identical(is.na(got), is.na(want)), paste(format, column, "missing where the CSV has NA"))
      check(isTRUE(all(got[!is.na(got)] == as.numeric(want[!is.na(want)]))), paste(format, column, "numbers"))
    } else {
      want[is.na(want)] <- ""  # text: an empty string where the CSV has NA
      check(identical(as.character(got), as.character(want)), paste(format, column, "text"))
    }
  }
  for (column in names(expected_labels))
    check(identical(attr(data[[column]], "label"), unname(expected_labels[column])),
          paste(format, column, "label:", attr(data[[column]], "label")))
  check(identical(attr(data, "label"), paste0("alliance ", csv$alliance_version[1], ": gtb-12 1.0.0")),
        paste(format, "file label:", attr(data, "label")))
  if (format == "dta")
    check(identical(attr(data, "notes")[3], paste0("definition_hash: ", csv$definition_hash[1])),
          "dta notes hold the definition hash")
  # A score held exactly: P02's tasks, 14/3, as a double.
  check(identical(data$tasks[2], 14 / 3), paste(format, "tasks of P02 is 14/3"))
  check(is.na(data$total[6]) && data$status[6] == "invalid", paste(format, "the invalid row"))
}
if (failures > 0) quit(status = 1)
cat("haven", as.character(packageVersion("haven")), "read the .sav and .dta files as the CSV\n")
