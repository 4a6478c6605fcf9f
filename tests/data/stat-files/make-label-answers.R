# Writes label-answers.sav: P01's and P02's answers of answers.csv, every item
# a STRING variable holding the answer's label (English for P01, French and
# odd case for P02, one missing), as SPSS files exported with "values as
# labels" hold them. Run from this directory: Rscript make-label-answers.R
library(haven)
en <- c("Never", "Rarely", "Sometimes", "Often", "Always")
fr <- c("jamais", "RAREMENT", "parfois", "souvent", "Toujours")
p01 <- c(4, 4, 3, 5, 4, 3, 2, 2, 2, 4, 4, 3)
p02 <- c(5, 5, 4, 4, NA, 5, 2, 1, 4, 4, 4, 1)
d <- data.frame(respondent = c("P01", "P02"), session = c(1, 2))
for (i in 1:12) {
  d[[paste0("gtb_", i)]] <- c(en[p01[i]], if (is.na(p02[i])) "" else fr[p02[i]])
}
write_sav(d, "label-answers.sav")
