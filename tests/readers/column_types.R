# Prints each column of a CSV file as R's read.csv types it, one "name:class"
# per line (used by tests/e2e/readers_test.cpp). Usage: Rscript column_types.R FILE [tsv]
args <- commandArgs(trailingOnly = TRUE)
sep <- if (length(args) > 1 && args[2] == "tsv") "\t" else ","
x <- read.csv(args[1], sep = sep, stringsAsFactors = FALSE)
for (name in names(x)) cat(name, ":", class(x[[name]]), "\n", sep = "")
