# Reference values for `alliance stats` (tests/core/stats_reference_test.cpp).
# Generates data sets with correlated answers, reverse-keyed items and about
# 5 % missing answers for two bundled questionnaires, then computes with psych
# and base R what alliance must reproduce. Run from this directory:
#   Rscript make_reference.R
suppressPackageStartupMessages(library(psych))

set.seed(20261201)
fmt <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

questionnaires <- list(
  "gtb-12" = list(
    subscales = list(goals = c(1, 4, 7, 10), tasks = c(2, 5, 8, 11), bond = c(3, 6, 9, 12)),
    reverse = c(7, 8, 12), method = "mean"),
  "wai-sr" = list(
    subscales = list(goal = c(4, 6, 8, 11), task = c(1, 2, 10, 12), bond = c(3, 5, 7, 9)),
    reverse = integer(0), method = "sum")
)

n <- 300
scales_out <- list(); items_out <- list(); cor_out <- list(); scores_out <- list()
for (id in names(questionnaires)) {
  def <- questionnaires[[id]]
  # Three correlated subscale factors; each answer a rounded, clipped
  # indicator of its factor; reverse-keyed items recorded reversed.
  g <- rnorm(n)
  keyed <- matrix(NA_real_, n, 12)
  for (s in seq_along(def$subscales)) {
    f <- 0.75 * g + sqrt(1 - 0.75^2) * rnorm(n)
    for (i in def$subscales[[s]]) {
      loading <- runif(1, 0.5, 1.1)
      keyed[, i] <- pmin(5, pmax(1, round(3.3 + loading * f + rnorm(n, 0, 0.8))))
    }
  }
  keyed[matrix(runif(n * 12) < 0.05, n, 12)] <- NA
  raw <- keyed
  raw[, def$reverse] <- 6 - keyed[, def$reverse]
  colnames(keyed) <- colnames(raw) <- as.character(1:12)
  data <- data.frame(respondent = sprintf("R%03d", 1:n), raw, check.names = FALSE)
  write.csv(data, sprintf("data-%s.csv", id), row.names = FALSE, na = "", quote = FALSE)

  all_scales <- c(def$subscales, list(total = 1:12))
  for (missing in c("pairwise", "listwise")) {
    for (scale in names(all_scales)) {
      x <- keyed[, all_scales[[scale]], drop = FALSE]
      # pairwise: psych::alpha's default, use = "pairwise"; listwise: the
      # complete rows only.
      if (missing == "listwise") x <- na.omit(x)
      a <- alpha(as.data.frame(x), warnings = FALSE)
      scales_out[[length(scales_out) + 1]] <- data.frame(
        questionnaire = id, missing = missing, scale = scale, n_obs = nrow(x),
        raw_alpha = fmt(a$total$raw_alpha), std_alpha = fmt(a$total$std.alpha),
        average_r = fmt(a$total$average_r),
        feldt_lower = fmt(unlist(a$feldt$lower.ci)), feldt_upper = fmt(unlist(a$feldt$upper.ci)))
      items_out[[length(items_out) + 1]] <- data.frame(
        questionnaire = id, missing = missing, scale = scale, item = colnames(x),
        mean = fmt(a$item.stats$mean), sd = fmt(a$item.stats$sd), r_drop = fmt(a$item.stats$r.drop),
        alpha_drop = fmt(a$alpha.drop$raw_alpha), std_alpha_drop = fmt(a$alpha.drop$std.alpha),
        average_r_drop = fmt(a$alpha.drop$average_r))
    }
  }

  # Subscale scores as the definitions score them: at most one missing item,
  # mean of the answered items (GTB-12), or that mean times 4 (WAI-SR's
  # prorated sum).
  scores <- sapply(def$subscales, function(items) {
    x <- keyed[, items]
    answered <- rowSums(!is.na(x))
    m <- rowMeans(x, na.rm = TRUE)
    if (def$method == "sum") m <- m * length(items)
    ifelse(answered >= length(items) - 1, m, NA)
  })
  for (scale in colnames(scores)) {
    v <- scores[, scale]
    scores_out[[length(scores_out) + 1]] <- data.frame(
      questionnaire = id, scale = scale, n = sum(!is.na(v)), mean = fmt(mean(v, na.rm = TRUE)),
      sd = fmt(sd(v, na.rm = TRUE)), min = fmt(min(v, na.rm = TRUE)), max = fmt(max(v, na.rm = TRUE)))
  }
  for (missing in c("pairwise", "listwise")) {
    use <- if (missing == "pairwise") "pairwise.complete.obs" else "complete.obs"
    r <- cor(scores, use = use)
    for (a in 1:(ncol(scores) - 1)) for (b in (a + 1):ncol(scores)) {
      both <- if (missing == "pairwise") sum(!is.na(scores[, a]) & !is.na(scores[, b])) else sum(complete.cases(scores))
      cor_out[[length(cor_out) + 1]] <- data.frame(
        questionnaire = id, missing = missing, a = colnames(scores)[a], b = colnames(scores)[b],
        n = both, r = fmt(r[a, b]))
    }
  }
}
write.csv(do.call(rbind, scales_out), "alpha.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, items_out), "items.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, scores_out), "scores.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, cor_out), "correlations.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version$major, ".", R.version$minor, ", psych ", as.character(packageVersion("psych")), "\n", sep = "")
