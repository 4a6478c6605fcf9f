# Reference values for `alliance compare` when dyads have several sessions
# (docs/compare.md, "Repeated sessions" and "Confidence intervals").
# Computed here by hand in R, never from alliance's output:
#   - the six ICCs with their F-based bounds: psych::ICC(lmer = FALSE);
#   - Bland & Altman's (2007) limits of agreement for several observations
#     per individual, true value varying (one-way ANOVA of the differences
#     on the dyads), the mean difference's t interval and the limits' MOVER
#     intervals (Zou 2013), written out below;
#   - Lin's (1989) concordance correlation coefficient with its Fisher-z
#     interval, written out below.
# Data sets: the responses of make_reference.R (client.csv, therapist.csv:
# 30 dyads, 2 sessions each), and unequal_client.csv / unequal_therapist.csv
# made here (12 dyads, 1 to 6 sessions each). Run from this directory:
#   Rscript make_repeated_reference.R
# Writes unequal_client.csv, unequal_therapist.csv, small.csv and expected_repeated.csv.
suppressPackageStartupMessages(library(psych))

reverse <- c(7, 8, 12)
subscale <- c("goals", "tasks", "bond")[rep(1:3, 4)]
scales <- c("goals", "tasks", "bond", "total")

# ---- the data set with unequal sessions per dyad ----------------------------
set.seed(20261205)
answers_for <- function(level) {
  keyed <- pmin(5, pmax(1, round(level[subscale] + rnorm(12, 0, 0.7))))
  ifelse(seq_len(12) %in% reverse, 6 - keyed, keyed)
}
sessions <- c(1, 2, 3, 4, 5, 6, 2, 3, 1, 4, 6, 3)  # per dyad
client <- list(); therapist <- list()
for (d in seq_along(sessions)) {
  base <- rnorm(1, 3.4, 0.6)
  offset <- rnorm(1, -0.2, 0.4)  # this therapist's own leaning, the same in every session
  for (s in seq_len(sessions[d])) {
    level <- base + rnorm(3, 0, 0.4)
    names(level) <- c("goals", "tasks", "bond")
    id <- sprintf("U%02d", d)
    client[[length(client) + 1]] <- c(id, s, answers_for(level))
    therapist[[length(therapist) + 1]] <- c(id, s, answers_for(level + offset + rnorm(3, 0, 0.3)))
  }
}
tidy <- function(rows) {
  df <- as.data.frame(do.call(rbind, rows), stringsAsFactors = FALSE)
  names(df) <- c("respondent", "session", as.character(1:12))
  for (k in as.character(1:12)) df[[k]] <- as.numeric(df[[k]])
  df
}
client <- tidy(client); therapist <- tidy(therapist)
client[5, "2"] <- NA               # one answer missing: still scored
therapist[9, c("3", "6")] <- NA    # bond insufficient: that pair left out of bond and total
write.csv(client, "unequal_client.csv", row.names = FALSE, na = "")
write.csv(therapist, "unequal_therapist.csv", row.names = FALSE, na = "")

# ---- scoring (GTB-12: mean of keyed answers, at most 1 of 4 missing) --------
score <- function(row) {
  a <- as.numeric(row[as.character(1:12)])
  if (any(!is.na(a) & (a < 1 | a > 5))) return(c(goals = NA, tasks = NA, bond = NA, total = NA))
  keyed <- ifelse(seq_len(12) %in% reverse, 6 - a, a)
  out <- sapply(c("goals", "tasks", "bond"), function(s) {
    v <- keyed[subscale == s]
    if (sum(!is.na(v)) >= 3) mean(v, na.rm = TRUE) else NA
  })
  c(out, total = if (any(is.na(out))) NA else mean(keyed, na.rm = TRUE))
}

# ---- the statistics ----------------------------------------------------------
# Bland & Altman (2007), true value varying: d_ij = mu + b_i + e_ij.
limits <- function(d, g, repeated) {
  N <- length(d)
  g <- if (repeated) factor(g) else factor(seq_len(N))
  k <- nlevels(g); m <- as.numeric(table(g))
  md <- mean(d)
  di <- as.numeric(tapply(d, g, mean))
  msb <- sum(m * (di - md)^2) / (k - 1)
  if (repeated) {
    msw <- sum((d - di[as.integer(g)])^2) / (N - k)
    lambda <- (N^2 - sum(m^2)) / ((k - 1) * N)
    sb2 <- max(0, (msb - msw) / lambda); sw2 <- msw
    parts <- if (sb2 > 0) list(c(msb / lambda, k - 1), c((1 - 1 / lambda) * msw, N - k)) else list(c(msw, N - k))
  } else {
    sb2 <- msb; sw2 <- 0; parts <- list(c(msb, N - 1))   # the sample variance of d
  }
  s2 <- sb2 + sw2; s <- sqrt(s2)
  # The mean difference: Var = (s_b^2 sum m_i^2 / N + s_w^2) / N, t on k - 1 df.
  se <- sqrt((sb2 * sum(m^2) / N + sw2) / N)
  t <- qt(0.975, k - 1)
  ml <- md - t * se; mu <- md + t * se
  # The variance: MOVER over its mean squares, each with its chi-square interval.
  below <- sum(sapply(parts, function(p) (p[1] * (1 - p[2] / qchisq(0.975, p[2])))^2))
  above <- sum(sapply(parts, function(p) (p[1] * (p[2] / qchisq(0.025, p[2]) - 1))^2))
  sl <- sqrt(max(0, s2 - sqrt(below))); su <- sqrt(s2 + sqrt(above))
  z <- 1.96
  lo <- md - z * s; up <- md + z * s
  c(mean_difference = md, mean_difference_ci_lower = ml, mean_difference_ci_upper = mu,
    sd_difference = s, sd_between = if (repeated) sqrt(sb2) else NA, sd_within = if (repeated) sqrt(sw2) else NA,
    loa_lower = lo,
    loa_lower_ci_lower = lo - sqrt((md - ml)^2 + z^2 * (su - s)^2),
    loa_lower_ci_upper = lo + sqrt((mu - md)^2 + z^2 * (s - sl)^2),
    loa_upper = up,
    loa_upper_ci_lower = up - sqrt((md - ml)^2 + z^2 * (s - sl)^2),
    loa_upper_ci_upper = up + sqrt((mu - md)^2 + z^2 * (su - s)^2))
}

# Lin (1989): moments with denominator n; z = atanh(rho_c) with Lin's variance.
lin <- function(x, y) {
  n <- length(x); mx <- mean(x); my <- mean(y)
  vx <- sum((x - mx)^2) / n; vy <- sum((y - my)^2) / n; sxy <- sum((x - mx) * (y - my)) / n
  rho <- 2 * sxy / (vx + vy + (mx - my)^2)
  r <- cor(x, y)
  u2 <- (mx - my)^2 / sqrt(vx * vy)
  v <- ((1 - r^2) * rho^2 / ((1 - rho^2) * r^2) + 2 * rho^3 * (1 - rho) * u2 / (r * (1 - rho^2)^2) -
          rho^4 * u2^2 / (2 * r^2 * (1 - rho^2)^2)) / (n - 2)
  h <- qnorm(0.975) * sqrt(v)
  c(ccc = rho, ccc_ci_lower = tanh(atanh(rho) - h), ccc_ci_upper = tanh(atanh(rho) + h))
}

icc_rows <- c(icc_1_1 = "Single_raters_absolute", icc_2_1 = "Single_random_raters",
              icc_3_1 = "Single_fixed_raters", icc_1_k = "Average_raters_absolute",
              icc_2_k = "Average_random_raters", icc_3_k = "Average_fixed_raters")
icc_all <- function(x, y) {
  res <- ICC(cbind(x, y), lmer = FALSE)$results
  stopifnot(res["Single_random_raters", "type"] == "ICC2", res["Average_fixed_raters", "type"] == "ICC3k")
  out <- c()
  for (name in names(icc_rows)) {
    row <- icc_rows[[name]]
    out[name] <- res[row, "ICC"]
    out[paste0(name, "_ci_lower")] <- res[row, "lower bound"]
    out[paste0(name, "_ci_upper")] <- res[row, "upper bound"]
  }
  # The two departures from psych (docs/compare.md), both on ICC(2,k):
  # - its formula's denominator MS_R + (MS_C - MS_E) / n can be negative,
  #   and psych then prints a ratio of two negatives (6.3); alliance: none;
  # - its bounds are Spearman-Brown's 2 b / (1 + b) of the ICC(2,1) bounds b,
  #   meaningless at b <= -1 (psych prints a "lower bound" above the value).
  n <- length(x)
  msr <- 2 * sum(((x + y) / 2 - mean(c(x, y)))^2) / (n - 1)
  msc <- n * (mean(x) - mean(y))^2 / 2
  mse <- sum((x - y - mean(x - y))^2) / 2 / (n - 1)
  if (msr + (msc - mse) / n <= 0) out[c("icc_2_k", "icc_2_k_ci_lower", "icc_2_k_ci_upper")] <- NA
  for (side in c("_ci_lower", "_ci_upper"))
    if (out[paste0("icc_2_1", side)] <= -1) out[paste0("icc_2_k", side)] <- NA
  out
}

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

# method "auto": repeated when some dyad has several pairs (and there are two
# dyads or more), as compare does; "pairs": every pair its own unit (what
# core::agreement gives without dyads).
stats_of <- function(dataset, s, x, y, g, excluded, method) {
  k <- length(unique(g))
  repeated <- method == "auto" && k >= 2 && k < length(x)
  ux <- x; uy <- y
  if (repeated) {
    ux <- as.numeric(tapply(x, factor(g), mean)); uy <- as.numeric(tapply(y, factor(g), mean))
  }
  stats <- c(n = length(x), dyads = if (method == "pairs") length(x) else k, excluded = excluded,
             mean_1 = mean(x), mean_2 = mean(y), limits(x - y, g, repeated),
             pearson_r = cor(ux, uy), icc_all(ux, uy), lin(ux, uy))
  data.frame(dataset = dataset, method = if (repeated) "repeated" else "pairs", scale = s,
             t(sapply(stats, num)), check.names = FALSE)
}

statistics <- function(dataset, cfile, tfile, method) {
  cl <- read.csv(cfile, colClasses = c(respondent = "character"), check.names = FALSE)
  th <- read.csv(tfile, colClasses = c(respondent = "character"), check.names = FALSE)
  cs <- t(apply(cl, 1, score)); ts <- t(apply(th, 1, score))
  key <- function(df) paste(df$respondent, df$session)
  rownames(cs) <- key(cl); rownames(ts) <- key(th)
  paired <- sort(intersect(rownames(cs), rownames(ts)))
  rows <- list()
  for (s in scales) {
    x <- cs[paired, s]; y <- ts[paired, s]; g <- sub(" .*", "", paired)
    ok <- !is.na(x) & !is.na(y)
    rows[[s]] <- stats_of(dataset, s, x[ok], y[ok], g[ok], sum(!ok), method)
  }
  do.call(rbind, rows)
}

# Plain numbers (tests/core/agreement_repeated_test.cpp uses them as given):
# the differences vary more within the dyads than between them (s_b^2 set
# to 0), and the dyads' means of the two forms go opposite ways (negative ICCs).
small <- data.frame(dyad = c("A", "A", "A", "B", "B", "C", "C", "C", "D"),
                    x = c(2, 4, 3, 4.5, 2.5, 1.5, 3.5, 2.5, 4),
                    y = c(5.5, 1.5, 3.5, 1, 5, 5, 1.8, 4, 2.9))
write.csv(small, "small.csv", row.names = FALSE, quote = FALSE)

out <- rbind(statistics("compare", "client.csv", "therapist.csv", "auto"),
             statistics("compare", "client.csv", "therapist.csv", "pairs"),
             statistics("unequal", "unequal_client.csv", "unequal_therapist.csv", "auto"),
             stats_of("small", "x", small$x, small$y, small$dyad, 0, "auto"),
             stats_of("small", "x", small$x, small$y, small$dyad, 0, "pairs"))
write.csv(out, "expected_repeated.csv", row.names = FALSE, quote = FALSE)
