#!/usr/bin/env bats
# money.bats: one AMOUNT grammar on the command line and in the import,
# and every amount shown in its own currency (SPEC §2 "Money on screen",
# §5 "Money").

bats_require_minimum_version 1.5.0
load helper

# Runs a failing command and proves the database did not change.
refused() {
	local code=$1 before
	shift
	before=$(dbdump)
	run_tam "$@"
	assert_failure "$code"
	assert_output ""
	assert_equal "$(dbdump)" "$before"
}

acv_of() {
	dbsql "SELECT acv_cents || ' ' || currency FROM account WHERE name = '$1'"
}

@test "AMOUNT: junk after the number is not a currency" {
	tam -q init
	for a in 12abc '12 abc' 12ABCD '1,00,000' 12.345 '100 usd' USD100 \
	    '$5$'; do
		refused 2 account add X --acv "$a"
		assert_equal "$stderr" "tam: '$a' is not an amount (like 250000, \$250,000 or USD 250,000.00)"
	done
	refused 2 account add X --acv '100 XYZ'
	assert_equal "$stderr" "tam: '100 XYZ' is not an amount: its currency code is not an ISO 4217 code (like USD, EUR or GBP)"
	refused 2 account add X --acv 'HRK 100'
	assert_equal "$stderr" "tam: 'HRK 100' is not an amount: its currency code is not an ISO 4217 code (like USD, EUR or GBP)"
	refused 2 account add X --acv '$100 EUR'
	assert_equal "$stderr" "tam: '\$100 EUR' is not an amount: its currency symbol and code name different currencies"
	refused 2 account add X --acv '¥1,000.50'
	assert_equal "$stderr" "tam: '¥1,000.50' is not an amount: its currency has no decimals"
	refused 2 account add X --currency XYZ
	assert_equal "$stderr" "tam: 'XYZ' is not a currency code (like USD or EUR)"
}

@test "AMOUNT: symbols and codes before or after set the currency" {
	tam -q account add A --acv '€300,000'
	tam -q account add B --acv '1,234.50 EUR'
	tam -q account add C --acv '£1,000'
	tam -q account add D --acv '¥1,000'
	tam -q account add E --acv '480,000.00 €'
	tam -q account add G --acv 250000 --currency jpy
	assert_equal "$(acv_of A)" "30000000 EUR"
	assert_equal "$(acv_of B)" "123450 EUR"
	assert_equal "$(acv_of C)" "100000 GBP"
	assert_equal "$(acv_of D)" "100000 JPY"
	assert_equal "$(acv_of E)" "48000000 EUR"
	assert_equal "$(acv_of G)" "25000000 JPY"
	# '$' is USD: it sets the currency back
	tam -q account set A --acv '$7'
	assert_equal "$(acv_of A)" "700 USD"
}

@test "import: a cell that is not an amount rejects the row" {
	printf 'Account Name,ACV\nA,12abc\nB,100 XYZ\nC,"1,00,000"\nD,12.345\nE,$100 EUR\nF,"¥1,000.50"\nG,"EUR 5"\n' > m.csv
	tam -q init
	before=$(dbdump)
	run_tam import m.csv
	assert_failure 1
	assert_equal "$stderr" "tam: m.csv:2: column 'ACV': '12abc' is not an amount
tam: m.csv:3: column 'ACV': '100 XYZ' is not an amount: its currency code is not an ISO 4217 code (like USD, EUR or GBP)
tam: m.csv:4: column 'ACV': '1,00,000' is not an amount
tam: m.csv:5: column 'ACV': '12.345' is not an amount
tam: m.csv:6: column 'ACV': '\$100 EUR' is not an amount: its currency symbol and code name different currencies
tam: m.csv:7: column 'ACV': '¥1,000.50' is not an amount: its currency has no decimals
tam: import rejected: 6 of 7 rows invalid, nothing written"
	assert_equal "$(dbdump)" "$before"
}

@test "import: the Currency column sets the currency and must agree with the ACV" {
	printf 'Account Name,ACV,Currency\nA,"300,000",EUR\nB,"£5",GBP\nC,"1000",jpy\n' > ok.csv
	run_tam import ok.csv
	assert_success
	assert_equal "$(acv_of A)" "30000000 EUR"
	assert_equal "$(acv_of B)" "500 GBP"
	assert_equal "$(acv_of C)" "100000 JPY"
	printf 'Account Name,ACV,Currency\nA,"100 EUR",USD\nB,"1000.50",JPY\nC,5,XYZ\n' > bad.csv
	before=$(dbdump)
	run_tam import bad.csv
	assert_failure 1
	assert_equal "$stderr" "tam: bad.csv:2: column 'ACV': '100 EUR' names another currency than the row's Currency column
tam: bad.csv:3: column 'ACV': '1000.50' is not an amount: the row's currency has no decimals
tam: bad.csv:4: column 'Currency': 'XYZ' is not a currency code (like USD or EUR)
tam: import rejected: 3 of 3 rows invalid, nothing written"
	assert_equal "$(dbdump)" "$before"
}

@test "account list and tam due show each ACV in its account's currency" {
	tam -q account add Euro --acv 'EUR 300,000' --renewal 2027-03-01 --tam alice
	tam -q account add Dollar --acv 250000 --renewal 2027-02-01 --tam alice
	run_tam account list --format table
	assert_success
	assert_line --index 1 --regexp '^ 2 +Dollar +alice +2027-02-01 +70 +\$250,000 +$'
	assert_line --index 2 --regexp '^ 1 +Euro +alice +2027-03-01 +98 +EUR 300,000 +yes +$'
	# machine formats: a number and the currency beside it, as before
	run_tam account list --format csv
	assert_line --index 2 "1,,Euro,alice,,2027-03-01,98,300000,EUR,true,,false,,,false"
	run_tam due --all --format table
	assert_success
	assert_output --partial "renews 2027-03-01  EUR 300,000  with alice (TAM)"
	assert_output --partial "renews 2027-02-01  \$250,000  with alice (TAM)"
	refute_output --partial '$300,000'
	# the due list's machine rows: acv a number, its currency last
	run_tam due --all --format json
	echo "$output" | jq -e '[.[] | select(.account == "Euro")][0] | .acv == 300000 and .currency == "EUR"'
	echo "$output" | jq -e '.[0] | keys_unsorted | .[-1] == "currency" and .[10] == "acv"'
}

@test "cta list and cta show: net ARR in the account's currency" {
	tam -q account add Euro --acv "EUR 300,000"
	tam -q sentiment Euro red --note "at risk" --cta
	tam -q cta close 1 --lost downgrade --net-arr -50000 --note "cut"
	run_tam cta list --kind risk --format table
	assert_success
	assert_line --index 1 --regexp ' -EUR 50,000$'
	refute_output --partial '$'
	run_tam cta show 1 --format table
	assert_output --partial '-EUR 50,000'
	refute_output --partial '$'
	# machine formats: the number alone, as before
	run_tam cta list --kind risk --format csv
	assert_line --index 1 --regexp ',-50000$'
}

@test "account add/set: an ACV with cents in a currency without them is refused" {
	tam -q init
	before=$(dbdump)
	run_tam account add Yen --acv 1000.50 --currency JPY
	assert_failure 2
	assert_equal "$stderr" "tam: ACV 1000.50 has cents, but JPY has no decimals: give a whole amount with --acv"
	[ "$(dbdump)" = "$before" ]
	tam -q account add Dollar --acv 1000.50
	before=$(dbdump)
	run_tam account set Dollar --currency JPY
	assert_failure 2
	assert_equal "$stderr" "tam: ACV 1000.50 has cents, but JPY has no decimals: give a whole amount with --acv"
	run_tam account set Dollar --acv 1000.50 --currency jpy
	assert_failure 2
	[ "$(dbdump)" = "$before" ]
	# whole yen, or cents back in dollars, are fine in either order
	tam -q account set Dollar --currency JPY --acv 1001
	tam -q account set Dollar --acv 10.50 --currency USD
	run dbsql "select acv_cents, currency from account order by id"
	assert_output "1050|USD"
	# the same rule as the import's
	tam -q account add Yen --acv 1000 --currency JPY
	run_tam account set Yen --acv 1000.5
	assert_failure 2
}
