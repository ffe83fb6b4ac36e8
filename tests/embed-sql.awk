# embed-sql.awk: writes the migrations sql/NNNN-name.sql as a C array.
# -v var=NAME -v count=NAME name the array and its count (tam_migrations,
# tam_nmigrations); the run for those writes the header.
BEGIN {
	if (var == "")
		var = "tam_migrations"
	if (count == "")
		count = "tam_nmigrations"
	if (var == "tam_migrations") {
		print "/* Generated from the sql/ migrations by tests/embed-sql.awk; do not edit. */"
		print "#include \"db-internal.h\""
	}
	print ""
	print "const struct migration " var "[] = {"
	n = 0
}
FNR == 1 {
	if (n > 0)
		print "\t},"
	file = FILENAME
	sub(/.*\//, "", file)
	version = substr(file, 1, 4) + 0
	printf "\t{ %d, \"%s\",\n", version, file
	n++
}
{
	line = $0
	gsub(/\\/, "\\\\", line)
	gsub(/"/, "\\\"", line)
	gsub(/\t/, "\\t", line)
	printf "\t    \"%s\\n\"\n", line
}
END {
	if (n > 0)
		print "\t},"
	print "};"
	printf "const int %s = %d;\n", count, n
}
