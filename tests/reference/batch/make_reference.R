# Reference scores for tests/e2e/batch_test.cpp: WAI-SR subscale and total
# scores of responses.csv, computed with psych::scoreItems, independently of
# alliance. Rule (questionnaires/wai-sr.json): a subscale is the sum of its 4
# items, prorated (mean of the answered items x 4) when one is missing, NA
# when more than one is; the total is the mean of all answered items x 12,
# NA when any subscale is NA.
#   Rscript make_reference.R   (in this directory) -> scores.csv
suppressPackageStartupMessages(library(psych))
data <- read.csv("responses.csv", colClasses = c(id = "character"))
items <- data[, paste0("i", 1:12)]
keys <- list(goal = paste0("i", c(4, 6, 8, 11)), task = paste0("i", c(1, 2, 10, 12)),
             bond = paste0("i", c(3, 5, 7, 9)), total = paste0("i", 1:12))
# impute = "none": each score is the mean of the answered items.
means <- scoreItems(keys, items, totals = FALSE, impute = "none", min = 1, max = 5)$scores
out <- data.frame(id = data$id)
for (s in c("goal", "task", "bond")) {
  answered <- rowSums(!is.na(items[, keys[[s]]]))
  out[[s]] <- ifelse(answered >= 3, means[, s] * 4, NA)
}
out$total <- ifelse(is.na(out$goal) | is.na(out$task) | is.na(out$bond), NA, means[, "total"] * 12)
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
for (s in c("goal", "task", "bond", "total")) out[[s]] <- fmt(out[[s]])
write.csv(out, "scores.csv", row.names = FALSE, quote = FALSE)
