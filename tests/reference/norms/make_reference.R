# Reference values for `alliance norms` (local norms), computed independently
# of alliance: the WAI-SR key written out here (subscale sums of 4 items, at
# most one missing, prorated; the total the prorated sum of the 12 items,
# insufficient when any subscale is), psych::alpha for Cronbach's alpha, cor()
# for the test-retest r, quantile(type = 7) for the percentiles. Run from this
# directory:
#   Rscript make_reference.R
# Reads ../../../examples/clinic-wai-sr-sessions.csv; writes expected_norms.csv.
suppressPackageStartupMessages(library(psych))

data <- read.csv("../../../examples/clinic-wai-sr-sessions.csv", check.names = FALSE,
                 colClasses = c("character", "integer", "character", rep("numeric", 12)))
items <- list(goal = c(4, 6, 8, 11), task = c(1, 2, 10, 12), bond = c(3, 5, 7, 9))
answers <- as.matrix(data[, as.character(1:12)])

prorated_sum <- function(x) {                  # one response's answers to a scale's items
  answered <- sum(!is.na(x))
  if (answered < length(x) - 1) return(NA)
  sum(x, na.rm = TRUE) * length(x) / answered
}
scores <- sapply(items, function(k) apply(answers[, k, drop = FALSE], 1, prorated_sum))
all_subscales <- apply(!is.na(scores), 1, all)
total <- apply(answers, 1, function(x) sum(x, na.rm = TRUE) * 12 / sum(!is.na(x)))
total[!all_subscales] <- NA
scores <- cbind(scores, total = total)
item_sets <- c(items, list(total = 1:12))

# Each respondent's rows in session order.
ordered <- order(data$respondent, data$session)
first_rows <- ordered[!duplicated(data$respondent[ordered])]
last_rows <- rev(ordered)[!duplicated(data$respondent[rev(ordered)])]
samples <- list(first = sort(first_rows), last = sort(last_rows), all = seq_len(nrow(data)))

rows <- list()
for (sample in names(samples)) {
  for (scale in colnames(scores)) {
    chosen <- samples[[sample]]
    x <- scores[chosen, scale]
    x <- x[!is.na(x)]
    q <- quantile(x, c(0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95), type = 7, names = FALSE)
    keyed <- answers[chosen, item_sets[[scale]], drop = FALSE]
    complete <- keyed[complete.cases(keyed), , drop = FALSE]
    a <- psych::alpha(complete, warnings = FALSE)$total$raw_alpha
    # Test-retest: each respondent's first two sessions in which the scale has a score.
    pairs <- do.call(rbind, lapply(split(ordered, data$respondent[ordered]), function(r) {
      scored <- r[!is.na(scores[r, scale])]
      if (length(scored) < 2) return(NULL)
      data.frame(x = scores[scored[1], scale], y = scores[scored[2], scale],
                 sessions = data$session[scored[2]] - data$session[scored[1]],
                 days = as.numeric(as.Date(data$date[scored[2]]) - as.Date(data$date[scored[1]])))
    }))
    rows[[length(rows) + 1]] <- data.frame(
      sample = sample, scale = scale, n = length(x), mean = mean(x), sd = sd(x), min = min(x), max = max(x),
      alpha = a, alpha_n = nrow(complete), retest_r = cor(pairs$x, pairs$y), retest_pairs = nrow(pairs),
      interval_sessions = mean(pairs$sessions), interval_days = mean(pairs$days),
      p5 = q[1], p10 = q[2], p25 = q[3], p50 = q[4], p75 = q[5], p90 = q[6], p95 = q[7])
  }
}
out <- do.call(rbind, rows)
out[] <- lapply(out, function(col) if (is.numeric(col)) sprintf("%.17g", col) else col)
write.csv(out, "expected_norms.csv", row.names = FALSE, quote = FALSE)
