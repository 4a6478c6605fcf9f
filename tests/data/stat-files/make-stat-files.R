#!/usr/bin/env Rscript
# Writes the SPSS, Stata and SAS test files of this directory with R's haven
# (Debian's r-cran-haven, 2.5.1; it writes through ReadStat, as SPSS and Stata
# users of R do), from the answers below, which answers.csv holds as plain
# numbers. tests/e2e/stat_files_test.cpp scores each file and answers.csv and
# expects the same scores. Run from anywhere: Rscript make-stat-files.R
#
#   gtb-12-study.sav    SPSS: items labelled 1 Never … 5 Always, 8 "Don't know" and
#                       9 "Refused" declared user-missing, a system-missing answer,
#                       item 12 a string variable, a date, a free-text comment
#                       holding a line break, an answer off the scale (row 6)
#   gtb-12-study.zsav   the same, zlib-compressed (SPSS 21 and later)
#   gtb-12-study.dta    Stata 14 (118): the user-missing answers as .a and .b, labelled
#   gtb-12-study.sas7bdat, gtb-12-study.xpt  SAS: no value labels; missing answers are .
#   truncated.sav       the first 700 bytes of gtb-12-study.sav (a copy cut short)
#   cut-rows.sav        gtb-12-study.sav without its last 40 bytes (cut in the rows)
#   not-stata.dta       text with a .dta name
suppressPackageStartupMessages(library(haven))
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
setwd(here)

answers <- rbind(
  c(4, 4, 3, 5, 4, 3, 2, 2, 2, 4, 4, 3),
  c(5, 5, 4, 4, NA, 5, 2, 1, 4, 4, 4, 1),
  c(3, 9, 5, 4, 3, 4, 2, 1, 4, 5, 4, 2),  # 9: refused (user-missing)
  c(2, 3, 8, 4, 3, 4, 2, 2, 2, 3, NA, 3), # 8: don't know (user-missing)
  c(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
  c(7, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)   # 7: off the scale, not declared missing
)
respondent <- c("P01", "P02", "P03", "P04", "Zoé", "P06")
session <- c(1, 2, 1, 3, 1, 1)
date <- as.Date(c("2026-03-02", "2026-03-09", "2026-03-02", "2026-03-16", "2026-03-03", "2026-03-04"))
comment <- c("", "felt heard", "long day,\nlate", "", "«très bien»", "")
scale_labels <- c(Never = 1, Rarely = 2, Sometimes = 3, Often = 4, Always = 5)

spss_frame <- function() {
  df <- data.frame(respondent = respondent, session = session, date = date, stringsAsFactors = FALSE)
  for (i in 1:11)
    df[[paste0("gtb_", i)]] <- labelled_spss(answers[, i],
                                             labels = c(scale_labels, "Don't know" = 8, Refused = 9),
                                             na_values = c(8, 9), label = paste("GTB-12 item", i))
  # Item 12 as text, as some exports keep it.
  df$gtb_12 <- ifelse(is.na(answers[, 12]), "", as.character(answers[, 12]))
  df$comment <- comment
  df
}

write_sav(spss_frame(), "gtb-12-study.sav")
write_sav(spss_frame(), "gtb-12-study.zsav", compress = "zsav")

stata <- data.frame(respondent = respondent, session = session, date = date, stringsAsFactors = FALSE)
for (i in 1:11) {
  x <- answers[, i]
  x[!is.na(x) & x == 8] <- tagged_na("a")
  x[!is.na(x) & x == 9] <- tagged_na("b")
  stata[[paste0("gtb_", i)]] <- labelled(x, labels = c(scale_labels, "Don't know" = tagged_na("a"),
                                                      Refused = tagged_na("b")),
                                         label = paste("GTB-12 item", i))
}
stata$gtb_12 <- ifelse(is.na(answers[, 12]), "", as.character(answers[, 12]))
stata$comment <- comment
write_dta(stata, "gtb-12-study.dta", version = 14)

sas <- data.frame(respondent = c("P01", "P02", "P03", "P04", "P05", "P06"), session = session, date = date)
for (i in 1:12) {
  x <- answers[, i]
  x[!is.na(x) & x >= 8] <- NA
  sas[[paste0("gtb_", i)]] <- x
}
suppressWarnings(write_sas(sas, "gtb-12-study.sas7bdat"))
write_xpt(sas, "gtb-12-study.xpt", version = 8, name = "gtb12")

whole <- readBin("gtb-12-study.sav", "raw", file.info("gtb-12-study.sav")$size)
writeBin(whole[1:700], "truncated.sav")
writeBin(whole[1:(length(whole) - 40)], "cut-rows.sav")
writeLines("respondent,session\nP01,1", "not-stata.dta")

# The worked examples of docs/data-sources.md: rows 1 to 5 (the valid ones), in examples/.
examples <- file.path(here, "..", "..", "..", "examples")
write_sav(spss_frame()[1:5, ], file.path(examples, "gtb-12-study.sav"))
write_dta(stata[1:5, ], file.path(examples, "gtb-12-study.dta"), version = 14)
