# embed-sql.awk: writes the migrations sql/NNNN-name.sql as a C array.
BEGIN {
	print "/* Generated from the sql/ migrations by tests/embed-sql.awk; do not edit. */"
	print "#include \"db-internal.h\""
	print ""
	print "const struct migration tam_migrations[] = {"
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
	printf "const int tam_nmigrations = %d;\n", n
}
