# Reference data and expected values for `alliance compare` (GTB-12 client
# form against GTB-12-T therapist form). Scores the responses with its own
# implementation of the GTB-12 rules, then computes per scale the mean
# difference, SD of differences, Bland-Altman limits, Pearson r (cor) and
# ICC(2,1) (psych::ICC, row "ICC2"). Run from this directory:
#   Rscript make_reference.R
# Writes client.csv, therapist.csv (the input), expected_scores.csv,
# expected_agreement.csv, expected_unpaired.csv.
suppressPackageStartupMessages(library(psych))
set.seed(20261201)

reverse <- c(7, 8, 12)                       # reverse-keyed items (1..5 scale: 6 - answer)
subscale <- c("goals", "tasks", "bond")[rep(1:3, 4)]  # items 1,4,7,10 goals; 2,5,8,11 tasks; 3,6,9,12 bond
scales <- c("goals", "tasks", "bond", "total")

# Answers from a latent level per subscale: keyed value = round(level + noise),
# clamped to 1..5, then reversed back for reverse-keyed items.
answers_for <- function(level) {
  keyed <- pmin(5, pmax(1, round(level[subscale] + rnorm(12, 0, 0.7))))
  ifelse(seq_len(12) %in% reverse, 6 - keyed, keyed)
}

n_dyads <- 30
sessions <- 1:2
client <- list(); therapist <- list()
for (d in seq_len(n_dyads)) {
  base <- rnorm(1, 3.4, 0.6)
  for (s in sessions) {
    level <- base + rnorm(3, 0, 0.4)
    names(level) <- c("goals", "tasks", "bond")
    id <- sprintf("D%02d", d)
    client[[length(client) + 1]] <- c(id, s, answers_for(level))
    # The therapist sees the same alliance, a little lower, with noise of their own.
    therapist[[length(therapist) + 1]] <- c(id, s, answers_for(level - 0.2 + rnorm(3, 0, 0.3)))
  }
}
client <- as.data.frame(do.call(rbind, client), stringsAsFactors = FALSE)
therapist <- as.data.frame(do.call(rbind, therapist), stringsAsFactors = FALSE)
names(client) <- names(therapist) <- c("respondent", "session", as.character(1:12))
for (k in as.character(1:12)) {
  client[[k]] <- as.numeric(client[[k]]); therapist[[k]] <- as.numeric(therapist[[k]])
}

# Missing answers: one here and there (still scored), two in one subscale
# (insufficient, so that scale and the total are left out of the statistics).
client[3, "5"] <- NA
client[8, c("1", "4")] <- NA     # goals insufficient
therapist[11, "12"] <- NA
therapist[20, c("3", "6")] <- NA # bond insufficient
# Unpaired: a client session with no therapist rating, and a therapist one with no client.
therapist <- therapist[-c(15), ]
client <- client[-c(42), ]
# A therapist response with an answer off the scale: invalid, left out of everything.
bad <- which(therapist$respondent == "D25" & therapist$session == "1")
therapist[bad, "2"] <- 9

write.csv(client, "client.csv", row.names = FALSE, na = "")
write.csv(therapist, "therapist.csv", row.names = FALSE, na = "")

# GTB-12 scoring: subscale = mean of its answered keyed items, at most 1 of 4
# missing; total = mean of all answered keyed items, only when every subscale is scored.
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
key <- function(df) paste(df$respondent, df$session)
cs <- t(apply(client, 1, score)); ts <- t(apply(therapist, 1, score))
rownames(cs) <- key(client); rownames(ts) <- key(therapist)
paired <- sort(intersect(rownames(cs), rownames(ts)))

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
rows <- list()
for (k in paired) for (s in scales) {
  parts <- strsplit(k, " ")[[1]]
  rows[[length(rows) + 1]] <- data.frame(respondent = parts[1], session = parts[2], scale = s,
                                         client = num(cs[k, s]), therapist = num(ts[k, s]))
}
write.csv(do.call(rbind, rows), "expected_scores.csv", row.names = FALSE, quote = FALSE)

agreement <- list()
for (s in scales) {
  x <- cs[paired, s]; y <- ts[paired, s]
  ok <- !is.na(x) & !is.na(y)
  x <- x[ok]; y <- y[ok]
  d <- x - y
  icc <- ICC(cbind(x, y), lmer = FALSE)$results
  agreement[[s]] <- data.frame(
    scale = s, n = length(x), excluded = sum(!ok),
    mean_client = num(mean(x)), mean_therapist = num(mean(y)),
    mean_difference = num(mean(d)), sd_difference = num(sd(d)),
    loa_lower = num(mean(d) - 1.96 * sd(d)), loa_upper = num(mean(d) + 1.96 * sd(d)),
    pearson_r = num(cor(x, y)), icc_2_1 = num(icc["Single_random_raters", "ICC"]))
  stopifnot(icc["Single_random_raters", "type"] == "ICC2")
}
write.csv(do.call(rbind, agreement), "expected_agreement.csv", row.names = FALSE, quote = FALSE)

unpaired <- rbind(
  data.frame(form = "client", key = setdiff(rownames(cs), rownames(ts))),
  data.frame(form = "therapist", key = setdiff(rownames(ts), rownames(cs))))
unpaired$respondent <- sub(" .*", "", unpaired$key)
unpaired$session <- sub(".* ", "", unpaired$key)
write.csv(unpaired[, c("form", "respondent", "session")], "expected_unpaired.csv", row.names = FALSE,
          quote = FALSE)
