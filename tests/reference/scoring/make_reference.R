#!/usr/bin/env Rscript
# Reference scores for the bundled questionnaires, computed independently of
# alliance with R's psych package (sums and means of keyed items) and plain R
# (missing-data rules, prorating, total rules).
#
#   Rscript tests/reference/scoring/make_reference.R      # from the repository root
#
# Writes, next to this script, for every questionnaire <id>:
#   <id>-input.csv     responses: respondent, then one column per item
#   <id>-expected.csv  respondent, then for each subscale and the total:
#                      <scale>, <scale>_answered, <scale>_missing, <scale>_status
#                      (NA score = insufficient)
# and versions.txt. The random seed is fixed, so the output is reproducible
# with the same R and psych versions (see README.md).
#
# The keys and rules are written out below by hand from questionnaires/*.json
# (jsonlite is not installed here, and a key typed separately is a check on
# the JSON too). The rules themselves are those of docs/definition-format.md,
# "Scoring, exactly" and "Missing rule".

suppressPackageStartupMessages(library(psych))

script_path <- function() {
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(file_arg) == 0) stop("run me with Rscript")
  normalizePath(sub("^--file=", "", file_arg[1]))
}
out_dir <- dirname(script_path())

# ---------------------------------------------------------------------------
# Definitions (hand-copied; the file each comes from is named).

# A missing rule: list(max_missing = k), or list(min_answered = f, rounding = "up"|"down"|"nearest"),
# or NULL for "any number may be missing" (the default of a total of items).
rule_max <- function(k) list(max_missing = k)
rule_frac <- function(f, rounding) list(min_answered = f, rounding = rounding)

# Fewest parts that must be answered (docs/definition-format.md, "Missing rule").
# Fractions are meant as exact decimals: 0.8 * 12 = 9.6 -> up 10, down 9, nearest 10.
# round(x, 9) removes binary noise such as 0.7 * 10 = 7.000000000000001.
required_answers <- function(rule, parts) {
  if (is.null(rule)) return(0)
  if (!is.null(rule$max_missing)) return(max(0, parts - rule$max_missing))
  exact <- round(rule$min_answered * parts, 9)
  count <- switch(rule$rounding,
                  up = ceiling(exact),
                  down = floor(exact),
                  nearest = floor(exact + 0.5))
  min(max(count, 0), parts)
}

gtb12_key <- function(file) list(
  # questionnaires/gtb-12.json and gtb-12-t.json (same key): scale 1..5,
  # three mean subscales of four items, at most one missing each;
  # total: mean of all items, insufficient when any subscale is.
  file = file, min = 1, max = 5, continuous = FALSE,
  items = as.character(1:12),
  subscale = c("goals", "tasks", "bond", "goals", "tasks", "bond",
               "goals", "tasks", "bond", "goals", "tasks", "bond"),
  reverse = as.character(c(7, 8, 12)),
  subscales = list(
    goals = list(method = "mean", missing = rule_max(1), prorate = FALSE),
    tasks = list(method = "mean", missing = rule_max(1), prorate = FALSE),
    bond = list(method = "mean", missing = rule_max(1), prorate = FALSE)),
  total = list(method = "mean", of = "items", missing = NULL, prorate = FALSE,
               requires_all_subscales = TRUE))

wai12_total <- list(method = "sum", of = "items", missing = NULL, prorate = TRUE,
                    requires_all_subscales = TRUE)

wai_sr <- list(
  # questionnaires/wai-sr.json (Hatcher & Gillaspy 2006): scale 1..5, no reversed
  # items, prorated sums, at most one missing per subscale; total: prorated sum of items.
  file = "questionnaires/wai-sr.json", min = 1, max = 5, continuous = FALSE,
  items = as.character(1:12),
  subscale = c("task", "task", "bond", "goal", "bond", "goal",
               "bond", "goal", "bond", "task", "goal", "task"),
  reverse = character(0),
  subscales = list(
    goal = list(method = "sum", missing = rule_max(1), prorate = TRUE),
    task = list(method = "sum", missing = rule_max(1), prorate = TRUE),
    bond = list(method = "sum", missing = rule_max(1), prorate = TRUE)),
  total = wai12_total)

wai_s <- list(
  # questionnaires/wai-s.json (Tracey & Kokotovic 1989): scale 1..7, items 4 and 10
  # reversed, otherwise as wai-sr.
  file = "questionnaires/wai-s.json", min = 1, max = 7, continuous = FALSE,
  items = as.character(1:12),
  subscale = c("task", "task", "bond", "goal", "bond", "goal",
               "bond", "task", "bond", "goal", "goal", "task"),
  reverse = c("4", "10"),
  subscales = list(
    goal = list(method = "sum", missing = rule_max(1), prorate = TRUE),
    task = list(method = "sum", missing = rule_max(1), prorate = TRUE),
    bond = list(method = "sum", missing = rule_max(1), prorate = TRUE)),
  total = wai12_total)

wai36_key <- function(file) {
  # questionnaires/wai.json and wai-t.json (Horvath & Greenberg 1989; same key):
  # scale 1..7, prorated sums of 12 items, at least 0.8 answered rounded up
  # (0.8 x 12 = 9.6 -> 10, so at most 2 missing); total: prorated sum of items.
  goal <- c(3, 6, 9, 10, 12, 14, 22, 25, 27, 30, 32, 34)
  task <- c(2, 4, 7, 11, 13, 15, 16, 18, 24, 31, 33, 35)
  bond <- c(1, 5, 8, 17, 19, 20, 21, 23, 26, 28, 29, 36)
  subscale <- character(36)
  subscale[goal] <- "goal"
  subscale[task] <- "task"
  subscale[bond] <- "bond"
  rule <- rule_frac(0.8, "up")
  list(file = file, min = 1, max = 7, continuous = FALSE,
       items = as.character(1:36), subscale = subscale,
       reverse = as.character(c(1, 3, 7, 9, 10, 11, 12, 15, 20, 27, 29, 31, 33, 34)),
       subscales = list(
         goal = list(method = "sum", missing = rule, prorate = TRUE),
         task = list(method = "sum", missing = rule, prorate = TRUE),
         bond = list(method = "sum", missing = rule, prorate = TRUE)),
       total = wai12_total)
}

srs <- list(
  # questionnaires/srs.json (Duncan et al. 2003): four 0..10 analogue lines
  # (precision 0.1), each its own sum subscale with nothing missing allowed;
  # total: sum of the four, nothing missing.
  file = "questionnaires/srs.json", min = 0, max = 10, continuous = TRUE,
  items = as.character(1:4),
  subscale = c("relationship", "goals", "approach", "overall"),
  reverse = character(0),
  subscales = list(
    relationship = list(method = "sum", missing = rule_max(0), prorate = FALSE),
    goals = list(method = "sum", missing = rule_max(0), prorate = FALSE),
    approach = list(method = "sum", missing = rule_max(0), prorate = FALSE),
    overall = list(method = "sum", missing = rule_max(0), prorate = FALSE)),
  total = list(method = "sum", of = "items", missing = rule_max(0), prorate = FALSE,
               requires_all_subscales = TRUE))

# Two made-up keys for what no bundled questionnaire uses: weights, option
# scores, rounding down and to nearest, a total of subscales, a total of items
# with its own missing rule and not requiring every subscale. They are
# tests/reference/scoring/ref-subscales.json and ref-items.json (same items and
# subscales, different totals). Scale 1..5, answer codes score 0, 1, 3, 6, 10
# (reversed on the code first: min + max - a, then scored).
ref_key <- function(file, total) {
  sub <- list(
    # subscale, method, rule, prorate, weights, reversed item numbers
    list("A", "mean", rule_frac(0.6, "down"), FALSE, c(2, 1, 0.5, 1.5, 1), c(2, 4)),
    list("B", "sum", rule_frac(0.7, "up"), TRUE, c(1, 2, 1, 0.25, 1, 3, 1, 1, 0.5, 1), c(3, 7, 10)),
    list("C", "sum", rule_max(2), FALSE, c(1, 1, 2, 2), 1),
    list("D", "mean", rule_frac(0.5, "nearest"), FALSE, c(1, 1, 1, 1, 1), 5),
    list("E", "sum", rule_frac(0.75, "down"), TRUE, c(1.5, 1, 1, 1, 1, 0.5), c(2, 6)))
  # Items are interleaved across subscales in the file (a1 b1 c1 d1 e1 a2 ...),
  # in the order given by this table; their ids are the subscale in lower case
  # and the number.
  table <- do.call(rbind, lapply(sub, function(d) {
    k <- seq_along(d[[5]])
    data.frame(id = paste0(tolower(d[[1]]), k), subscale = d[[1]], k = k,
               weight = d[[5]], reverse = k %in% d[[6]])
  }))
  table <- table[order(table$k, table$subscale), ]
  subscales <- lapply(sub, function(d) list(method = d[[2]], missing = d[[3]], prorate = d[[4]]))
  names(subscales) <- vapply(sub, `[[`, "", 1)
  list(file = file, min = 1, max = 5, continuous = FALSE, scores = c(0, 1, 3, 6, 10),
       items = table$id, subscale = table$subscale, weight = table$weight,
       reverse = table$id[table$reverse], subscales = subscales, total = total)
}

ref_subscales <- ref_key("tests/reference/scoring/ref-subscales.json",
                         list(method = "mean", of = "subscales", missing = rule_max(1), prorate = FALSE))
ref_items <- ref_key("tests/reference/scoring/ref-items.json",
                     list(method = "sum", of = "items", missing = rule_frac(0.8, "down"), prorate = TRUE,
                          requires_all_subscales = FALSE))

# id -> definition, how many responses, how item columns are named in the
# input CSV (every pattern the reader detects is used somewhere).
questionnaires <- list(
  list(id = "gtb-12", def = gtb12_key("questionnaires/gtb-12.json"), n = 200, column = "%s"),
  list(id = "gtb-12-t", def = gtb12_key("questionnaires/gtb-12-t.json"), n = 100, column = "item_%s"),
  list(id = "wai-sr", def = wai_sr, n = 200, column = "%s"),
  list(id = "wai-s", def = wai_s, n = 200, column = "q%s"),
  list(id = "wai", def = wai36_key("questionnaires/wai.json"), n = 200, column = "i%s"),
  list(id = "wai-t", def = wai36_key("questionnaires/wai-t.json"), n = 100, column = "item%s"),
  list(id = "srs", def = srs, n = 150, column = "%s"),
  list(id = "ref-subscales", def = ref_subscales, n = 200, column = "%s"),
  list(id = "ref-items", def = ref_items, n = 200, column = "%s"))

# ---------------------------------------------------------------------------
# Data: answers, then holes placed so that every subscale is seen with no
# missing answer, with exactly as many as its rule allows, with one more than
# it allows, and with none answered; rows 1 and 2 are all min and all max.

random_answers <- function(def, n) {
  k <- length(def$items)
  if (def$continuous) {
    # 0.1 steps, as administration records them; some rows at the ends.
    x <- matrix(round(runif(n * k, def$min, def$max), 1), n, k)
  } else {
    x <- matrix(sample(def$min:def$max, n * k, replace = TRUE), n, k)
  }
  x[1, ] <- def$min  # the ends of the scale, keyed both ways
  x[2, ] <- def$max
  x
}

punch_holes <- function(def, x) {
  n <- nrow(x)
  # Fixed rows first, so that every case is there whatever the draw: row 3 has
  # nothing answered; then, subscale by subscale, one row with exactly as many
  # holes as the rule allows and one with one more (the other subscales complete).
  x[3, ] <- NA
  r <- 3
  for (s in names(def$subscales)) {
    cols <- which(def$subscale == s)
    parts <- length(cols)
    allowed <- parts - required_answers(def$subscales[[s]]$missing, parts)
    for (m in unique(c(allowed, min(allowed + 1, parts)))) {
      r <- r + 1
      if (m > 0) x[r, cols[sample.int(parts, m)]] <- NA
    }
  }
  first_random <- r + 1
  # A quarter of the responses are complete, so that totals are well represented
  # even for the SRS, where one hole makes everything insufficient.
  complete <- runif(n) < 0.25
  for (s in names(def$subscales)) {
    cols <- which(def$subscale == s)
    parts <- length(cols)
    allowed <- parts - required_answers(def$subscales[[s]]$missing, parts)
    for (r in first_random:n) {
      if (complete[r]) next
      choices <- unique(c(0, allowed, allowed + 1, parts, sample(0:parts, 1)))
      choices <- choices[choices <= parts]
      probs <- c(0.45, 0.3, 0.12, 0.03, 0.1)[seq_along(choices)]
      m <- if (length(choices) == 1) choices else sample(choices, 1, prob = probs)
      if (m > 0) x[r, cols[sample.int(parts, m)]] <- NA
    }
  }
  x
}

# ---------------------------------------------------------------------------
# Scoring.

keyed_names <- function(def, cols) {
  # psych keys: "-name" for a reverse-keyed item.
  names <- paste0("i", def$items[cols])
  ifelse(def$items[cols] %in% def$reverse, paste0("-", names), names)
}

# psych::scoreFast over the given keys: sums (totals = TRUE) or means
# (totals = FALSE) of the answered items, reverse = min + max - x, and the
# number of answered items (count.responses). impute = "none": only the
# answered items count; delete = FALSE: never drop an item for lack of variance.
psych_scores <- function(def, data, keys, totals) {
  scoreFast(keys, data, totals = totals, impute = "none", delete = FALSE,
            min = def$min, max = def$max, count.responses = TRUE)
}

# The same in plain R, as a check on how psych was called.
plain_keyed <- function(def, x) {
  rev <- def$items %in% def$reverse
  x[, rev] <- def$min + def$max - x[, rev]
  x
}

# The rule of a scale with `parts` parts (items, or subscales for a total of
# subscales) over: S, the sum of the answered contributions; `means`, their
# (weighted) mean; `answered`; w and W, the weights of the answered and of all
# parts (with unit weights: answered and parts).
apply_rule <- function(spec, sums, means, answered, parts, w = answered, W = parts) {
  required <- required_answers(spec$missing, parts)
  ok <- answered > 0 & answered >= required
  value <- if (spec$method == "mean") {
    means
  } else if (isTRUE(spec$prorate)) {
    # Prorated sum: S x W / w (unit weights: sum of answered x n_items / n_answered).
    ifelse(answered < parts, sums * W / w, sums)
  } else {
    sums
  }
  value[!ok] <- NA
  list(value = value, answered = answered, missing = parts - answered,
       status = ifelse(ok, "ok", "insufficient"))
}

score_all <- function(def, x) {
  data <- as.data.frame(x)
  colnames(data) <- paste0("i", def$items)
  keyed <- plain_keyed(def, x)
  scales <- c(names(def$subscales), "total")
  keys <- lapply(names(def$subscales), function(s) keyed_names(def, which(def$subscale == s)))
  names(keys) <- names(def$subscales)
  stopifnot(def$total$of == "items")  # no bundled definition totals its subscales
  keys$total <- keyed_names(def, seq_along(def$items))
  sums <- psych_scores(def, data, keys, totals = TRUE)
  means <- psych_scores(def, data, keys, totals = FALSE)
  out <- list()
  for (j in seq_along(scales)) {
    s <- scales[j]
    cols <- if (s == "total") seq_along(def$items) else which(def$subscale == s)
    answered <- as.vector(sums$responses[, j])
    # psych agrees with plain R on the keyed sums, means and counts.
    stopifnot(all(answered == rowSums(!is.na(x[, cols, drop = FALSE]))))
    stopifnot(isTRUE(all.equal(as.vector(sums$scores[, j]),
                               rowSums(keyed[, cols, drop = FALSE], na.rm = TRUE), tolerance = 1e-14)))
    stopifnot(isTRUE(all.equal(as.vector(means$scores[, j]),
                               rowMeans(keyed[, cols, drop = FALSE], na.rm = TRUE), tolerance = 1e-14)))
    spec <- if (s == "total") def$total else def$subscales[[s]]
    out[[s]] <- apply_rule(spec, as.vector(sums$scores[, j]), as.vector(means$scores[, j]),
                           answered, length(cols))
  }
  # A total of items that requires all subscales is insufficient when any is.
  if (isTRUE(def$total$requires_all_subscales)) {
    blocked <- Reduce(`|`, lapply(names(def$subscales), function(s) out[[s]]$status != "ok"))
    out$total$value[blocked] <- NA
    out$total$status[blocked] <- "insufficient"
  }
  out
}

# The made-up keys: psych::reverse.code reverses the codes (min + max - a),
# plain R maps codes to option scores, psych::scoreWtd (std = FALSE, sums = TRUE)
# gives S, the weighted sum of the answered item scores; w and W in plain R.
score_weighted <- function(def, x) {
  k <- length(def$items)
  weight <- if (is.null(def$weight)) rep(1, k) else def$weight
  colnames(x) <- def$items
  keyed <- reverse.code(ifelse(def$items %in% def$reverse, -1, 1), x, mini = def$min, maxi = def$max)
  stopifnot(all.equal(unname(keyed), unname(plain_keyed(def, x))))
  scored <- if (is.null(def$scores)) keyed else matrix(def$scores[keyed - def$min + 1], nrow(x), k)
  colnames(scored) <- def$items
  scales <- names(def$subscales)
  if (def$total$of == "items") scales <- c(scales, "total")
  weights <- sapply(scales, function(s) weight * (s == "total" | def$subscale == s))
  rownames(weights) <- def$items
  S <- scoreWtd(weights, as.data.frame(scored), std = FALSE, sums = TRUE)
  answered_weight <- (!is.na(x) + 0) %*% weights
  # psych agrees with plain R: unanswered items contribute nothing.
  answered_scores <- ifelse(is.na(scored), 0, scored)
  stopifnot(isTRUE(all.equal(unname(S), unname(answered_scores %*% weights), tolerance = 1e-14)))
  out <- list()
  for (j in seq_along(scales)) {
    s <- scales[j]
    cols <- if (s == "total") seq_len(k) else which(def$subscale == s)
    spec <- if (s == "total") def$total else def$subscales[[s]]
    out[[s]] <- apply_rule(spec, S[, j], S[, j] / answered_weight[, j],
                           rowSums(!is.na(x[, cols, drop = FALSE])), length(cols),
                           answered_weight[, j], sum(weight[cols]))
  }
  if (def$total$of == "subscales") {
    # Parts are the subscales; an insufficient one counts as missing.
    values <- sapply(names(def$subscales), function(s) out[[s]]$value)
    ok <- !is.na(values)
    sums <- rowSums(values, na.rm = TRUE)
    answered <- rowSums(ok)
    out$total <- apply_rule(def$total, sums, sums / answered, answered, ncol(values))
  } else if (isTRUE(def$total$requires_all_subscales)) {
    blocked <- Reduce(`|`, lapply(names(def$subscales), function(s) out[[s]]$status != "ok"))
    out$total$value[blocked] <- NA
    out$total$status[blocked] <- "insufficient"
  }
  out
}

# ---------------------------------------------------------------------------
# Output.

number <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))

write_lines_lf <- function(lines, path) {
  con <- file(path, open = "wb")
  writeLines(lines, con, sep = "\n")
  close(con)
}

write_input <- function(q, respondents, x) {
  def <- q$def
  # Answers as typed: 7.3, not 7.2999999999999998 (the same double either way).
  cells <- matrix(sprintf("%.15g", x), nrow(x), ncol(x))
  # Every spelling of "not answered" the reader accepts (docs/response-format.md).
  holes <- which(is.na(x))
  cells[holes] <- sample(c("", "NA", ".", "N/A", "null"), length(holes), replace = TRUE,
                         prob = c(0.4, 0.3, 0.1, 0.1, 0.1))
  header <- c("respondent", sprintf(q$column, def$items))
  lines <- c(paste(header, collapse = ","),
             vapply(seq_len(nrow(x)), function(r) paste(c(respondents[r], cells[r, ]), collapse = ","), ""))
  write_lines_lf(lines, file.path(out_dir, paste0(q$id, "-input.csv")))
}

write_expected <- function(q, respondents, scores) {
  header <- "respondent"
  columns <- list(respondents)
  for (s in names(scores)) {
    sc <- scores[[s]]
    header <- c(header, s, paste0(s, "_answered"), paste0(s, "_missing"), paste0(s, "_status"))
    columns <- c(columns, list(number(sc$value), as.character(sc$answered),
                               as.character(sc$missing), sc$status))
  }
  body <- do.call(paste, c(columns, sep = ","))
  write_lines_lf(c(paste(header, collapse = ","), body),
                 file.path(out_dir, paste0(q$id, "-expected.csv")))
}

set.seed(20261201)
for (q in questionnaires) {
  x <- punch_holes(q$def, random_answers(q$def, q$n))
  respondents <- sprintf("R%03d", seq_len(nrow(x)))
  weighted <- !is.null(q$def$weight) || !is.null(q$def$scores) || q$def$total$of != "items"
  scores <- if (weighted) score_weighted(q$def, x) else score_all(q$def, x)
  write_input(q, respondents, x)
  write_expected(q, respondents, scores)
  statuses <- table(unlist(lapply(scores, `[[`, "status")))
  cat(sprintf("%-9s %4d responses; scale statuses: %s\n", q$id, nrow(x),
              paste(names(statuses), statuses, sep = " ", collapse = ", ")))
}

write_lines_lf(c(R.version.string, paste("psych", as.character(packageVersion("psych")))),
               file.path(out_dir, "versions.txt"))
